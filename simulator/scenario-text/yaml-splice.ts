// The smallest text change that gives a YAML file a new value: the file and the value are
// walked together, and only where they differ is the original text replaced, with offsets
// from the yaml package's node ranges. Everything else stays byte for byte: comments and
// their alignment, blank lines, quoting, flow or block style, folded text. Removed entries
// take their own comment lines with them; moved list items carry theirs along.
import { type Document, isAlias, isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { type FileStyle, fileStyle } from './file-style';
import { flowText, keyText, mappingValueText, sequenceItemText, type StyleTemplate } from './render-value';
import { isPlainObject, sameValue } from './same-value';
import { matchItems } from './sequence-match';
import { applyEdits, column, commentLineIndent, isBlankLine, lineEnd, lineStart, type TextEdit } from './text-edits';

/** Raised inside the splicer where the file's layout leaves no safe minimal edit. */
class NoMinimalEdit extends Error {}

type Place =
  | { kind: 'flow' }
  | { kind: 'map-value'; pair: Pair; keyColumn: number; template: StyleTemplate }
  | { kind: 'seq-item'; template: StyleTemplate };

type Range = [number, number, number];

function rangeOf(node: unknown): Range {
  const range = (node as { range?: Range } | null)?.range;
  if (!range) throw new NoMinimalEdit();
  return range;
}

function keyOf(pair: Pair): string {
  if (!isScalar(pair.key)) throw new NoMinimalEdit();
  const key = pair.key.value;
  if (typeof key !== 'string' && typeof key !== 'number' && typeof key !== 'boolean') throw new NoMinimalEdit();
  return String(key);
}

function sameKind(node: unknown, value: unknown): boolean {
  return Array.isArray(value) ? isSeq(node) : isPlainObject(value) ? isMap(node) : isScalar(node);
}

/** How the entries of a mapping map onto the new keys. */
interface EntryPlan {
  /** Old key to new key, for entries that stay (a rename changes only the key's text). */
  kept: Map<string, string>;
  removed: string[];
  /** New keys, each after the entry of an old key (null: before the first). */
  added: { key: string; after: string | null }[];
}

function planEntries(oldKeys: string[], nextKeys: string[]): EntryPlan {
  const kept = new Map(oldKeys.filter((key) => nextKeys.includes(key)).map((key) => [key, key]));
  const oldOf = new Map([...kept].map(([from, to]) => [to, from]));
  // A key that replaces a removed one at the same place is a rename: it keeps that entry's comments.
  for (const [index, key] of nextKeys.entries()) {
    if (oldOf.has(key)) continue;
    const previous = nextKeys[index - 1];
    const candidate =
      previous === undefined
        ? oldKeys[0]
        : oldOf.has(previous)
          ? oldKeys[oldKeys.indexOf(oldOf.get(previous)!) + 1]
          : undefined;
    if (candidate !== undefined && !nextKeys.includes(candidate) && !kept.has(candidate)) {
      kept.set(candidate, key);
      oldOf.set(key, candidate);
    }
  }
  const added: EntryPlan['added'] = [];
  let after: string | null = null;
  for (const key of nextKeys) {
    if (oldOf.has(key)) after = oldOf.get(key)!;
    else added.push({ key, after });
  }
  return { kept, removed: oldKeys.filter((key) => !kept.has(key)), added };
}

/** Runs of consecutive indices: [[first, last], ...]. */
function runs(indices: number[]): [number, number][] {
  const sorted = [...indices].sort((a, b) => a - b);
  const result: [number, number][] = [];
  for (const index of sorted) {
    const last = result[result.length - 1];
    if (last && last[1] === index - 1) last[1] = index;
    else result.push([index, index]);
  }
  return result;
}

class Splicer {
  readonly edits: TextEdit[] = [];

  constructor(
    readonly text: string,
    readonly style: FileStyle,
  ) {}

  patch(node: unknown, old: unknown, next: unknown, place: Place): void {
    if (sameValue(old, next)) return;
    if (isMap(node) && isPlainObject(old) && isPlainObject(next)) this.patchMap(node, old, next, place);
    else if (isSeq(node) && Array.isArray(old) && Array.isArray(next)) this.patchSeq(node, old, next, place);
    else this.replace(node, next, place);
  }

  patchRoot(root: YAMLMap, old: Record<string, unknown>, next: Record<string, unknown>): void {
    if (sameValue(old, next)) return;
    if (root.flow || root.items.length === 0 || Object.keys(next).length === 0) throw new NoMinimalEdit();
    this.patchBlockMap(root, old, next, undefined);
  }

  // ---- mappings

  private patchMap(node: YAMLMap, old: Record<string, unknown>, next: Record<string, unknown>, place: Place): void {
    if (node.items.length === 0 || Object.keys(next).length === 0) this.replace(node, next, place);
    else if (node.flow) this.patchFlowMap(node, old, next);
    else this.patchBlockMap(node, old, next, place.kind === 'flow' ? undefined : place.template);
  }

  private entries(node: YAMLMap, old: Record<string, unknown>): { pairs: Pair[]; keys: string[] } {
    const pairs = node.items as Pair[];
    const keys = pairs.map(keyOf);
    // Merge keys, duplicates or aliases as keys: the value is not the entries' sum.
    if (new Set(keys).size !== keys.length || !sameValue([...keys].sort(), Object.keys(old).sort()))
      throw new NoMinimalEdit();
    return { pairs, keys };
  }

  /** The node a new value under `key` should look like: the same key in a like mapping, else a like sibling. */
  private templateFor(node: YAMLMap, template: StyleTemplate, key: string, value: unknown): StyleTemplate {
    const same = isMap(template) ? template.get(key, true) : undefined;
    if (same !== undefined) return same;
    if (!Array.isArray(value) && !isPlainObject(value)) return undefined;
    return node.items.find((pair) => sameKind(pair.value, value) && keyOf(pair as Pair) !== key)?.value;
  }

  private renameKey(pair: Pair, to: string, flow: boolean): void {
    const [start, end] = rangeOf(pair.key);
    this.edits.push({ start, end, text: keyText(to, this.style, flow) });
  }

  private patchBlockMap(
    node: YAMLMap,
    old: Record<string, unknown>,
    next: Record<string, unknown>,
    template: StyleTemplate,
  ): void {
    const { text } = this;
    const { pairs, keys } = this.entries(node, old);
    const keyColumn = column(text, rangeOf(pairs[0].key)[0]);
    const firstKeyStart = rangeOf(pairs[0].key)[0];
    // `- id: a`: the first entry shares its line with the list's dash.
    const onDashLine = text.slice(lineStart(text, firstKeyStart), firstKeyStart).trim() !== '';
    const plan = planEntries(keys, Object.keys(next));
    for (const [from, to] of plan.kept) {
      const pair = pairs[keys.indexOf(from)];
      if (from !== to) this.renameKey(pair, to, false);
      const childTemplate = this.templateFor(node, template, to, next[to]);
      this.patch(pair.value, old[from], next[to], { kind: 'map-value', pair, keyColumn, template: childTemplate });
    }

    const start = (index: number) => this.entryStart(pairs[index], keyColumn, index === 0 && onDashLine);
    const end = (index: number) => this.entryEnd(pairs[index], keyColumn);
    for (const [first, last] of runs(plan.removed.map((key) => keys.indexOf(key)))) {
      if (first === 0 && onDashLine) {
        // The next entry moves up onto the dash line.
        if (last + 1 >= pairs.length) throw new NoMinimalEdit();
        this.edits.push({ start: firstKeyStart, end: rangeOf(pairs[last + 1].key)[0], text: '' });
      } else this.edits.push({ start: start(first), end: end(last), text: '' });
    }

    const groups = new Map<string | null, string[]>();
    for (const { key, after } of plan.added) {
      const written = keyText(key, this.style, false);
      const entry = `${' '.repeat(keyColumn)}${written}${mappingValueText(next[key], this.style, keyColumn, written, this.templateFor(node, template, key, next[key]))}\n`;
      const anchor = after === null && onDashLine ? keys[0] : after;
      groups.set(anchor, [...(groups.get(anchor) ?? []), entry]);
    }
    const gap = (index: number) => text.slice(end(index), start(index + 1));
    const isBlankGap = (between: string) => between !== '' && between.split('\n').slice(0, -1).every(isBlankLine);
    // Entries separated by blank lines (top-level sections, usually) get one too.
    const gaps = pairs.slice(1).map((_, index) => gap(index));
    const blankSeparated = gaps.filter(isBlankGap).length * 2 > gaps.length;
    for (const [after, added] of groups) {
      const index = after === null ? -1 : keys.indexOf(after);
      let at = index < 0 ? start(0) : end(index);
      let inserted = added.join('');
      if (index >= 0 && index + 1 < pairs.length && isBlankGap(gap(index))) {
        at = start(index + 1);
        inserted += gap(index);
      } else if (index === pairs.length - 1 && blankSeparated) inserted = `\n${inserted}`;
      if (at === text.length && !text.endsWith('\n')) inserted = `\n${inserted}`;
      this.edits.push({ start: at, end: at, text: inserted });
    }
  }

  /** Where an entry's text begins: its line, with the comment lines just above it at its indentation. */
  private entryStart(pair: Pair, keyColumn: number, onDashLine: boolean): number {
    const keyStart = rangeOf(pair.key)[0];
    if (onDashLine) return keyStart;
    const start = lineStart(this.text, keyStart);
    if (this.text.slice(start, keyStart).trim() !== '') throw new NoMinimalEdit();
    return this.extendUp(start, (indent) => indent === keyColumn);
  }

  /** Where an entry's text ends: after its last line and the comment lines indented under it. */
  private entryEnd(pair: Pair, keyColumn: number): number {
    const keyStart = rangeOf(pair.key)[0];
    const last = Math.max(this.contentEnd(pair.value) - 1, keyStart);
    return this.extendDown(lineEnd(this.text, last), (indent) => indent > keyColumn);
  }

  private extendUp(start: number, belongs: (indent: number) => boolean): number {
    let at = start;
    while (at > 0) {
      const previous = lineStart(this.text, at - 1);
      const indent = commentLineIndent(this.text.slice(previous, at - 1));
      if (indent === undefined || !belongs(indent)) break;
      at = previous;
    }
    return at;
  }

  private extendDown(end: number, belongs: (indent: number) => boolean): number {
    let at = end;
    while (at < this.text.length) {
      const next = lineEnd(this.text, at);
      const indent = commentLineIndent(this.text.slice(at, next));
      if (indent === undefined || !belongs(indent)) break;
      at = next;
    }
    return at;
  }

  private patchFlowMap(node: YAMLMap, old: Record<string, unknown>, next: Record<string, unknown>): void {
    const { pairs, keys } = this.entries(node, old);
    const plan = planEntries(keys, Object.keys(next));
    for (const [from, to] of plan.kept) {
      const pair = pairs[keys.indexOf(from)];
      if (from !== to) this.renameKey(pair, to, true);
      this.patch(pair.value, old[from], next[to], { kind: 'flow' });
    }
    const starts = pairs.map((pair) => rangeOf(pair.key)[0]);
    const ends = pairs.map((pair) => this.contentEnd(pair.value));
    this.removeFlowRuns(
      plan.removed.map((key) => keys.indexOf(key)),
      starts,
      ends,
    );
    const written = (key: string) =>
      `${keyText(key, this.style, true)}: ${flowText(next[key], this.style, this.templateFor(node, undefined, key, next[key]))}`;
    this.insertFlowGroups(
      plan.added.map(({ key, after }) => ({ text: written(key), after: after === null ? -1 : keys.indexOf(after) })),
      starts,
      ends,
    );
  }

  private removeFlowRuns(removed: number[], starts: number[], ends: number[]): void {
    for (const [first, last] of runs(removed)) {
      if (last + 1 < starts.length) this.edits.push({ start: starts[first], end: starts[last + 1], text: '' });
      else if (first > 0) this.edits.push({ start: ends[first - 1], end: ends[last], text: '' });
      else throw new NoMinimalEdit();
    }
  }

  /** Adds items to a flow collection, each after the old item `after` (-1: before the first). */
  private insertFlowGroups(added: { text: string; after: number }[], starts: number[], ends: number[]): void {
    const groups = new Map<number, string[]>();
    for (const { text, after } of added) groups.set(after, [...(groups.get(after) ?? []), text]);
    for (const [after, texts] of groups) {
      if (after < 0) this.edits.push({ start: starts[0], end: starts[0], text: `${texts.join(', ')}, ` });
      else this.edits.push({ start: ends[after], end: ends[after], text: `, ${texts.join(', ')}` });
    }
  }

  // ---- sequences

  private patchSeq(node: YAMLSeq, old: unknown[], next: unknown[], place: Place): void {
    if (node.items.length === 0 || next.length === 0) this.replace(node, next, place);
    else if (node.flow) this.patchFlowSeq(node, old, next);
    else this.patchBlockSeq(node, old, next);
  }

  /** Matches items, patches the ones that stay, and returns where each new item comes from. */
  private matchSeq(node: YAMLSeq, old: unknown[], next: unknown[], itemPlace: (index: number) => Place) {
    const matches = matchItems(old, next);
    const sourceOf = new Map(matches.map((match) => [match.next, match]));
    const staying = new Set(matches.filter((match) => !match.moved).map((match) => match.old));
    for (const match of matches) {
      if (!match.moved) this.patch(node.items[match.old], old[match.old], next[match.next], itemPlace(match.old));
    }
    const removed = old.map((_, index) => index).filter((index) => !staying.has(index));
    // Each new or moved item goes after the nearest item before it that stays (-1: before the first).
    const arrivals = next.flatMap((_, index) => {
      const match = sourceOf.get(index);
      if (match && !match.moved) return [];
      let after = -1;
      for (let previous = index - 1; previous >= 0; previous--) {
        const source = sourceOf.get(previous);
        if (source && !source.moved) {
          after = source.old;
          break;
        }
      }
      return [{ index, after, from: match?.old }];
    });
    return { removed, arrivals };
  }

  /** The text of an item that moves, with its own changes applied. */
  private movedText(item: unknown, old: unknown, next: unknown, place: Place, start: number, end: number): string {
    const inner = new Splicer(this.text, this.style);
    inner.patch(item, old, next, place);
    if (inner.edits.some((edit) => edit.start < start || edit.end > end)) throw new NoMinimalEdit();
    const moved = applyEdits(
      this.text.slice(start, end),
      inner.edits.map((edit) => ({ ...edit, start: edit.start - start, end: edit.end - start })),
    );
    if (moved === undefined) throw new NoMinimalEdit();
    return moved;
  }

  private patchBlockSeq(node: YAMLSeq, old: unknown[], next: unknown[]): void {
    const { text } = this;
    const dashColumn = column(text, rangeOf(node)[0]);
    const items = node.items;
    const templateOf = (index: number) => items[index === 0 ? Math.min(1, items.length - 1) : 0];
    const place = (index: number): Place => ({ kind: 'seq-item', template: templateOf(index) });
    const starts = items.map((item) =>
      this.extendUp(lineStart(text, this.dashOf(item, dashColumn)), (i) => i === dashColumn),
    );
    const ends = items.map((item) =>
      this.extendDown(lineEnd(text, this.contentEnd(item) - 1), (indent) => indent > dashColumn),
    );
    const { removed, arrivals } = this.matchSeq(node, old, next, place);
    for (const index of removed) this.edits.push({ start: starts[index], end: ends[index], text: '' });
    // New items look like the first: `- id: a` or `-   id: a`.
    const first = rangeOf(items[0])[0];
    const itemColumn =
      lineStart(text, first) === lineStart(text, rangeOf(node)[0]) ? column(text, first) : dashColumn + 2;
    const dash = `${' '.repeat(dashColumn)}-${' '.repeat(itemColumn - dashColumn - 1)}`;
    for (const { index, after, from } of arrivals) {
      const at = after < 0 ? starts[0] : ends[after];
      let inserted =
        from === undefined
          ? `${dash}${sequenceItemText(next[index], this.style, itemColumn, items[0])}\n`
          : this.movedText(items[from], old[from], next[index], place(from), starts[from], ends[from]);
      if (!inserted.endsWith('\n')) inserted += '\n';
      if (at === text.length && !text.endsWith('\n')) inserted = `\n${inserted}`;
      this.edits.push({ start: at, end: at, text: inserted });
    }
  }

  /** The offset of an item's dash: only spaces may stand before it on its line. */
  private dashOf(item: unknown, dashColumn: number): number {
    let at = rangeOf(item)[0] - 1;
    while (at >= 0 && (this.text[at] === ' ' || this.text[at] === '\n' || this.text[at] === '\r')) at--;
    if (this.text[at] !== '-' || column(this.text, at) !== dashColumn) throw new NoMinimalEdit();
    if (this.text.slice(lineStart(this.text, at), at).trim() !== '') throw new NoMinimalEdit();
    return at;
  }

  private patchFlowSeq(node: YAMLSeq, old: unknown[], next: unknown[]): void {
    const items = node.items;
    const starts = items.map((item) => rangeOf(item)[0]);
    const ends = items.map((item) => this.contentEnd(item));
    const { removed, arrivals } = this.matchSeq(node, old, next, () => ({ kind: 'flow' }));
    this.removeFlowRuns(removed, starts, ends);
    this.insertFlowGroups(
      arrivals.map(({ index, after, from }) => ({
        after,
        text:
          from === undefined
            ? flowText(next[index], this.style, items[0])
            : this.movedText(items[from], old[from], next[index], { kind: 'flow' }, starts[from], ends[from]),
      })),
      starts,
      ends,
    );
  }

  // ---- a value replaced by another of a different kind

  private replace(node: unknown, next: unknown, place: Place): void {
    const [start] = rangeOf(node);
    const end = this.contentEnd(node);
    const blockNode = (isMap(node) || isSeq(node)) && !node.flow;
    if (place.kind === 'flow') {
      this.edits.push({ start, end, text: flowText(next, this.style, node) });
      return;
    }
    // A scalar replacing a scalar keeps its quoting, and folded text its width.
    const template = isScalar(node) && !isMap(place.template) && !isSeq(place.template) ? node : place.template;
    const style = isScalar(node) && node.type === 'BLOCK_FOLDED' ? this.foldedStyle(start, end) : this.style;
    if (place.kind === 'seq-item') {
      const written = sequenceItemText(next, style, column(this.text, start), template);
      this.edits.push(this.replacement(start, end, written));
      return;
    }
    const { pair, keyColumn } = place;
    const [keyStart, keyEnd] = rangeOf(pair.key);
    const colon = this.text.indexOf(':', keyEnd);
    if (colon < 0 || colon > start) throw new NoMinimalEdit();
    const written = mappingValueText(next, style, keyColumn, this.text.slice(keyStart, keyEnd), template);
    const inline = written.startsWith(': ') && !written.includes('\n');
    if (inline && !blockNode && start < end) this.edits.push(this.replacement(start, end, written.slice(2)));
    else this.edits.push(this.replacement(colon, end, written));
  }

  /** The file's style with the width of the folded text at [start, end), to fold its new text alike. */
  private foldedStyle(start: number, end: number): FileStyle {
    const lines = this.text.slice(start, end).split('\n').slice(1);
    return { ...this.style, lineWidth: Math.max(40, ...lines.map((line) => line.length)) };
  }

  /**
   * Replaces [start, end) by `written`, minding a comment after it on its line: one line keeps
   * the comment's column; several lines take the comment up to their first line, where it cannot
   * end up inside a block scalar or below a block.
   */
  private replacement(start: number, end: number, written: string): TextEdit {
    const rest = this.text.slice(end, lineEnd(this.text, end)).replace(/\r?\n$/, '');
    const comment = /^( +)(#.*)$/.exec(rest);
    if (!comment) return { start, end, text: written };
    const [, spaces, text] = comment;
    if (written.includes('\n')) {
      const [first, ...others] = written.split('\n');
      return { start, end: end + rest.length, text: [`${first}${spaces}${text}`, ...others].join('\n') };
    }
    if (this.text.slice(start, end).includes('\n')) return { start, end, text: written };
    const padding = Math.max(1, spaces.length + (end - start) - written.length);
    return { start, end: end + spaces.length, text: written + ' '.repeat(padding) };
  }

  /** Where a node's own text ends: its last character, before any comment or line break after it. */
  private contentEnd(node: unknown): number {
    if (isScalar(node) || isAlias(node)) {
      let end = rangeOf(node)[1];
      while (end > rangeOf(node)[0] && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
      return end;
    }
    if ((isMap(node) || isSeq(node)) && !node.flow) {
      const last = node.items[node.items.length - 1] as Node | Pair | undefined;
      if (last === undefined) return rangeOf(node)[1];
      return isMap(node) ? this.contentEnd((last as Pair).value ?? (last as Pair).key) : this.contentEnd(last);
    }
    return rangeOf(node)[1];
  }
}

/**
 * The file's text with only what differs from `next` changed, or undefined where the file's
 * layout allows no safe minimal edit (the caller then edits through the yaml Document API).
 * `document` is the file parsed without errors, `old` its value.
 */
export function spliceYaml(text: string, document: Document, old: unknown, next: unknown): string | undefined {
  const root = document.contents;
  if (!isMap(root) || !isPlainObject(old) || !isPlainObject(next)) return undefined;
  const splicer = new Splicer(text, fileStyle(text, document));
  try {
    splicer.patchRoot(root, old, next);
  } catch (error) {
    if (error instanceof NoMinimalEdit) return undefined;
    throw error;
  }
  return applyEdits(text, splicer.edits);
}
