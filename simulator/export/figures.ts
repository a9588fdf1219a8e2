// How numbers read in diagrams, tables and reports: few significant digits, units spelled as
// an architect writes them.

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '∞';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${formatCount(Math.round(ms))} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

export function formatMbps(mbps: number): string {
  return mbps >= 1000 ? `${(mbps / 1000).toFixed(mbps % 1000 === 0 ? 0 : 1)} Gbit/s` : `${trim(mbps)} Mbit/s`;
}

export function formatKb(kb: number): string {
  return kb >= 1000 ? `${trim(kb / 1000)} MB` : `${trim(kb)} kB`;
}

export function formatUsd(usd: number): string {
  if (usd >= 100) return `$${Math.round(usd).toLocaleString('en-US')}`;
  return `$${usd.toFixed(2)}`;
}

export function formatShare(share: number | null): string {
  if (share === null) return '—';
  const percent = share * 100;
  return `${percent >= 99.95 || percent < 10 ? trim(percent, 2) : percent.toFixed(1)}%`;
}

export function formatGbPerMonth(gb: number): string {
  return `${trim(gb)} GB/month`;
}

export function formatHours(hours: number): string {
  return Number.isFinite(hours) ? `${trim(hours)} h` : '∞';
}

export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/** A figure with three significant digits and thousands separators: 33,300, 0.0125. */
export function formatFigure(value: number): string {
  return value.toLocaleString('en-US', { maximumSignificantDigits: 3 });
}

/** A number with at most three significant digits and no trailing zeros. */
export function trim(value: number, digits = 3): string {
  if (value === 0) return '0';
  return String(Number(value.toPrecision(digits)));
}
