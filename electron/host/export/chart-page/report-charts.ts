/** The comparison charts an HTML report shows, in its order. */
export const REPORT_CHART_NAMES = [
  'latencyCdf',
  'latencyBreakdown',
  'monthlyCost',
  'linkUtilization',
  'battery',
  'offlineSuccess',
] as const;
export type ReportChartName = (typeof REPORT_CHART_NAMES)[number];

/** Each chart's static HTML (a figure holding an SVG and its legend). */
export type ChartMarkup = Record<ReportChartName, string>;
