// Which items of a list are the same item before and after an edit: an item with an `id` is
// matched by its id wherever it moved; other items by equal values in order; what is left
// between two matches is paired by position (an item edited in place, or renamed).
import { isPlainObject } from './same-value';

export interface ItemMatch {
  old: number;
  next: number;
  /** The item changed its place relative to the items around it. */
  moved: boolean;
}

// Longer lists (long empirical samples) are paired by position: a table of this many cells is
// still instant, and an edit of such a list rarely inserts in the middle.
const MAX_TABLE_CELLS = 1_000_000;

function identity(item: unknown): string {
  return isPlainObject(item) && typeof item.id === 'string' ? `id:${item.id}` : `value:${JSON.stringify(item)}`;
}

function hasId(item: unknown): boolean {
  return isPlainObject(item) && typeof item.id === 'string';
}

/** Pairs of equal identities in order, as many as possible (a longest common subsequence). */
function commonSubsequence(old: string[], next: string[]): [number, number][] {
  const n = old.length;
  const m = next.length;
  if ((n + 1) * (m + 1) > MAX_TABLE_CELLS) return [];
  const width = m + 1;
  const table = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] =
        old[i] === next[j]
          ? table[(i + 1) * width + j + 1] + 1
          : Math.max(table[(i + 1) * width + j], table[i * width + j + 1]);
    }
  }
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m;) {
    if (old[i] === next[j]) pairs.push([i++, j++]);
    else if (table[(i + 1) * width + j] >= table[i * width + j + 1]) i++;
    else j++;
  }
  return pairs;
}

export function matchItems(old: readonly unknown[], next: readonly unknown[]): ItemMatch[] {
  const oldIds = old.map(identity);
  const nextIds = next.map(identity);
  const anchors = commonSubsequence(oldIds, nextIds);
  const matches: ItemMatch[] = anchors.map(([i, j]) => ({ old: i, next: j, moved: false }));
  const oldTaken = new Set(anchors.map(([i]) => i));
  const nextTaken = new Set(anchors.map(([, j]) => j));
  for (const [j, item] of next.entries()) {
    if (nextTaken.has(j) || !hasId(item)) continue;
    const i = oldIds.findIndex((id, index) => id === nextIds[j] && !oldTaken.has(index));
    if (i < 0) continue;
    matches.push({ old: i, next: j, moved: true });
    oldTaken.add(i);
    nextTaken.add(j);
  }
  const bounds: [number, number][] = [[-1, -1], ...anchors, [old.length, next.length]];
  for (let k = 1; k < bounds.length; k++) {
    const [oldFrom, nextFrom] = bounds[k - 1];
    const [oldTo, nextTo] = bounds[k];
    const oldFree = range(oldFrom + 1, oldTo).filter((i) => !oldTaken.has(i));
    const nextFree = range(nextFrom + 1, nextTo).filter((j) => !nextTaken.has(j));
    for (let p = 0; p < Math.min(oldFree.length, nextFree.length); p++) {
      matches.push({ old: oldFree[p], next: nextFree[p], moved: false });
    }
  }
  return matches.sort((a, b) => a.next - b.next);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
}
