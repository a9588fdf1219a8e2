// A results file as a hardware profile. `gflops` is the model's work per inference divided by
// the measured median latency (FLOPs / p50) at the reference configuration (batch 1, most
// threads): the effective throughput this machine delivered on this model, which is what the
// simulator's gflops means ("effective FP32 inference throughput, all cores together"). It is
// model-specific: a convolutional model and an LSTM reach different shares of the peak, which is
// why a profile measured on the model being placed beats a datasheet figure.
import { hostname } from 'node:os';
import type { HardwareProfile } from '../../simulator/scenario/hardware-library';
import type { BenchReport } from '../report/bench-report';
import { referenceResult } from './reference-result';

export const THIS_MACHINE = 'this-machine';

export function profileFromReport(report: BenchReport): HardwareProfile {
  const reference = referenceResult(report);
  const seconds = reference.latency_ms.p50 / 1000;
  const gflops = Math.round((reference.gflop / seconds) * 1000) / 1000;
  const model = report.model.id ?? report.model.file.split(/[\\/]/).pop();
  return {
    label: `${report.host.name === hostname() ? 'This machine' : report.host.name} (${report.host.cpu}, ${report.host.cores} cores)`,
    cores: report.host.cores,
    gflops,
    ram_mb: Math.round(report.host.memory_gb * 1000),
    source:
      `placewise bench ${model} (${report.created.slice(0, 10)}): ${reference.gflop} GFLOP / p50 ${reference.latency_ms.p50} ms ` +
      `at ${reference.threads} thread${reference.threads === 1 ? '' : 's'}, batch ${reference.batch}; onnxruntime ${report.host.onnxruntime}, ${report.host.os}`,
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
