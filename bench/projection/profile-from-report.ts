// A results file as a hardware profile. `gflops` is the machine's calibrated effective
// throughput (the bundled calibration models' work over their median times, measured beside
// the benchmark), never the benchmarked model's own: projecting a measured latency to other
// hardware multiplies it by this over the target's gflops, so the model's measured speed carries
// over. A file without calibration (made before placewise bench calibrated) falls back to the
// model's own FLOPs over its median, and says so in `source`: projection then follows the
// model's FLOPs, not its measured time.
import { hostname } from 'node:os';
import type { HardwareProfile } from '../../simulator/scenario/hardware-library';
import type { BenchReport } from '../report/bench-report';
import { overheadWithin, referenceResult } from './reference-result';

export const THIS_MACHINE = 'this-machine';

export function profileFromReport(report: BenchReport): HardwareProfile {
  const reference = referenceResult(report);
  const { calibration } = report;
  const overhead = overheadWithin(reference);
  const model = report.model.id ?? report.model.file.split(/[\\/]/).pop();
  const measured = `placewise bench ${model} (${report.created.slice(0, 10)})`;
  const runtime = `onnxruntime ${report.host.onnxruntime}, ${report.host.os}`;
  const threads = (count: number) => `${count} thread${count === 1 ? '' : 's'}`;
  return {
    label: `${report.host.name === hostname() ? 'This machine' : report.host.name} (${report.host.cpu}, ${report.host.cores} cores)`,
    cores: report.host.cores,
    gflops: calibration
      ? calibration.gflops
      : Math.round((reference.gflop / ((reference.latency_ms.p50 - (overhead ?? 0)) / 1000)) * 1000) / 1000,
    // A device's browser may not tell its memory (memory_gb 0): the profile then says nothing.
    ...(report.host.memory_gb > 0 ? { ram_mb: Math.round(report.host.memory_gb * 1000) } : {}),
    source: calibration
      ? `${measured}, calibrated on ${calibration.models.map((entry) => `${entry.id} (${entry.gflop} GFLOP, p50 ${entry.p50_ms} ms)`).join(', ')} ` +
        `at ${threads(calibration.threads)}, batch 1; ${runtime}`
      : `${measured}, not calibrated: ${reference.gflop} GFLOP / p50 ${reference.latency_ms.p50} ms${overhead === undefined ? '' : ` less ${overhead} ms of per-call overhead`} of the model itself ` +
        `at ${threads(reference.threads)}, batch ${reference.batch}; ${runtime}`,
  };
}

/**
 * The profile id a results file goes under: `this-machine` when it was measured here, else a
 * slug of the host it came from (`raspberrypi`, `pixel-7`), so results from several devices can
 * sit side by side in one scenario.
 */
export function profileIdForReport(report: BenchReport): string {
  if (report.host.name === hostname()) return THIS_MACHINE;
  const slug = report.host.name
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '-')
    .replace(/^[^a-z0-9]+|-+$/g, '');
  return slug === '' || slug === THIS_MACHINE ? 'measured-host' : slug;
}
