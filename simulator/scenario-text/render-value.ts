// New YAML text for values a file did not hold yet, in the file's own style: short collections
// inline (`{ uniform: [40, 200] }`) where the file puts such values inline, block collections
// where it uses blocks, strings quoted only where YAML needs it (and as a neighbour quotes them).
import { isMap, isScalar, isSeq, Scalar, stringify } from 'yaml';
import type { FileStyle } from './file-style';
import { isPlainObject } from './same-value';

/** A node of the file that holds a value like the one being written: its style is followed. */
export type StyleTemplate = unknown;

type Collection = unknown[] | Record<string, unknown>;

const isCollection = (value: unknown): value is Collection => Array.isArray(value) || isPlainObject(value);

function isEmptyCollection(value: Collection): boolean {
  return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
}

// Characters that end a plain scalar inside `[...]` or `{...}`.
const FLOW_INDICATORS = /[,[\]{}]/;

function templateScalar(template: StyleTemplate): Scalar | undefined {
  return isScalar(template) ? template : undefined;
}

function childTemplate(template: StyleTemplate, key: string | number): StyleTemplate {
  if (isMap(template) && typeof key === 'string') return template.get(key, true);
  if (isSeq(template)) return template.items[0];
  return undefined;
}

/**
 * A scalar as YAML text. `contentColumn` is where the lines of a block scalar go (a multi-line
 * string in block context); inside flow collections such a string is double-quoted instead.
 */
export function scalarText(
  value: unknown,
  style: FileStyle,
  options: { flow: boolean; contentColumn: number; like?: Scalar },
): string {
  if (typeof value !== 'string') return stringify(value).trimEnd();
  const likeType = options.like && typeof options.like.value === 'string' ? options.like.type : undefined;
  const multiline = value.includes('\n');
  if (options.flow && multiline) return JSON.stringify(value);
  const folded = likeType === 'BLOCK_FOLDED' || likeType === 'BLOCK_LITERAL';
  if (!options.flow && (multiline || folded)) return blockScalarText(value, style, options.contentColumn, likeType);
  const node = new Scalar(value);
  if (likeType === 'QUOTE_DOUBLE' || likeType === 'QUOTE_SINGLE') node.type = likeType;
  const text = stringify(node, { lineWidth: 0 }).trimEnd();
  if (text.includes('\n')) return JSON.stringify(value);
  const plain = !text.startsWith('"') && !text.startsWith("'");
  return options.flow && plain && FLOW_INDICATORS.test(value) ? JSON.stringify(value) : text;
}

function blockScalarText(value: string, style: FileStyle, contentColumn: number, likeType?: Scalar['type']): string {
  const node = new Scalar(value);
  node.type = likeType === 'BLOCK_FOLDED' && !value.includes('\n') ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
  const width = Math.max(20, style.lineWidth - contentColumn);
  const [header, ...lines] = stringify(node, { lineWidth: width }).replace(/\n$/, '').split('\n');
  // An explicit indentation indicator (leading spaces in the text) would not survive re-indenting.
  if (/\d/.test(header) || !header.startsWith(node.type === 'BLOCK_FOLDED' ? '>' : '|')) return JSON.stringify(value);
  const pad = ' '.repeat(contentColumn);
  return [header, ...lines.map((line) => (line === '' ? '' : pad + line))].join('\n');
}

export function keyText(key: string, style: FileStyle, flow: boolean): string {
  return scalarText(key, style, { flow, contentColumn: 0 });
}

/** A value on one line, in flow style: `{ a: 1, b: [2, 3] }`. */
export function flowText(value: unknown, style: FileStyle, template?: StyleTemplate): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((item, index) => flowText(item, style, childTemplate(template, index)));
    return style.paddedFlowSequences ? `[ ${items.join(', ')} ]` : `[${items.join(', ')}]`;
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value).map(
      ([key, inner]) => `${keyText(key, style, true)}: ${flowText(inner, style, childTemplate(template, key))}`,
    );
    if (entries.length === 0) return '{}';
    return style.paddedFlowMaps ? `{ ${entries.join(', ')} }` : `{${entries.join(', ')}}`;
  }
  return scalarText(value, style, { flow: true, contentColumn: 0, like: templateScalar(template) });
}

/**
 * Whether a collection starting at column `at` is written inline: as its template is, else
 * when it fits on the line, except at the top level and for list items where the file
 * writes blocks.
 */
function inline(
  value: Collection,
  style: FileStyle,
  at: number,
  template: StyleTemplate,
  blockByDefault: boolean,
): boolean {
  if (isEmptyCollection(value)) return true;
  if ((isMap(template) || isSeq(template)) && isPlainObject(value) === isMap(template)) return template.flow === true;
  if (blockByDefault) return false;
  return at + flowText(value, style, template).length <= style.lineWidth;
}

/** A value written after `key` in a block mapping whose keys are at `keyColumn`: `: value` or `:` and a block. */
export function mappingValueText(
  value: unknown,
  style: FileStyle,
  keyColumn: number,
  writtenKey: string,
  template?: StyleTemplate,
): string {
  const at = keyColumn + writtenKey.length + 2;
  if (isCollection(value) && !inline(value, style, at, template, keyColumn === 0)) {
    const lines = Array.isArray(value)
      ? blockSequenceLines(value, style, keyColumn + (style.indentedSequences ? style.indent : 0), template)
      : blockMappingLines(value, style, keyColumn + style.indent, template);
    return `:\n${lines.join('\n')}`;
  }
  return `: ${inlineText(value, style, keyColumn + style.indent, template)}`;
}

/** A value on its line: a flow collection or a scalar (a block scalar's lines at `contentColumn`). */
export function inlineText(value: unknown, style: FileStyle, contentColumn: number, template?: StyleTemplate): string {
  return isCollection(value)
    ? flowText(value, style, template)
    : scalarText(value, style, { flow: false, contentColumn, like: templateScalar(template) });
}

/** The entries of a block mapping, one or more lines each, with keys at `column`. */
export function blockMappingLines(
  map: Record<string, unknown>,
  style: FileStyle,
  column: number,
  template?: StyleTemplate,
): string[] {
  const pad = ' '.repeat(column);
  return Object.entries(map).flatMap(([key, value]) => {
    const written = keyText(key, style, false);
    return `${pad}${written}${mappingValueText(value, style, column, written, childTemplate(template, key))}`.split(
      '\n',
    );
  });
}

/** The items of a block list with their dashes at `column`. */
export function blockSequenceLines(
  list: readonly unknown[],
  style: FileStyle,
  column: number,
  template?: StyleTemplate,
): string[] {
  const pad = ' '.repeat(column);
  return list.flatMap((item, index) =>
    `${pad}- ${sequenceItemText(item, style, column + 2, childTemplate(template, index))}`.split('\n'),
  );
}

/**
 * An item of a block list after its dash, its content starting at `column`: a mapping's first
 * entry on the dash line, the rest below it at the same column.
 */
export function sequenceItemText(value: unknown, style: FileStyle, column: number, template?: StyleTemplate): string {
  if (isCollection(value) && !inline(value, style, column, template, isPlainObject(value) && style.blockItems)) {
    const lines = Array.isArray(value)
      ? blockSequenceLines(value, style, column, template)
      : blockMappingLines(value, style, column, template);
    return lines.join('\n').slice(column);
  }
  return inlineText(value, style, column, template);
}
