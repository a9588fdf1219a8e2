// Property tests of updateScenarioText: random sequences of edits on every scenario and test
// fixture; whatever the edits, the text reads back as the edited value, and no line outside
// the edited node changes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { isMap, isSeq, parseDocument } from 'yaml';
import { readValue, updateScenarioText } from '../../../simulator/scenario-text/update-text';
import { EditGenerator, type Path } from './random-edits';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const FOLDERS = [
  'scenarios',
  'test/e2e/fixtures',
  'test/unit/export/fixtures',
  'test/perf/fixtures',
  'test/unit/scenario-text/fixtures',
];
const FILES = FOLDERS.flatMap((folder) =>
  readdirSync(join(ROOT, folder))
    .filter((name) => /\.(ya?ml|json)$/.test(name) && name !== 'placewise.schema.json')
    .map((name) => join(folder, name)),
);
const SEQUENCES = 12;
const EDITS_PER_SEQUENCE = 6;

function readBack(text: string): unknown {
  const read = readValue(text);
  if (!read) throw new Error(`the written text does not parse:\n${text}`);
  return read.value;
}

/** The lines [first, last] (0-based) that hold the node at `path`, with the comment lines around it. */
function scopeLines(text: string, path: Path): [number, number] | undefined {
  if (path.length === 0) return undefined;
  const document = parseDocument(text);
  let node: unknown = document.contents;
  let start = 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => String((item.key as { value?: unknown }).value) === String(segment));
      if (!pair) return undefined;
      start = (pair.key as { range: number[] }).range[0];
      node = pair.value;
    } else if (isSeq(node)) {
      node = node.items[segment as number];
      start = (node as { range: number[] }).range[0];
    } else return undefined;
  }
  const end = (node as { range: number[] }).range[1];
  const lines = text.split('\n');
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length - 1;
  let first = lineOf(start);
  let last = lineOf(Math.max(start, end - 1));
  while (first > 0 && /^\s*#/.test(lines[first - 1])) first--;
  while (last + 1 < lines.length && /^\s*#/.test(lines[last + 1])) last++;
  return [first, last];
}

function expectOnlyScopeChanged(before: string, after: string, scope: [number, number], what: string): void {
  const old = before.split('\n');
  const next = after.split('\n');
  const [first, last] = scope;
  expect(next.slice(0, first), `lines before the edited node, ${what}`).toEqual(old.slice(0, first));
  const tail = old.length - last - 1;
  expect(tail === 0 ? [] : next.slice(-tail), `lines after the edited node, ${what}`).toEqual(
    tail === 0 ? [] : old.slice(-tail),
  );
}

describe.each(FILES)('editing %s', (file) => {
  const original = readFileSync(join(ROOT, file), 'utf8');
  const value = readBack(original) as Record<string, unknown>;
  const json = file.endsWith('.json');

  test('an unchanged value gives the file byte for byte', () => {
    expect(updateScenarioText(original, structuredClone(value))).toBe(original);
  });

  test('every random edit reads back as the edited value and changes only the lines of the node it edits', () => {
    const random = new EditGenerator(7, file);
    for (let sequence = 0; sequence < SEQUENCES; sequence++) {
      let current = value;
      let saved = original;
      for (let step = 0; step < EDITS_PER_SEQUENCE; step++) {
        const edit = random.edit(current);
        const what = `${edit.description} (sequence ${sequence}, edit ${step})`;
        // One edit from the file as it was saved last: the lines outside the edited node stay.
        const once = updateScenarioText(saved, edit.value);
        expect(readBack(once), what).toEqual(edit.value);
        if (json) {
          // JSON has no comments to keep: it must stay JSON, keys in the draft's order.
          expect(JSON.stringify(JSON.parse(once)), what).toBe(JSON.stringify(edit.value));
        } else {
          const scope = scopeLines(saved, edit.scope);
          if (scope) expectOnlyScopeChanged(saved, once, scope, what);
        }
        // All edits so far from the file as opened (what Save does after many edits).
        expect(readBack(updateScenarioText(original, edit.value)), what).toEqual(edit.value);
        current = edit.value;
        saved = once;
      }
    }
  });
});
