import type { ReactNode } from 'react';

/** A titled chart: the figure element is what tests and the report select. */
export function ChartFigure({ title, testId, children }: { title: string; testId?: string; children: ReactNode }) {
  return (
    <figure
      className="placewise-chart"
      data-testid={testId}
      style={{ margin: 0, fontFamily: 'system-ui, sans-serif', fontSize: 12 }}
    >
      <figcaption style={{ font: '600 13px system-ui, sans-serif', margin: '0 0 4px 8px' }}>{title}</figcaption>
      {children}
    </figure>
  );
}
