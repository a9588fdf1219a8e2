// The readable form of results on a terminal: one row per option, each budget green or red.
import pc from 'picocolors';
import type { BudgetVerdict, OptionResult, ScenarioResults } from '../simulator';

export interface TableStyle {
  colour: boolean;
}

function formatNumber(value: number | null): string {
  if (value === null || Number.isNaN(value)) return '-';
  if (!Number.isFinite(value)) return '∞';
  const magnitude = Math.abs(value);
  if (magnitude >= 1000) return Math.round(value).toLocaleString('en-US');
  if (magnitude >= 100) return value.toFixed(0);
  if (magnitude >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function formatVerdict(verdict: BudgetVerdict): string {
  const share =
    verdict.name === 'success_rate' ||
    verdict.name === 'offline_success' ||
    verdict.name === 'accuracy' ||
    verdict.name.startsWith('link_utilization');
  return share && verdict.value !== null ? `${(verdict.value * 100).toFixed(1)}%` : formatNumber(verdict.value);
}

function pad(text: string, width: number, visible = text.length): string {
  return text + ' '.repeat(Math.max(0, width - visible));
}

export function renderResultsTable(results: ScenarioResults, style: TableStyle): string {
  const paint = (pass: boolean, text: string) => (style.colour ? (pass ? pc.green(text) : pc.red(text)) : text);
  const budgetNames = [...new Set(results.options.flatMap((option) => option.budgets.map((verdict) => verdict.name)))];
  const headers = ['option', 'mean ms', 'p95 ms', 'p99 ms', 'USD/month', ...budgetNames, 'verdict'];
  const rows = results.options.map((option: OptionResult) => {
    const mark = option.id === results.recommendation ? '*' : ' ';
    const cells: { text: string; pass?: boolean }[] = [
      { text: `${mark}${option.id}` },
      { text: formatNumber(option.latency_ms.mean) },
      { text: formatNumber(option.latency_ms.p95) },
      { text: formatNumber(option.latency_ms.p99) },
      { text: formatNumber(option.monthly_usd.total) },
    ];
    for (const name of budgetNames) {
      const verdict = option.budgets.find((entry) => entry.name === name);
      cells.push(
        verdict
          ? { text: `${formatVerdict(verdict)} ${verdict.pass ? 'ok' : 'FAIL'}`, pass: verdict.pass }
          : { text: '' },
      );
    }
    cells.push({ text: option.pass ? 'pass' : 'fail', pass: option.pass });
    return cells;
  });
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => row[column].text.length)),
  );
  const lines = [headers.map((header, column) => pad(header, widths[column])).join('  ')];
  lines.push(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) {
    lines.push(
      row
        .map((cell, column) =>
          cell.pass === undefined
            ? pad(cell.text, widths[column])
            : pad(paint(cell.pass, cell.text), widths[column], cell.text.length),
        )
        .join('  '),
    );
  }
  lines.push('');
  lines.push(
    `${results.requests.toLocaleString('en-US')} requests per option, seed ${results.seed}. * recommended: ${results.recommendation_reason ?? results.recommendation}.`,
  );
  if (results.decision) lines.push(`decision: ${results.decision}`);
  for (const option of results.options) {
    const replicated = option.replications;
    if (!replicated) continue;
    const range = ([low, high]: [number, number], digits = 0) => `${low.toFixed(digits)}-${high.toFixed(digits)}`;
    lines.push(
      `${option.id}: 95% over ${replicated.count} runs: p95 ${range(replicated.latency_ms.p95)} ms, ` +
        `USD/month ${range(replicated.monthly_usd)}, success ${range(replicated.success_rate.map((share) => share * 100) as [number, number], 1)}%`,
    );
  }
  for (const option of results.options) {
    for (const entry of option.fit ?? []) {
      if (entry.reason) lines.push(`${paint(false, 'does not fit')}: ${option.id}: ${entry.reason}`);
    }
  }
  for (const option of results.options) {
    for (const warning of option.warnings)
      lines.push(`${style.colour ? pc.yellow('warning') : 'warning'}: ${option.id}: ${warning}`);
  }
  return lines.join('\n');
}
