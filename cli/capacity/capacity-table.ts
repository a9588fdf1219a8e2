// The readable form of a capacity sweep on a terminal: one row per load.
import pc from 'picocolors';
import type { CapacitySweep } from '../../simulator';
import { trim } from '../../simulator/export/figures';
import type { TableStyle } from '../results-table';

const figure = (value: number | null) =>
  value === null || Number.isNaN(value)
    ? '-'
    : Math.abs(value) >= 1000
      ? Math.round(value).toLocaleString('en-US')
      : trim(value);

export function renderCapacityTable(sweep: CapacitySweep, style: TableStyle): string {
  const limits = Object.entries(sweep.budget.latency_ms)
    .map(([name, limit]) => `${name} ${limit} ms`)
    .join(', ');
  const headers = [
    'rps',
    'users',
    'replicas',
    'Erlang guess',
    'utilisation',
    'p95 ms',
    'USD/month',
    'serverless USD/month',
  ];
  const rows = sweep.points.map((point) => {
    const cheaper = point.monthly_usd !== null && point.serverless_monthly_usd < point.monthly_usd;
    return [
      figure(point.rps),
      figure(point.users),
      point.replicas === null ? 'none' : String(point.replicas),
      String(point.erlang_replicas),
      point.utilization === null ? '-' : `${Math.round(point.utilization * 100)}%`,
      point.meets_budget ? figure(point.p95_ms) : `${figure(point.p95_ms)} (best)`,
      figure(point.monthly_usd),
      `${figure(point.serverless_monthly_usd)}${cheaper ? ' *' : ''}`,
    ];
  });
  const marked = rows.some((row) => row[7].endsWith('*'));
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padStart(widths[column])).join('  ');
  const paintRow = (text: string, meets: boolean) => (!style.colour || meets ? text : pc.red(text));
  return [
    `${sweep.component} under option ${sweep.option}, latency budget ${limits}; ${figure(sweep.usd_per_hour)} USD/h per replica. Now: ${figure(sweep.current.rps)} rps on ${sweep.current.replicas} replicas; ${sweep.current.needed_replicas === null ? 'no replica count meets the budget' : `${sweep.current.needed_replicas} meet the budget`}.`,
    '',
    line(headers),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...rows.map((row, index) => paintRow(line(row), sweep.points[index].meets_budget)),
    '',
    `${marked ? '* serverless is cheaper at that load. ' : ''}${sweep.serverless.note} (${figure(sweep.serverless.service_ms)} ms per request there).`,
    `${sweep.simulations} simulations of ${sweep.requests_per_trial.toLocaleString('en-US')} requests each.`,
  ].join('\n');
}
