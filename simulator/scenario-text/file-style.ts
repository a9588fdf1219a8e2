// How a YAML file is laid out, so that new content looks like the rest of it: the indentation
// step, whether a block list is indented under its key, the spacing inside flow brackets, and
// the width of its lines.
import { type Document, isMap, isSeq, visit } from 'yaml';
import { column } from './text-edits';

export interface FileStyle {
  indent: number;
  /** `key:\n  - item` (true) rather than `key:\n- item`. */
  indentedSequences: boolean;
  /** `{ a: 1 }` rather than `{a: 1}`. */
  paddedFlowMaps: boolean;
  /** `[ 1, 2 ]` rather than `[1, 2]`. */
  paddedFlowSequences: boolean;
  lineWidth: number;
  /** The items of block lists are block mappings (`- id: a` then a line per field). */
  blockItems: boolean;
}

const start = (node: unknown): number | undefined => (node as { range?: [number, number, number] }).range?.[0];

export function fileStyle(text: string, document: Document): FileStyle {
  const found: Partial<FileStyle> = {};
  visit(document, {
    Pair(_, pair) {
      const keyStart = start(pair.key);
      const valueStart = start(pair.value);
      if (keyStart === undefined || valueStart === undefined) return;
      const keyColumn = column(text, keyStart);
      if (isMap(pair.value) && !pair.value.flow && found.indent === undefined) {
        const step = column(text, valueStart) - keyColumn;
        if (step > 0) found.indent = step;
      }
      if (isSeq(pair.value) && !pair.value.flow && found.indentedSequences === undefined) {
        found.indentedSequences = column(text, valueStart) > keyColumn;
      }
    },
    Map(_, map) {
      const at = start(map);
      if (map.flow && at !== undefined && map.items.length > 0 && found.paddedFlowMaps === undefined)
        found.paddedFlowMaps = text[at + 1] === ' ';
    },
    Seq(_, seq) {
      if (!seq.flow && found.blockItems === undefined && seq.items.some((item) => isMap(item)))
        found.blockItems = seq.items.some((item) => isMap(item) && !item.flow);
      const at = start(seq);
      if (seq.flow && at !== undefined && seq.items.length > 0 && found.paddedFlowSequences === undefined)
        found.paddedFlowSequences = text[at + 1] === ' ';
    },
  });
  const longest = Math.max(0, ...text.split('\n').map((line) => line.length));
  return {
    indent: found.indent ?? 2,
    indentedSequences: found.indentedSequences ?? true,
    paddedFlowMaps: found.paddedFlowMaps ?? true,
    paddedFlowSequences: found.paddedFlowSequences ?? false,
    lineWidth: Math.min(120, Math.max(80, longest)),
    blockItems: found.blockItems ?? true,
  };
}
