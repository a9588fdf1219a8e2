// The machine a benchmark ran on, recorded in the results file so a figure can be traced to it.
import { availableParallelism, cpus, hostname, type as osType, release, totalmem } from 'node:os';
import type { BenchHost } from './bench-report';

export function describeHost(onnxruntime: string): BenchHost {
  return {
    name: hostname(),
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    memory_gb: Math.round(totalmem() / 1e7) / 100,
    os: `${osType()} ${release()} ${process.arch}`,
    node: process.version,
    onnxruntime,
  };
}
