// One YAML reading policy for every reader (issue 16, point 1; issue 20, point 4): every way a
// text can fail to read is a `FILE: PATH: message` refusal naming what and why, and a file that
// opens in the CLI opens in the host and in the app alike.
import { readFileSync, truncateSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createPlacewiseStore } from '../../../app/store/store';
import { exportScenarioText } from '../../../electron/host/scenario-export';
import { createHostWork } from '../../../electron/host/work/host-work';
import { formatScenarioError, parseScenarioText, READING_LIMITS } from '../../../simulator';
import { buildCliFirst, placewise, root, scratchFile } from '../support/placewise-cli';

buildCliFirst();

const twoTier = readFileSync(`${root}/test/e2e/fixtures/two-tier.yaml`, 'utf8');

/** The two-tier scenario with `capture` taking an empirical time of one anchored value and `aliases` aliases of it. */
function withAliases(aliases: number): string {
  const values = ['&t 2', ...Array<string>(aliases).fill('*t')].join(', ');
  return twoTier.replace('    compute_ms: 2\n', `    compute_ms: { empirical: [${values}] }\n`);
}

/** The lines `placewise run` prints for a text it refuses, or the results' first option id. */
function refusal(text: string): string[] {
  const parsed = parseScenarioText(text);
  expect(parsed.ok).toBe(false);
  return parsed.ok ? [] : parsed.errors.map((error) => formatScenarioError('s.yaml', error));
}

describe('a file of 150 aliases (more than the yaml package allows by default)', () => {
  const text = withAliases(150);

  test('runs in the CLI', () => {
    const { code, stdout, stderr } = placewise('run', scratchFile('aliases.yaml', text), '--json', '--requests', '500');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).options.map((option: { id: string }) => option.id)).toEqual(['on-camera', 'in-cloud']);
  });

  test('exports in the host', async () => {
    const work = createHostWork({ simulations: { workers: 1 } });
    try {
      const exported = await exportScenarioText({ scenarioText: text, format: 'mmd' }, work.simulations);
      expect(exported.ok).toBe(true);
    } finally {
      work.simulations.close();
      work.benchmarks.close();
    }
  });

  test("opens in the app's document", () => {
    const store = createPlacewiseStore();
    expect(store.getState().loadScenarioText('/aliases.yaml', text)).toBe(true);
    expect(store.getState().errors).toEqual([]);
    expect(store.getState().scenario?.pipeline[0].compute_ms).toEqual({ empirical: Array(151).fill(2) });
  });
});

describe('aliases that would not end are refused, naming why', () => {
  test('an alias bomb: the limit is named', () => {
    const levels = ['&a0 [x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 9; level++)
      levels.push(
        `&a${level} [${Array(9)
          .fill(`*a${level - 1}`)
          .join(', ')}]`,
      );
    const lines = refusal(`${twoTier}description: [${levels.join(', ')}]\n`);
    expect(lines).toEqual([
      `s.yaml: (file): its aliases expand past the limit of ${READING_LIMITS.aliases.toLocaleString('en-US')} (maxAliasCount), which guards against alias bombs`,
    ]);
  });

  test('an alias cycle', () => {
    expect(refusal(`${twoTier}description: &loop [1, *loop]\n`)).toEqual([
      `s.yaml: (file): alias *loop is inside the node it names, so it would repeat forever (line ${twoTier.split('\n').length})`,
    ]);
  });

  test('an unresolved alias', () => {
    expect(refusal(`${twoTier}description: *nowhere\n`)).toEqual([
      `s.yaml: (file): alias *nowhere has no anchor &nowhere before it (line ${twoTier.split('\n').length})`,
    ]);
  });
});

describe('files too large or too deep to read are refused before the parser starts', () => {
  test('nesting deeper than the limit', () => {
    const depth = 100_000;
    expect(refusal(`${twoTier}description: ${'['.repeat(depth)}${']'.repeat(depth)}\n`)[0]).toMatch(
      `s.yaml: (file): lists and mappings nest more than ${READING_LIMITS.depth} deep`,
    );
  });

  test('more values than the limit', () => {
    const list = Array(READING_LIMITS.nodes + 1)
      .fill('1')
      .join(',');
    expect(refusal(`${twoTier}description: [${list}]\n`)[0]).toMatch(/^s\.yaml: \(file\): more than 100,000 values/);
  });

  test('a 50 MB file is refused by the CLI before it is read', () => {
    const file = scratchFile('huge.yaml', '');
    truncateSync(file, 50_000_000);
    const { code, stderr } = placewise('run', file, '--json');
    expect(code).toBe(2);
    expect(stderr).toBe(`placewise: ${file}: too large for a scenario file (50,000,000 bytes; the limit is 5 MB)\n`);
  });

  test('more characters than the limit', () => {
    expect(refusal(`${twoTier}description: ${'x'.repeat(READING_LIMITS.characters)}\n`)[0]).toMatch(
      /^s\.yaml: \(file\): the file has 2,000,\d+ characters; a scenario file has at most 2,000,000$/,
    );
  });

  test('a mapping of many keys reads in one pass (duplicates found without comparing every pair)', () => {
    const keys = Array.from({ length: 10_000 }, (_, index) => `  k${index}: 1`).join('\n');
    expect(refusal(`${twoTier}hardware:\n${keys}\n  k7: 2\n`)).toEqual([
      `s.yaml: (file): duplicate key 'k7' (line ${twoTier.split('\n').length + 10_001})`,
    ]);
  });
});

describe('numbers that are not figures', () => {
  test('an over-long number in JSON is refused as too large, not read as null', () => {
    const json = JSON.stringify(parseScenarioTextValue(twoTier)).replace('"users":100', `"users":1${'0'.repeat(400)}`);
    expect(refusal(json)).toEqual([
      's.yaml: workload.users: expected number, got infinity (a number too large to hold, or .inf) (line 1)',
    ]);
  });

  test('NaN in JSON is a syntax error, the file not quoted', () => {
    const json = JSON.stringify(parseScenarioTextValue(twoTier), null, 2).replace('"users": 100', '"users": NaN');
    expect(refusal(json)).toEqual(['s.yaml: (file): not valid YAML or JSON: unexpected character']);
  });

  test('.nan in YAML', () => {
    expect(refusal(twoTier.replace('users: 100', 'users: .nan'))).toEqual([
      `s.yaml: workload.users: expected number, got NaN (not a number) (line ${lineOf(twoTier, 'users: 100')})`,
    ]);
  });
});

describe('messages quote user text escaped and shortened', () => {
  test('control characters and binary garbage are written as escapes', () => {
    const text = twoTier.replace('kind: camera', 'kind: "\\e[31mred\\u0007\\u202e"');
    expect(refusal(text)[0]).toBe(
      `s.yaml: components[0].kind: expected one of "camera", "wearable", "phone", "edge", "cloud", "serverless" (line ${lineOf(twoTier, 'kind: camera')})`,
    );
    const unknown = refusal(twoTier.replace('seed: 3', '"se\\x07ed\\x1b": 3'));
    expect(unknown).toEqual([`s.yaml: (file): unknown field 'se\\u0007ed\\u001b'`]);
  });

  test('a value of a megabyte is cut to a line', () => {
    const [line] = refusal(twoTier.replace('replicas: 2', `replicas: "${'x'.repeat(1_000_000)}"`));
    expect(line).toBe(
      `s.yaml: components[1].replicas: expected number or object, got string "${'x'.repeat(60)}… (1000000 characters)" (line ${lineOf(twoTier, 'replicas: 2')})`,
    );
  });

  test('bytes that are not text', () => {
    const garbage = Buffer.from([0x00, 0xff, 0x1b, 0x5b, 0x32, 0x4a, 0x07, 0xc3, 0x28]).toString('latin1');
    for (const line of refusal(`${twoTier.slice(0, 200)}${garbage}${twoTier.slice(200)}`)) {
      expect(line).toMatch(/^s\.yaml: /);
      // eslint-disable-next-line no-control-regex -- finding control characters is the point
      expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    }
  });
});

function parseScenarioTextValue(text: string): unknown {
  const parsed = parseScenarioText(text);
  if (!parsed.ok) throw new Error('the fixture is valid');
  return JSON.parse(JSON.stringify(parsed.scenario));
}

function lineOf(text: string, fragment: string): number {
  return text.slice(0, text.indexOf(fragment)).split('\n').length;
}
