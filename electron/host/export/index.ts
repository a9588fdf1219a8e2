// Host-side export: rendering in headless Chromium and writing files. Used by the CLI and
// by the app's host API.

export { DiagramSyntaxError } from './diagram-renderer';
export {
  EXPORT_FORMATS,
  EXPORT_MIME,
  type ExportFormat,
  ExportInputError,
  isExportFormat,
  needsBrowser,
} from './export-formats';
export { ExportRenderer } from './export-renderer';
export {
  decisionRecordFileName,
  type DiagramKind,
  type ExportedFile,
  type ExportRequest,
  exportScenario,
} from './export-scenario';
export { ChromiumNotFoundError, findChromium } from './find-chromium';
export { checkWritable, OutputPathError, writeFileAtomic } from './write-file-atomic';
