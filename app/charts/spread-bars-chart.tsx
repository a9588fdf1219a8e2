// Bars at each option's Monte Carlo median with p5–p95 error bars: how far the uncertain values
// can move one figure, against its budget.
import { Bar, BarChart, CartesianGrid, Cell, ErrorBar, Tooltip, XAxis, YAxis } from 'recharts';
import type { BandRow } from '../uncertainty/uncertainty-rows';
import { ChartFigure } from './chart-figure';
import { CHART_MARGIN, STATIC } from './chart-props';
import { budgetLine } from './budget-line';
import { GRID_COLOUR, seriesColour } from './palette';

export interface SpreadBarsProps {
  title: string;
  testId?: string;
  rows: BandRow[];
  width: number;
  height: number;
  formatValue: (value: number) => string;
  budget?: { value: number; label: string };
}

export function SpreadBarsChart({ title, testId, rows, width, height, formatValue, budget }: SpreadBarsProps) {
  return (
    <ChartFigure title={title} testId={testId}>
      <BarChart width={width} height={height - 24} data={rows} margin={CHART_MARGIN}>
        <CartesianGrid stroke={GRID_COLOUR} vertical={false} />
        <XAxis dataKey="option" />
        {/* The domain takes the error bars in, or a wide p95 would be clipped. */}
        <YAxis tickFormatter={formatValue} domain={[0, 'auto']} width={64} />
        <Tooltip
          formatter={(_value, _name, item) => {
            const row = item.payload as BandRow;
            return [`${formatValue(row.p50)} (p5 ${formatValue(row.p5)} – p95 ${formatValue(row.p95)})`, 'median'];
          }}
        />
        <Bar dataKey="p50" name="median" {...STATIC}>
          {/* Each option keeps the colour it has in every other chart. */}
          {rows.map((row, index) => (
            <Cell key={row.option} fill={seriesColour(index)} fillOpacity={0.75} />
          ))}
          <ErrorBar dataKey="error" width={10} strokeWidth={1.5} stroke="#333" direction="y" {...STATIC} />
        </Bar>
        {budgetLine(budget)}
      </BarChart>
    </ChartFigure>
  );
}
