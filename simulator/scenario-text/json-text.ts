// JSON scenario files stay JSON: the value is written with the file's indentation and final
// newline (JSON has no comments to keep, and the draft keeps the file's key order).

function indentationOf(text: string): string | number {
  const indented = /\n([ \t]+)\S/.exec(text);
  return indented ? indented[1] : 0;
}

export function jsonText(original: string, next: unknown): string {
  const written = JSON.stringify(next, null, indentationOf(original));
  return original.endsWith('\n') ? `${written}\n` : written;
}
