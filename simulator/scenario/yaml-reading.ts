// The one reading policy for scenario text (YAML, or JSON, which YAML 1.2 contains): the CLI,
// the host, the app and the scenario-text editor all read through here, so a file that opens
// in one opens in all. Every way a text can fail to read becomes a ScenarioError, never an
// exception, and the work is bounded before the parser starts: the yaml package's parser is
// recursive and takes tens of microseconds per node, so a file's size, node count and nesting
// are checked on the lexer's tokens first; its duplicate-key check is quadratic, so keys are
// checked here in one pass instead.
import {
  CST,
  type Document,
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  Lexer,
  LineCounter,
  type Node,
  parseDocument,
} from 'yaml';
import { jsonSyntaxProblem } from './json-syntax';
import type { ScenarioError } from './scenario-error';
import { quoteText, shortText } from './user-text';

/** What a scenario file may hold (the README's limits). */
export const READING_LIMITS = {
  /** Characters of text. */
  characters: 2_000_000,
  /** Values, keys and list items, aliases counted once. */
  nodes: 100_000,
  /** Lists and mappings inside one another. */
  depth: 64,
  /**
   * The yaml package's `maxAliasCount`: resolving aliases may copy at most this many nodes'
   * worth of aliases (it counts each alias times the aliases inside what it names), a guard
   * against "billion laughs" alias bombs. The package's default, 100, refuses ordinary files
   * that name one anchor in every option.
   */
  aliases: 1000,
} as const;

export type YamlRead =
  | { ok: true; document: Document.Parsed; value: unknown; lineCounter: LineCounter }
  | { ok: false; errors: ScenarioError[] };

const NOT_READABLE = 'not valid YAML or JSON';
const count = (value: number) => value.toLocaleString('en-US');

const lineAt = (text: string, offset: number) => {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
};

// JSON files get JSON's stricter grammar (YAML would accept `{"name": }` as a null name). V8's
// messages quote the start of the input, so only the problem and its place are kept.
function jsonSyntaxError(text: string): ScenarioError | undefined {
  if (!text.trimStart().startsWith('{')) return undefined;
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const syntax = jsonSyntaxProblem(error, text);
    return { path: '', message: `${NOT_READABLE}: ${syntax.problem}`, line: syntax.line };
  }
}

// The size of what the parser would build, from the lexer's tokens: values (scalars, aliases,
// flow collections, block list items) and how deeply flow collections nest.
function tooLarge(text: string): ScenarioError | undefined {
  let nodes = 0;
  let depth = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    if (type === 'flow-map-start' || type === 'flow-seq-start') {
      depth++;
      if (depth > READING_LIMITS.depth) {
        return {
          path: '',
          message: `lists and mappings nest more than ${READING_LIMITS.depth} deep; a scenario file nests at most ${READING_LIMITS.depth} deep`,
          line: lineAt(text, offset),
        };
      }
    } else if (type === 'flow-map-end' || type === 'flow-seq-end') depth = Math.max(0, depth - 1);
    if (
      type === 'scalar' ||
      type === 'alias' ||
      type === 'seq-item-ind' ||
      type === 'flow-map-start' ||
      type === 'flow-seq-start'
    ) {
      nodes++;
      if (nodes > READING_LIMITS.nodes) {
        return {
          path: '',
          message: `more than ${count(READING_LIMITS.nodes)} values; a scenario file holds at most ${count(READING_LIMITS.nodes)}`,
          line: lineAt(text, offset),
        };
      }
    }
    offset += token.length;
  }
  return undefined;
}

// Duplicate keys, keys that are not text, aliases with no anchor before them, aliases inside
// the node they name (a cycle, which would expand forever), and nesting past the limit; in one
// pass in document order, the order in which the yaml package resolves an alias to the last
// anchor of its name before it.
function structureErrors(document: Document.Parsed, lineCounter: LineCounter): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const lineOf = (node: Node | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : undefined);
  const anchors = new Map<string, Node>();
  const open = new Set<Node>();
  const visit = (node: unknown, depth: number): void => {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (!target) {
        errors.push({
          path: '',
          message: `alias *${shortText(node.source)} has no anchor &${shortText(node.source)} before it`,
          line: lineOf(node),
        });
      } else if (open.has(target)) {
        errors.push({
          path: '',
          message: `alias *${shortText(node.source)} is inside the node it names, so it would repeat forever`,
          line: lineOf(node),
        });
      }
      return;
    }
    if (!isScalar(node) && !isCollection(node)) return;
    if (node.anchor) anchors.set(node.anchor, node);
    if (!isCollection(node)) return;
    if (depth > READING_LIMITS.depth) {
      errors.push({
        path: '',
        message: `lists and mappings nest more than ${READING_LIMITS.depth} deep`,
        line: lineOf(node),
      });
      return;
    }
    open.add(node);
    const keys = new Set<string>();
    for (const item of node.items) {
      if (!isPair(item)) {
        visit(item, depth + 1);
        continue;
      }
      if (isMap(node)) {
        const key = item.key as Node | null;
        if (key !== null && !isScalar(key)) {
          errors.push({
            path: '',
            message: 'a key is a list, a mapping or an alias; keys are plain text',
            line: lineOf(key),
          });
        } else {
          const name = String(key?.value ?? '');
          if (keys.has(name)) errors.push({ path: '', message: `duplicate key ${quoteText(name)}`, line: lineOf(key) });
          keys.add(name);
          visit(key, depth + 1);
        }
      }
      visit(item.value, depth + 1);
    }
    open.delete(node);
  };
  visit(document.contents, 0);
  return errors;
}

function toValue(document: Document.Parsed): { value: unknown } | { error: string } {
  try {
    return { value: document.toJS({ maxAliasCount: READING_LIMITS.aliases }) };
  } catch (error) {
    if (error instanceof ReferenceError && /alias count/i.test(error.message)) {
      return {
        error: `its aliases expand past the limit of ${count(READING_LIMITS.aliases)} (maxAliasCount), which guards against alias bombs`,
      };
    }
    return { error: `${NOT_READABLE}: ${shortText(error instanceof Error ? error.message : String(error), 160)}` };
  }
}

/**
 * Reads a scenario's text as YAML or JSON within the reading limits. `claim`, when given, sees
 * the parsed document before any of its syntax or structure problems are reported: a refusal
 * from it is the only answer, so messages about a file that is not what it should be never
 * quote the file.
 */
export function readYaml(text: string, claim?: (document: Document.Parsed) => ScenarioError | undefined): YamlRead {
  if (text.length > READING_LIMITS.characters) {
    return {
      ok: false,
      errors: [
        {
          path: '',
          message: `the file has ${count(text.length)} characters; a scenario file has at most ${count(READING_LIMITS.characters)}`,
        },
      ],
    };
  }
  const early = jsonSyntaxError(text) ?? tooLarge(text);
  if (early) return { ok: false, errors: [early] };
  const lineCounter = new LineCounter();
  let document: Document.Parsed;
  try {
    document = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, logLevel: 'error' });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [{ path: '', message: `${NOT_READABLE}: ${shortText(message, 160)}` }] };
  }
  const refusal = claim?.(document);
  if (refusal) return { ok: false, errors: [refusal] };
  if (document.errors.length > 0) {
    return {
      ok: false,
      errors: document.errors.map((error) => ({
        path: '',
        message: `${NOT_READABLE}: ${shortText(error.message.split('\n')[0], 160)}`,
        line: lineCounter.linePos(error.pos[0]).line,
      })),
    };
  }
  const structure = structureErrors(document, lineCounter);
  if (structure.length > 0) return { ok: false, errors: structure };
  const read = toValue(document);
  if ('error' in read) return { ok: false, errors: [{ path: '', message: read.error }] };
  return { ok: true, document, value: read.value, lineCounter };
}
