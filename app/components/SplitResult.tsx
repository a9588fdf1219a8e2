// A finished split (`placewise split` in the app): latency per cut as stacked device, transfer
// and server time, the best cuts against all-device and all-server, and one row per cut.
import { Area, AreaChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { SplitAnalysis } from '../../electron/api/contract';
import { ChartFigure } from '../charts/chart-figure';
import { CHART_MARGIN, STATIC } from '../charts/chart-props';
import { GRID_COLOUR, seriesColour } from '../charts/palette';
import { formatFigure } from './format';

const PARTS = [
  { key: 'device_ms', name: 'device' },
  { key: 'transfer_ms', name: 'transfer' },
  { key: 'server_ms', name: 'server' },
] as const;

/** Energy per inference is millijoules on a phone; null (no power figures) shows as a dash. */
const millijoules = (joules: number | null) => formatFigure(joules === null ? null : joules * 1000);

function cutLabel(analysis: SplitAnalysis, position: number): string {
  if (position === analysis.all_device) return 'all-device';
  if (position === analysis.all_server) return 'all-server';
  return `cut ${position}`;
}

function Summary({ analysis }: { analysis: SplitAnalysis }) {
  const at = (position: number) => analysis.cuts.find((row) => row.position === position)!;
  const best = at(analysis.best.latency);
  const device = at(analysis.all_device);
  const server = at(analysis.all_server);
  return (
    <ul className="split-summary" data-testid="split-summary">
      <li>
        Best for latency: <strong>{cutLabel(analysis, best.position)}</strong>, {formatFigure(best.latency_ms)} ms
        (all-device {formatFigure(device.latency_ms)} ms, all-server {formatFigure(server.latency_ms)} ms)
      </li>
      {analysis.best.energy === null ? null : (
        <li>
          Best for device energy: <strong>{cutLabel(analysis, analysis.best.energy)}</strong>,{' '}
          {millijoules(at(analysis.best.energy).device_energy_j)} mJ (all-device {millijoules(device.device_energy_j)}{' '}
          mJ, all-server {millijoules(server.device_energy_j)} mJ)
        </li>
      )}
      {analysis.notes.map((note) => (
        <li key={note} className="field-error">
          {note}
        </li>
      ))}
    </ul>
  );
}

export function SplitResult({ analysis }: { analysis: SplitAnalysis }) {
  return (
    <section className="bench-result" data-testid="split-result">
      <h2>
        Split {analysis.model.id ?? analysis.model.file}: {analysis.device.id} → {analysis.link.tech} →{' '}
        {analysis.server.id}
      </h2>
      <p className="hint">
        {analysis.nodes} operators, {analysis.cuts.length} cuts · this machine p50 {formatFigure(analysis.p50_ms)} ms at{' '}
        {formatFigure(analysis.machine_gflops)} GFLOPS{analysis.calibrated ? ' (calibrated)' : ' (not calibrated)'} ·
        device {analysis.device.gflops} GFLOPS · server {formatFigure(analysis.server.executor_gflops)} GFLOPS per
        executor · link {formatFigure(analysis.link.mbps)} Mbit/s, {formatFigure(analysis.link.latency_ms)} ms
      </p>
      <Summary analysis={analysis} />
      <ChartFigure title="Latency per cut (ms)" testId="split-chart">
        <AreaChart width={720} height={260} data={analysis.cuts} margin={CHART_MARGIN}>
          <CartesianGrid stroke={GRID_COLOUR} vertical={false} />
          <XAxis dataKey="position" type="number" domain={[0, analysis.all_device]} allowDecimals={false} />
          <YAxis width={72} tickFormatter={(value: number) => formatFigure(value)} />
          <Tooltip
            labelFormatter={(position) => cutLabel(analysis, Number(position))}
            formatter={(value) => `${formatFigure(Number(value))} ms`}
          />
          <Legend />
          {PARTS.map((part, index) => (
            <Area
              key={part.key}
              dataKey={part.key}
              name={part.name}
              stackId="latency"
              type="stepAfter"
              stroke={seriesColour(index)}
              fill={seriesColour(index)}
              fillOpacity={0.5}
              {...STATIC}
            />
          ))}
          <ReferenceLine x={analysis.best.latency} stroke="#333" strokeDasharray="4 3" label="best" />
        </AreaChart>
      </ChartFigure>
      <table className="compare-table" data-testid="split-table">
        <thead>
          <tr>
            <th>Cut</th>
            <th>After</th>
            <th>Crossing tensors</th>
            <th>KB</th>
            <th>Device ms</th>
            <th>Transfer ms</th>
            <th>Server ms</th>
            <th>Latency ms</th>
            <th>Device energy mJ</th>
          </tr>
        </thead>
        <tbody>
          {analysis.cuts.map((row) => (
            <tr
              key={row.position}
              data-position={row.position}
              className={row.position === analysis.best.latency ? 'split-best' : undefined}
            >
              <td>{cutLabel(analysis, row.position)}</td>
              <td>{row.after ? `${row.after.op} ${row.after.name}` : 'input'}</td>
              <td
                title={row.crossing
                  .map((tensor) => `${tensor.name} ${tensor.type}[${tensor.shape.join(',')}]`)
                  .join('\n')}
              >
                {row.crossing.map((tensor) => tensor.name).join(', ') || '—'}
              </td>
              <td data-field="bytes">{formatFigure(row.bytes / 1000)}</td>
              <td>{formatFigure(row.device_ms)}</td>
              <td>{formatFigure(row.transfer_ms)}</td>
              <td>{formatFigure(row.server_ms)}</td>
              <td>{formatFigure(row.latency_ms)}</td>
              <td>{millijoules(row.device_energy_j)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
