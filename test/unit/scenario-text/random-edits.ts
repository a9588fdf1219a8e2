// Random edits of a scenario's plain value, from a seeded stream, for the property tests of
// updateScenarioText: each edit says which node it changed (its scope), so a test can check
// that no line outside that node's text changed.
import { RandomStream } from '../../../simulator/random/random-stream';
import { isPlainObject } from '../../../simulator/scenario-text/same-value';

export type Path = (string | number)[];

export interface RandomEdit {
  value: Record<string, unknown>;
  /** The deepest node that holds every change; [] for the whole document. */
  scope: Path;
  description: string;
}

const STRINGS = [
  'plain',
  'with: colon',
  'a, b',
  '[bracketed]',
  '#hash',
  ' leading space',
  'yes',
  '123',
  'two\nlines',
  '',
  'quote"s',
  "it's",
  'café ✓',
  'x'.repeat(130),
];
const KEYS = ['extra', 'new-key', 'with space', '42', 'on', 'k: v'];

export class EditGenerator {
  private readonly random: RandomStream;

  constructor(seed: number, name: string) {
    this.random = new RandomStream(seed, name);
  }

  private below(n: number): number {
    return Math.floor(this.random.nextOpen() * n) % n;
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)];
  }

  scalar(): unknown {
    switch (this.below(5)) {
      case 0:
        return this.below(1000);
      case 1:
        return Math.round((this.random.nextOpen() - 0.5) * 1e5) / 100;
      case 2:
        return this.pick([true, false, null]);
      default:
        return this.pick(STRINGS);
    }
  }

  value(depth = 0): unknown {
    const kind = depth > 2 ? 0 : this.below(4);
    if (kind === 1) return { uniform: [this.below(50), 50 + this.below(200)] };
    if (kind === 2) return Array.from({ length: 1 + this.below(3) }, () => this.value(depth + 1));
    if (kind === 3)
      return Object.fromEntries(
        Array.from({ length: 1 + this.below(3) }, (_, i) => [`${this.pick(KEYS)}-${i}`, this.value(depth + 1)]),
      );
    return this.scalar();
  }

  /** One random edit of `root` (which is not changed). */
  edit(root: Record<string, unknown>): RandomEdit {
    const value = structuredClone(root);
    const path: Path = [];
    let node: unknown = value;
    // Walk down a random number of levels into collections.
    while (this.below(3) > 0) {
      const keys = childKeys(node);
      if (keys.length === 0) break;
      const key = this.pick(keys);
      const child = (node as Record<string | number, unknown>)[key];
      if (!isPlainObject(child) && !Array.isArray(child)) break;
      path.push(key);
      node = child;
    }
    const description = this.change(node, path);
    return { value, scope: description.scope, description: `${description.what} at ${path.join('.') || '(root)'}` };
  }

  private change(node: unknown, path: Path): { scope: Path; what: string } {
    const keys = childKeys(node);
    const target = node as Record<string | number, unknown>;
    const choice = this.below(6);
    if (keys.length > 0 && choice <= 1) {
      const key = this.pick(keys);
      const child = target[key];
      const next = choice === 0 ? this.scalar() : this.value();
      target[key] = next;
      const scalarEdit = !isPlainObject(child) && !Array.isArray(child) && !isPlainObject(next) && !Array.isArray(next);
      return { scope: scalarEdit ? [...path, key] : path, what: `set ${String(key)}` };
    }
    if (Array.isArray(node)) {
      if (choice === 2 && node.length > 1) {
        node.splice(this.below(node.length), 1);
        return { scope: path, what: 'remove item' };
      }
      if (choice === 3 && node.length > 1) {
        const [moved] = node.splice(this.below(node.length), 1);
        node.splice(this.below(node.length + 1), 0, moved);
        return { scope: path, what: 'move item' };
      }
      const model = node.length > 0 ? structuredClone(node[this.below(node.length)]) : this.value();
      if (isPlainObject(model) && typeof model.id === 'string') model.id = `${model.id}-copy${this.below(100)}`;
      node.splice(this.below(node.length + 1), 0, model);
      return { scope: path, what: 'insert item' };
    }
    if (isPlainObject(node)) {
      if (choice === 2 && keys.length > 1) {
        delete node[this.pick(keys) as string];
        return { scope: path, what: 'remove key' };
      }
      if (choice === 3 && keys.length > 0) {
        const from = this.pick(keys) as string;
        const to = `${from}-renamed`;
        const entries = Object.entries(node).map(([key, inner]) => [key === from ? to : key, inner]);
        for (const key of Object.keys(node)) delete node[key];
        Object.assign(node, Object.fromEntries(entries));
        return { scope: path, what: `rename key ${from}` };
      }
      const entries = Object.entries(node);
      const at = this.below(entries.length + 1);
      const key = `${this.pick(KEYS)}-${this.below(1000)}`;
      entries.splice(at, 0, [key, this.value()]);
      for (const old of Object.keys(node)) delete node[old];
      Object.assign(node, Object.fromEntries(entries));
      return { scope: path, what: `add key ${key}` };
    }
    return { scope: path, what: 'nothing' };
  }
}

function childKeys(node: unknown): (string | number)[] {
  if (Array.isArray(node)) return node.map((_, index) => index);
  if (isPlainObject(node)) return Object.keys(node);
  return [];
}
