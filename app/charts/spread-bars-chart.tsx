// Each option's Monte Carlo median with its p5–p95 band: how far the uncertain values can move
// one figure, against its budget. Bars from zero when the bands are wide; when they are narrow
// next to the figure, points with whiskers on an axis around them, so a band of a few percent
// stays visible (a bar cut off above zero would misstate the figure's size).
import { Bar, BarChart, CartesianGrid, Cell, ComposedChart, ErrorBar, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import { type BandRow, spreadAxis } from '../uncertainty/uncertainty-rows';
import { budgetLine } from './budget-line';
import { ChartFigure } from './chart-figure';
import { CHART_MARGIN, STATIC } from './chart-props';
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
  const axis = spreadAxis(rows, budget?.value);
  const caption = budget && !axis.budgetShown ? `${title} (${budget.label}, off this scale)` : title;
  const grid = <CartesianGrid stroke={GRID_COLOUR} vertical={false} />;
  const xAxis = <XAxis dataKey="option" type="category" allowDuplicatedCategory={false} />;
  const yAxis = <YAxis tickFormatter={formatValue} domain={axis.domain} allowDataOverflow width={72} type="number" />;
  const tooltip = (
    <Tooltip
      formatter={(_value, _name, item) => {
        const row = item.payload as BandRow;
        return [`${formatValue(row.p50)} (p5 ${formatValue(row.p5)} – p95 ${formatValue(row.p95)})`, 'median'];
      }}
    />
  );
  const whiskers = <ErrorBar dataKey="error" width={10} strokeWidth={1.5} stroke="#333" direction="y" {...STATIC} />;
  // Each option keeps the colour it has in every other chart.
  const colours = rows.map((row, index) => <Cell key={row.option} fill={seriesColour(index)} fillOpacity={0.85} />);
  return (
    <ChartFigure title={caption} testId={testId}>
      {axis.fromZero ? (
        <BarChart width={width} height={height - 24} data={rows} margin={CHART_MARGIN}>
          {grid}
          {xAxis}
          {yAxis}
          {tooltip}
          <Bar dataKey="p50" name="median" {...STATIC}>
            {colours}
            {whiskers}
          </Bar>
          {axis.budgetShown ? budgetLine(budget) : null}
        </BarChart>
      ) : (
        <ComposedChart width={width} height={height - 24} data={rows} margin={CHART_MARGIN}>
          {grid}
          {xAxis}
          {yAxis}
          {tooltip}
          <Scatter dataKey="p50" name="median" {...STATIC}>
            {colours}
            {whiskers}
          </Scatter>
          {axis.budgetShown ? budgetLine(budget) : null}
        </ComposedChart>
      )}
    </ChartFigure>
  );
}
