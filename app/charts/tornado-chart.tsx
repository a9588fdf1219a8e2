// A tornado: one horizontal bar per uncertain parameter spanning the metric at the parameter's
// p5 and p95 (every other parameter nominal), largest swing at the top, around the nominal value.
import { Bar, BarChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { type Tornado, type TornadoRow, tornadoDomain } from '../uncertainty/uncertainty-rows';
import { ChartFigure } from './chart-figure';
import { STATIC } from './chart-props';
import { GRID_COLOUR, seriesColour } from './palette';

const ROW_HEIGHT = 28;
const AXES_HEIGHT = 40;

export interface TornadoChartProps {
  title: string;
  tornado: Tornado;
  width: number;
  formatValue: (value: number) => string;
  formatParameter: (value: number) => string;
}

export function TornadoChart({ title, tornado, width, formatValue, formatParameter }: TornadoChartProps) {
  // Long names such as "Link phone-cloud latency median" need room; the bars get the rest.
  const labelWidth = Math.min(260, Math.max(80, ...tornado.rows.map((row) => row.parameter.length * 6.5)));
  return (
    <ChartFigure title={title}>
      <BarChart
        layout="vertical"
        width={width}
        height={AXES_HEIGHT + ROW_HEIGHT * Math.max(1, tornado.rows.length)}
        data={tornado.rows}
        margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
      >
        <CartesianGrid stroke={GRID_COLOUR} horizontal={false} />
        {/* Around the bars, not from zero: a swing of a few percent must still show. */}
        <XAxis type="number" domain={tornadoDomain(tornado)} allowDataOverflow tickFormatter={formatValue} />
        <YAxis type="category" dataKey="parameter" width={labelWidth} interval={0} tick={{ fontSize: 11 }} />
        <Tooltip
          formatter={(_value, _name, item) => {
            const row = item.payload as TornadoRow;
            return [
              `${formatValue(row.low)} at ${formatParameter(row.parameterLow)}, ${formatValue(row.high)} at ${formatParameter(row.parameterHigh)}`,
              'p5 → p95 of the parameter',
            ];
          }}
        />
        {/* A range bar: [smaller, larger] of the metric at the parameter's p5 and p95. */}
        <Bar dataKey="span" fill={seriesColour(0)} fillOpacity={0.8} barSize={16} {...STATIC} />
        {tornado.nominal !== null && <ReferenceLine x={tornado.nominal} stroke="#333" strokeDasharray="3 3" />}
      </BarChart>
    </ChartFigure>
  );
}
