// Seeded mutations of a scenario file, after the classes of the fuzzing review of issue 16:
// deleted keys, swapped types, extreme numbers, alias bombs and cycles, unresolved aliases,
// garbage and control characters, huge lists, deep nesting, long text, truncation, ids that
// are names of built-in object properties, outages much faster than requests, and counts
// beyond what a run can hold. The same seed gives the same files.
import { parse, stringify } from 'yaml';
import { RandomStream } from '../../simulator/random/random-stream';

export interface Mutation {
  /** The mutation's class, for reports. */
  kind: string;
  text: string;
}

type Path = (string | number)[];
type Mutator = (random: RandomStream, scenario: Scenario) => string;
interface Scenario {
  text: string;
  value: Record<string, unknown>;
}

// Stands for a literal that neither YAML's nor JSON's serialiser would write (an alias, `.nan`).
const TOKEN = 'PLACEWISE_FUZZ_LITERAL';

const pick = <T>(random: RandomStream, items: readonly T[]): T => items[random.nextInt(items.length)];
const clone = <T>(value: T): T => structuredClone(value);

function nodePaths(value: unknown, path: Path = [], into: Path[] = []): Path[] {
  into.push(path);
  if (Array.isArray(value)) value.forEach((item, index) => nodePaths(item, [...path, index], into));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) nodePaths(item, [...path, key], into);
  }
  return into;
}

function valueAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value);
}

function withValueAt(root: Record<string, unknown>, path: Path, next: unknown): Record<string, unknown> {
  if (path.length === 0) return next as Record<string, unknown>;
  const copy = clone(root);
  const parent = valueAt(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1]] = next;
  return copy;
}

/** The scenario as YAML or, sometimes, as JSON (so both grammars get mutated input). */
function serialise(random: RandomStream, value: unknown): string {
  return random.next() < 0.25 ? JSON.stringify(value, null, 2) : stringify(value, { lineWidth: 0 });
}

/** The scenario with the node at a random path replaced by a literal written into the text. */
function withLiteral(random: RandomStream, scenario: Scenario, paths: Path[], literal: string): string {
  const text = serialise(random, withValueAt(scenario.value, pick(random, paths), TOKEN));
  return text.replace(`"${TOKEN}"`, literal).replace(TOKEN, literal);
}

const anyPath = (scenario: Scenario) => nodePaths(scenario.value).filter((path) => path.length > 0);
const numberPaths = (scenario: Scenario) =>
  nodePaths(scenario.value).filter((path) => typeof valueAt(scenario.value, path) === 'number');
const mapKeyPaths = (scenario: Scenario) =>
  nodePaths(scenario.value).filter(
    (path) =>
      path.length > 0 &&
      typeof path[path.length - 1] === 'string' &&
      !Array.isArray(valueAt(scenario.value, path.slice(0, -1))),
  );

const EXTREME_NUMBERS = [
  '0',
  '-1',
  '-0',
  '1e-7',
  '5e-324',
  '1e-300',
  '1e9',
  '4294967296',
  '9007199254740993',
  '1e21',
  '1e300',
  '1.7976931348623157e308',
  '1e999',
  '-1e999',
  '.nan',
  '.inf',
  '-.inf',
  'NaN',
  'Infinity',
  '0x7fffffff',
  '1'.repeat(400),
  `0.${'0'.repeat(400)}1`,
];

const TYPE_SWAPS = ['~', 'true', '"text"', '[]', '{}', '[1, 2]', '{ a: 1 }', '"12"', '""', '-1', '0'];

function aliasBomb(random: RandomStream): string {
  const width = 4 + random.nextInt(6);
  const depth = 4 + random.nextInt(6);
  const levels = [`&l0 [${Array(width).fill('"lol"').join(', ')}]`];
  for (let level = 1; level < depth; level++) {
    levels.push(
      `&l${level} [${Array(width)
        .fill(`*l${level - 1}`)
        .join(', ')}]`,
    );
  }
  return `[${levels.join(', ')}]`;
}

const ALIAS_CYCLES = ['&cycle [ *cycle ]', '&cycle { again: *cycle }', '&cycle [ 1, [ 2, *cycle ] ]'];
const CONTROL_TEXT = [
  '"\\0\\a\\b\\e\\x7f\\x1b[31mred"',
  '"\\u202eevil\\u0007"',
  '"line\\nbreak\\rreturn"',
  '"\\ud800"',
  '"\\x00\\x01\\x02"',
];
export const BUILT_IN_NAMES = ['toString', '__proto__', 'constructor', 'hasOwnProperty', 'valueOf'];

/** Every occurrence of an id renamed, as a value and as a key, so that the file stays consistent. */
export function renameId(value: unknown, from: string, to: string): unknown {
  if (value === from) return to;
  if (Array.isArray(value)) return value.map((item) => renameId(item, from, to));
  if (value === null || typeof value !== 'object') return value;
  const renamed: Record<string, unknown> = Object.create(null);
  for (const [key, item] of Object.entries(value)) renamed[key === from ? to : key] = renameId(item, from, to);
  return renamed;
}

/** The ids a scenario defines (components, links, models, steps, options). */
export function definedIds(value: Record<string, unknown>): string[] {
  const sections = ['components', 'links', 'models', 'pipeline', 'options'];
  return sections.flatMap((section) => {
    const list = value[section];
    return Array.isArray(list)
      ? list.map((item) => (item as { id?: unknown }).id).filter((id) => typeof id === 'string')
      : [];
  }) as string[];
}

const OUTAGE_PERIODS = [
  '0',
  '1e-7',
  '0.000001',
  '0.001',
  '{ exponential: 0.000001 }',
  '{ uniform: [0, 0.000002] }',
  '{ empirical: [0, 0, 0, 0.00001] }',
  '{ constant: 0 }',
  '1e9',
  '1e300',
];

const HUGE_COUNTS: [string, string][] = [
  ['workload', 'users'],
  ['workload', 'requests'],
  ['workload', 'duration_s'],
  ['workload', 'per_user_rps'],
];

const MUTATORS: Record<string, Mutator> = {
  'deleted key': (random, scenario) => {
    const path = pick(random, mapKeyPaths(scenario));
    const copy = clone(scenario.value);
    delete (valueAt(copy, path.slice(0, -1)) as Record<string, unknown>)[path[path.length - 1] as string];
    return serialise(random, copy);
  },
  'swapped type': (random, scenario) => withLiteral(random, scenario, anyPath(scenario), pick(random, TYPE_SWAPS)),
  'extreme number': (random, scenario) =>
    withLiteral(random, scenario, numberPaths(scenario), pick(random, EXTREME_NUMBERS)),
  'alias bomb': (random, scenario) => withLiteral(random, scenario, anyPath(scenario), aliasBomb(random)),
  'alias cycle': (random, scenario) => withLiteral(random, scenario, anyPath(scenario), pick(random, ALIAS_CYCLES)),
  'unresolved alias': (random, scenario) => withLiteral(random, scenario, anyPath(scenario), '*nowhere'),
  garbage: (random, scenario) => {
    const bytes = Array.from({ length: 1 + random.nextInt(64) }, () => String.fromCharCode(random.nextInt(256)));
    const at = random.nextInt(scenario.text.length);
    return scenario.text.slice(0, at) + bytes.join('') + scenario.text.slice(at);
  },
  'control characters': (random, scenario) => {
    const stringPaths = nodePaths(scenario.value).filter((path) => typeof valueAt(scenario.value, path) === 'string');
    return withLiteral(random, scenario, stringPaths, pick(random, CONTROL_TEXT));
  },
  'huge list': (random, scenario) => {
    // Just past the limit on a list's entries, and past the limit on a file's values.
    const length = pick(random, [10_001, 100_001]);
    return withLiteral(random, scenario, anyPath(scenario), `[${Array(length).fill('1').join(',')}]`);
  },
  'deep nesting': (random, scenario) => {
    const depth = pick(random, [65, 1000, 100_000]);
    return withLiteral(random, scenario, anyPath(scenario), `${'['.repeat(depth)}${']'.repeat(depth)}`);
  },
  'long text': (random, scenario) => {
    const stringPaths = nodePaths(scenario.value).filter((path) => typeof valueAt(scenario.value, path) === 'string');
    const length = pick(random, [10_001, 200_000]);
    return withLiteral(random, scenario, stringPaths, `"${'x'.repeat(length)}"`);
  },
  truncated: (random, scenario) => scenario.text.slice(0, random.nextInt(scenario.text.length)),
  'scaled figure': (random, scenario) => {
    const path = pick(random, numberPaths(scenario));
    const value = valueAt(scenario.value, path) as number;
    const scaled = value * pick(random, [0, 1e-9, 1e-6, 1e-3, 0.5, 2, 1e3, 1e6, 1e9]);
    return serialise(random, withValueAt(scenario.value, path, Number.isInteger(value) ? Math.round(scaled) : scaled));
  },
  'built-in id': (random, scenario) => {
    const ids = definedIds(scenario.value);
    if (ids.length === 0) return scenario.text;
    return serialise(random, renameId(scenario.value, pick(random, ids), pick(random, BUILT_IN_NAMES)));
  },
  'fast outages': (random, scenario) => {
    const links = scenario.value.links;
    if (!Array.isArray(links) || links.length === 0) return scenario.text;
    const every = pick(random, OUTAGE_PERIODS);
    const lasting = pick(random, OUTAGE_PERIODS);
    return withLiteral(
      random,
      scenario,
      [['links', random.nextInt(links.length), 'outages']],
      `{ every_s: ${every}, lasting_s: ${lasting} }`,
    );
  },
  'huge count': (random, scenario) => {
    const [section, key] = pick(random, HUGE_COUNTS);
    const literal = pick(random, ['1e9', '1e12', '9007199254740991', '1e300', '1e-300']);
    return withLiteral(random, scenario, [[section, key]], literal);
  },
};

export const MUTATION_KINDS = Object.keys(MUTATORS);

/**
 * The mutations of a scenario's text: mutation `index` has its own random stream, so any one
 * can be made alone, and the same seed gives the same files.
 */
export function scenarioMutations(text: string, seed: number): (index: number) => Mutation {
  const scenario: Scenario = { text, value: parse(text) as Record<string, unknown> };
  return (index) => {
    const kind = MUTATION_KINDS[index % MUTATION_KINDS.length];
    return { kind, text: MUTATORS[kind](new RandomStream(seed, 'scenario-mutations', index), scenario) };
  };
}
