// Number formatting for tables: a few significant figures, units beside.

export function formatFigure(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const magnitude = Math.abs(value);
  if (magnitude >= 1000) return Math.round(value).toLocaleString('en-US');
  if (magnitude >= 100) return value.toFixed(0);
  if (magnitude >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** A budget's figure in the unit its name implies. */
export function formatBudgetValue(name: string, value: number | null): string {
  if (value === null) return 'n/a';
  if (name.startsWith('latency_ms')) return `${formatFigure(value)} ms`;
  if (name === 'monthly_usd') return `$${formatFigure(value)}`;
  if (name.startsWith('battery_hours')) return `${formatFigure(value)} h`;
  return `${formatFigure(value * 100)} %`;
}
