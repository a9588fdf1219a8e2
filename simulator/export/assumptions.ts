// The figures a scenario assumes, each with its source: the comment the author wrote beside it
// (on its line, or the lines above its key, or above an enclosing key such as `outages:`), read
// with the `yaml` package's Document API. A figure with no comment is flagged as such: a report
// reader must see which numbers nobody has checked.
import { isMap, isPair, isScalar, isSeq, type Node, type Pair, parseDocument, type YAMLMap } from 'yaml';

export const NO_SOURCE = 'estimate, no source';

export interface Assumption {
  /** Where the figure is, by ids: `links[glasses-phone].mbps`. */
  figure: string;
  /** As written in the file: `{ range: [2.1, 3] }`. */
  value: string;
  source: string;
}

// Not assumptions about the system: the format version, the run's seed and length, canvas positions.
const NOT_FIGURES = new Set(['placewise', 'seed', 'layout', 'workload.requests', 'workload.duration_s']);

export function scenarioAssumptions(scenarioText: string): Assumption[] {
  const document = parseDocument(scenarioText, { keepSourceTokens: false });
  const found: Assumption[] = [];
  const visit = (node: unknown, path: string, inherited: string | undefined) => {
    if (isMap(node)) {
      for (const pair of node.items) visitPair(pair, path, inherited);
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const name = isMap(item) ? itemId(item) : undefined;
        visit(item, `${path}[${name ?? index}]`, commentOf(item as Node) ?? inherited);
      });
    }
  };
  const visitPair = (pair: Pair, path: string, inherited: string | undefined) => {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const figure = path ? `${path}.${key}` : key;
    const value = pair.value as Node | null;
    const source = commentOf(value) ?? commentBefore(pair.key as Node) ?? inherited;
    if (value === null || NOT_FIGURES.has(figure)) return;
    if (isScalar(value)) {
      if (typeof value.value === 'number')
        found.push({ figure, value: sourceText(value), source: source ?? NO_SOURCE });
      return;
    }
    // A collection written inline is one value (a range, a distribution, a pair of powers);
    // a block one holds figures of its own.
    if ((value as YAMLMap).flow) {
      if (containsNumber(value)) found.push({ figure, value: sourceText(value), source: source ?? NO_SOURCE });
      return;
    }
    // Sections (`components:`) and list items pass no comment down: a note on a section is
    // about the section, not a source for each of its figures.
    visit(value, figure, path === '' ? undefined : source);
  };
  const sourceText = (node: Node) => {
    const [start, end] = node.range ?? [0, 0];
    return scenarioText.slice(start, end).replace(/\s+/g, ' ').trim();
  };
  visit(document.contents, '', undefined);
  return found;
}

function itemId(item: YAMLMap): string | undefined {
  const id = item.get('id');
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

function commentOf(node: Node | null | undefined): string | undefined {
  return tidy(node?.comment);
}

function commentBefore(node: Node | null | undefined): string | undefined {
  return tidy(node?.commentBefore);
}

function tidy(comment: string | null | undefined): string | undefined {
  const text = comment
    ?.split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('yaml-language-server:'))
    .join(' ');
  return text ? text : undefined;
}

function containsNumber(node: unknown): boolean {
  if (isScalar(node)) return typeof node.value === 'number';
  if (isMap(node)) return node.items.some((pair) => isPair(pair) && containsNumber(pair.value));
  if (isSeq(node)) return node.items.some(containsNumber);
  return false;
}
