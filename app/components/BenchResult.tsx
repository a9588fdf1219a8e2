// A finished benchmark: the model's facts, one row per configuration, and the latency
// distribution of the first configuration.
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { BenchReport } from '../../electron/api/contract';
import { formatFigure } from './format';
import { latencyHistogram } from './latency-histogram';

function formatWork(flops: number): string {
  return flops >= 1e9 ? `${formatFigure(flops / 1e9)} GFLOP` : `${formatFigure(flops / 1e6)} MFLOP`;
}

export function BenchResult({ report }: { report: BenchReport }) {
  const first = report.results[0];
  const histogram = latencyHistogram(first?.samples_ms ?? []);
  return (
    <section className="bench-result" data-testid="bench-result">
      <h2>{report.model.id ?? report.model.file}</h2>
      <p className="hint">
        {formatFigure(report.model.size_mb)} MB · {report.model.params.toLocaleString('en-US')} parameters ·{' '}
        {formatWork(report.model.flops.total)} per run · on {report.host.cpu} ({report.host.cores} cores), onnxruntime{' '}
        {report.host.onnxruntime}
      </p>
      {report.calibration ? (
        <p className="hint" data-testid="bench-calibration">
          This machine: {formatFigure(report.calibration.gflops)} GFLOPS effective (calibrated on{' '}
          {report.calibration.models.map((model) => model.id).join(', ')} at {report.calibration.threads} thread
          {report.calibration.threads === 1 ? '' : 's'}): what a measured latency is projected from onto other hardware.
        </p>
      ) : null}
      <table className="compare-table">
        <thead>
          <tr>
            <th>Threads</th>
            <th>Batch</th>
            <th>Runs</th>
            <th>p50</th>
            <th>p90</th>
            <th>p95</th>
            <th>p99</th>
            <th>Mean ± sd</th>
            <th>Throughput</th>
            <th>Stable</th>
          </tr>
        </thead>
        <tbody>
          {report.results.map((result) => (
            <tr key={`${result.threads}x${result.batch}`}>
              <td>{result.threads}</td>
              <td>{result.batch}</td>
              <td>{result.iterations}</td>
              <td>{formatFigure(result.latency_ms.p50)} ms</td>
              <td>{formatFigure(result.latency_ms.p90)} ms</td>
              <td>{formatFigure(result.latency_ms.p95)} ms</td>
              <td>{formatFigure(result.latency_ms.p99)} ms</td>
              <td>
                {formatFigure(result.latency_ms.mean)} ± {formatFigure(result.latency_ms.sd)} ms
              </td>
              <td>{formatFigure(result.throughput_ips)} /s</td>
              <td className={result.stable ? 'pass' : 'fail'} title={result.unstable_reason}>
                {result.stable ? 'yes' : 'no'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {histogram.length > 0 ? (
        <figure className="chart-cell">
          <figcaption>
            Latency distribution, {first.threads} thread{first.threads === 1 ? '' : 's'}, batch {first.batch} (ms)
          </figcaption>
          <BarChart width={640} height={220} data={histogram} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Bar dataKey="runs" fill="#3b5bdb" isAnimationActive={false} />
          </BarChart>
        </figure>
      ) : null}
    </section>
  );
}
