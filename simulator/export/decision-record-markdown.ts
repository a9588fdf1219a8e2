// The decision record as MADR 4 Markdown: alone (`placewise export --format adr`, a file for
// docs/decisions/ as log4brains and adr-tools read it) or as the last part of the Markdown report.
// The metadata is MADR's optional list under the title (`- Status:`, `- Date:`, `- Deciders:`),
// which log4brains reads, rather than YAML front matter: adr-tools takes a record's title from
// its first line.
import type { DecisionRecord } from './decision-record';
import { bulletList, inline } from './markdown-text';

/** `level` 1 for a file of its own (`# Title`), 2 inside a report. */
export function decisionRecordMarkdown(record: DecisionRecord, level: 1 | 2, provenance: string): string[] {
  const heading = (depth: number, text: string) => `${'#'.repeat(level + depth)} ${text}`;
  const metadata = [`- Status: ${record.status}`, `- Date: ${record.date}`];
  if (record.deciders.length > 0) metadata.push(`- Deciders: ${inline(record.deciders.join(', '))}`);
  const lines = [
    heading(0, level === 1 ? inline(record.title) : `Decision record: ${inline(record.title)}`),
    '',
    ...metadata,
    '',
    heading(1, 'Context and Problem Statement'),
    '',
    inline(record.context),
    '',
    heading(1, 'Decision Drivers'),
    '',
    ...bulletList(record.drivers),
    '',
    heading(1, 'Considered Options'),
    '',
    ...bulletList(record.considered),
    '',
    heading(1, 'Decision Outcome'),
    '',
    inline(record.outcome),
    '',
    heading(2, 'Consequences'),
    '',
    ...bulletList([
      ...record.good.map((item) => `Good, because ${item}`),
      ...record.bad.map((item) => `Bad, because ${item}`),
    ]),
    '',
    heading(2, 'Confirmation'),
    '',
    inline(record.confirmation),
    '',
    heading(1, 'Pros and Cons of the Options'),
    '',
  ];
  for (const option of record.options) {
    lines.push(
      heading(2, inline(option.title)),
      '',
      inline(option.description),
      '',
      ...bulletList([
        ...option.good.map((item) => `Good, because ${item}`),
        ...option.bad.map((item) => `Bad, because ${item}`),
      ]),
      '',
    );
  }
  lines.push(heading(1, 'More Information'), '', inline(provenance), '');
  return lines;
}
