// Minimal text edits to a YAML file, located with the yaml package's Document API (node ranges)
// and applied to the original text, so that everything not edited stays byte for byte as the
// architect wrote it: comments, their alignment, folded text, flow-collection spacing. Scenario
// files live in version control, where a re-serialised file would be a diff of every line.
import { type Document, isMap, isScalar, type Pair, stringify, type YAMLMap } from 'yaml';

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** A scalar or a one-line flow mapping as YAML text. */
export function inlineYaml(value: unknown): string {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value).map(([key, inner]) => `${key}: ${inlineYaml(inner)}`);
    return `{ ${entries.join(', ')} }`;
  }
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

export function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((item) => isScalar(item.key) && item.key.value === key) as Pair | undefined;
}

const rangeOf = (node: unknown): [number, number, number] | undefined =>
  (node as { range?: [number, number, number] } | null)?.range;

function column(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end + 1;
}

/**
 * Edits that give each key of `values` its value inside a block mapping: an existing scalar (or
 * any value) is replaced in place after its key; missing keys become new lines after the last
 * entry, at the mapping's indentation. Returns undefined when the mapping is not block style.
 */
export function setInBlockMap(text: string, map: YAMLMap, values: Record<string, unknown>): TextEdit[] | undefined {
  const range = rangeOf(map);
  if (map.flow || !range || map.items.length === 0) return undefined;
  const edits: TextEdit[] = [];
  const added: string[] = [];
  const firstKey = rangeOf(map.items[0].key);
  if (!firstKey) return undefined;
  const indent = ' '.repeat(column(text, firstKey[0]));
  for (const [key, value] of Object.entries(values)) {
    const pair = findPair(map, key);
    const keyRange = rangeOf(pair?.key);
    const valueRange = rangeOf(pair?.value);
    if (pair && keyRange && valueRange)
      edits.push({ start: keyRange[1], end: valueRange[1], text: `: ${inlineYaml(value)}` });
    else added.push(`${indent}${key}: ${inlineYaml(value)}\n`);
  }
  if (added.length > 0) {
    const lastValue = rangeOf(map.items[map.items.length - 1].value) ?? range;
    const at = lineEnd(text, Math.max(lastValue[1] - 1, 0));
    const newline = at === text.length && !text.endsWith('\n') ? '\n' : '';
    edits.push({ start: at, end: at, text: newline + added.join('') });
  }
  return edits;
}

/** An edit adding `key:` holding `values` as the last entry of a block mapping, at its indentation. */
export function appendBlockEntry(
  text: string,
  map: YAMLMap,
  key: string,
  values: Record<string, unknown>,
): TextEdit[] | undefined {
  const first = rangeOf(map.items[0]?.key);
  const last = rangeOf(map.items[map.items.length - 1]?.value);
  if (map.flow || !first || !last) return undefined;
  const at = lineEnd(text, Math.max(last[1] - 1, 0));
  const newline = at === text.length && !text.endsWith('\n') ? '\n' : '';
  return [{ start: at, end: at, text: newline + blockEntry(key, values, column(text, first[0])) }];
}

/** Text of a new block-mapping entry `key:` holding `values`, indented by `indent` spaces. */
export function blockEntry(key: string, values: Record<string, unknown>, indent: number): string {
  const pad = ' '.repeat(indent);
  const lines = [
    `${pad}${key}:`,
    ...Object.entries(values).map(([name, value]) => `${pad}  ${name}: ${inlineYaml(value)}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** Where to put a new top-level key: at the start of the line of `beforeKey`, or at the end. */
export function topLevelInsertion(text: string, document: Document, beforeKey: string): number {
  const root = document.contents;
  if (isMap(root)) {
    const pair = findPair(root, beforeKey);
    const keyRange = rangeOf(pair?.key);
    if (keyRange) return text.lastIndexOf('\n', keyRange[0] - 1) + 1;
  }
  return text.length;
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  }
  return out;
}
