import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { budgetLimit, latencyCdfSeries } from '../../simulator/export/chart-data';
import { formatMs } from '../../simulator/export/figures';
import { ChartFigure } from './chart-figure';
import { CHART_MARGIN, type ComparisonChartProps, STATIC } from './chart-props';
import { BUDGET_COLOUR, GRID_COLOUR, seriesColour } from './palette';

/**
 * The share of requests answered within each latency, one line per option. The latency axis
 * is logarithmic: options commonly differ by orders of magnitude (on-device versus a round
 * trip to the cloud), and a linear axis would flatten the fast ones against the left edge.
 */
export function LatencyCdfChart({ results, width, height }: ComparisonChartProps) {
  const series = latencyCdfSeries(results).map((line) => ({
    ...line,
    points: line.points.filter((point) => point.latency_ms > 0 && Number.isFinite(point.latency_ms)),
  }));
  const latencies = series.flatMap((line) => line.points.map((point) => point.latency_ms));
  const p95Budget = budgetLimit(results, 'latency_ms.p95');
  const domain: [number, number] =
    latencies.length === 0
      ? [1, 1000]
      : [Math.min(...latencies, p95Budget ?? Infinity), Math.max(...latencies, p95Budget ?? 0)];
  return (
    <ChartFigure title="Latency distribution (share of requests within)" testId="latency-chart">
      <LineChart width={width} height={height - 24} margin={CHART_MARGIN}>
        <CartesianGrid stroke={GRID_COLOUR} />
        <XAxis
          dataKey="latency_ms"
          type="number"
          scale="log"
          domain={domain}
          ticks={decadeTicks(domain)}
          allowDataOverflow
          tickFormatter={(value: number) => formatMs(value)}
        />
        <YAxis
          dataKey="share"
          type="number"
          domain={[0, 1]}
          tickFormatter={(value: number) => `${Math.round(value * 100)}%`}
        />
        <Tooltip />
        <Legend itemSorter={null} />
        {p95Budget !== undefined && (
          <ReferenceLine
            x={p95Budget}
            stroke={BUDGET_COLOUR}
            strokeDasharray="4 3"
            label={{ value: 'p95 budget', fill: BUDGET_COLOUR, fontSize: 11 }}
          />
        )}
        <ReferenceLine y={0.95} stroke="#999" strokeDasharray="2 4" />
        {series.map((line, index) => (
          <Line
            key={line.option}
            data={line.points}
            dataKey="share"
            name={line.option}
            stroke={seriesColour(index)}
            strokeWidth={2}
            dot={false}
            {...STATIC}
          />
        ))}
      </LineChart>
    </ChartFigure>
  );
}

/** 1-2-5 ticks across the domain: round latencies read better than recharts' log-scale picks. */
function decadeTicks([min, max]: [number, number]): number[] {
  const ticks: number[] = [];
  for (let decade = 10 ** Math.floor(Math.log10(min)); decade <= max; decade *= 10) {
    for (const step of [1, 2, 5]) {
      const tick = decade * step;
      if (tick >= min && tick <= max) ticks.push(tick);
    }
  }
  return ticks;
}
