// The formats `placewise export` and the app's Export view write.
export const EXPORT_FORMATS = ['mmd', 'svg', 'png', 'md', 'html', 'adr', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_MIME: Readonly<Record<ExportFormat, string>> = {
  mmd: 'text/vnd.mermaid; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  adr: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
};

/** Formats drawn in a browser (the others are text from the simulator alone). */
export function needsBrowser(format: ExportFormat): boolean {
  return format === 'svg' || format === 'png' || format === 'html';
}

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** Bad export input (unknown format, results missing); the message says what to do. */
export class ExportInputError extends Error {
  override name = 'ExportInputError';
}
