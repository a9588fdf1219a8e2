// Export text generation: Mermaid diagrams, reports and chart data. Pure: runs in the app's
// worker, the CLI and the host alike; rendering to SVG/PNG is the host's (electron/host/export).
export { ARCHITECTURE_CLASSES, architectureMermaid } from './architecture-mermaid';
export { type BudgetBreaches, budgetBreaches } from './budget-breaches';
export * from './chart-data';
export { type DecisionRecord, decisionRecord } from './decision-record';
export { type DecisionReport, decisionReport } from './decision-report';
export { defaultExportOption } from './default-option';
export { htmlReport, type ReportFigures } from './html-report';
export { markdownReport } from './markdown-report';
export { sequenceMermaid } from './sequence-mermaid';
export { type CsvSample, csvSamples, resultsCsv, type ResultsCsvInput } from './results-csv';
