// Edits of a text by offsets into the original, and the line arithmetic the splicer needs.

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * The text with every edit applied, each by its offsets in the original. Insertions at one
 * offset keep their order and come before a replacement that starts there. Returns undefined
 * when two edits overlap: the caller then takes another way.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string | undefined {
  const ordered = edits
    .map((edit, order) => ({ edit, order }))
    .sort(
      (a, b) =>
        a.edit.start - b.edit.start ||
        Number(a.edit.end > a.edit.start) - Number(b.edit.end > b.edit.start) ||
        a.order - b.order,
    );
  let out = '';
  let cursor = 0;
  for (const { edit } of ordered) {
    if (edit.start < cursor || edit.end < edit.start) return undefined;
    out += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return out + text.slice(cursor);
}

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset just after the newline that ends the line holding `offset` (or the end of the text). */
export function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end + 1;
}

export function column(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** The indentation of a line that holds only a comment, else undefined. */
export function commentLineIndent(line: string): number | undefined {
  const match = /^( *)#/.exec(line);
  return match ? match[1].length : undefined;
}

export function isBlankLine(line: string): boolean {
  return /^[ \t]*\r?$/.test(line);
}
