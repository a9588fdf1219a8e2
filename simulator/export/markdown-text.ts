// Markdown building blocks the report and the decision record share.
import type { ReportTable } from './decision-report';

export function markdownTable({ header, rows }: ReportTable, withHeader = true): string {
  // A key-value table has no meaningful header; Markdown still needs one row of it.
  const head = withHeader ? header : header.map(() => ' ');
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(head), `|${head.map(() => ' --- |').join('')}`, ...rows.map(line)].join('\n');
}

function cell(text: string): string {
  return inline(text).replace(/\|/g, '\\|');
}

/** Scenario text is the user's: keep it from opening HTML or breaking out of its line. */
export function inline(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/</g, '&lt;');
}

export function bulletList(items: string[], prefix = ''): string[] {
  return items.length === 0 ? ['* none'] : items.map((item) => `* ${prefix}${inline(item)}`);
}
