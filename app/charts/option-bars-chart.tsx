import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFigure } from './chart-figure';
import { CHART_MARGIN, STATIC } from './chart-props';
import { budgetLine } from './budget-line';
import { GRID_COLOUR, seriesColour } from './palette';

export interface BarsProps {
  title: string;
  testId?: string;
  rows: object[];
  series: readonly string[];
  /** Stack the series (parts of a whole) or group them side by side (separate figures). */
  stacked: boolean;
  width: number;
  height: number;
  formatValue: (value: number) => string;
  budget?: { value: number; label: string };
  yDomain?: [number, number | 'auto'];
}

/** Bars per option, one series per part: the shape of every comparison chart but the CDF. */
export function OptionBarsChart({
  title,
  testId,
  rows,
  series,
  stacked,
  width,
  height,
  formatValue,
  budget,
  yDomain,
}: BarsProps) {
  return (
    <ChartFigure title={title} testId={testId}>
      <BarChart width={width} height={height - 24} data={rows} margin={CHART_MARGIN}>
        <CartesianGrid stroke={GRID_COLOUR} vertical={false} />
        <XAxis dataKey="option" />
        <YAxis tickFormatter={formatValue} domain={yDomain ?? [0, 'auto']} width={64} />
        <Tooltip />
        <Legend itemSorter={null} />
        {series.map((key, index) => (
          <Bar
            key={key}
            dataKey={key}
            name={key}
            stackId={stacked ? 'parts' : undefined}
            fill={seriesColour(index)}
            {...STATIC}
          />
        ))}
        {budgetLine(budget)}
      </BarChart>
    </ChartFigure>
  );
}
