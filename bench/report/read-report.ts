// Reads a results file made by `placewise bench`, here or on another device, checking the
// fields that importing and projecting rely on; unknown extra fields are kept.
import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import { shortText } from '../../simulator/scenario/user-text';
import { BenchReportError } from '../errors';
import type { BenchReport } from './bench-report';

const latencySchema = z.looseObject({
  min: z.number(),
  mean: z.number(),
  p50: z.number().positive(),
  p90: z.number(),
  p95: z.number().positive(),
  p99: z.number(),
  max: z.number(),
  sd: z.number(),
});

const reportSchema = z.looseObject({
  model: z.looseObject({
    file: z.string(),
    sha256: z.string(),
    size_mb: z.number(),
    params: z.number(),
    flops: z.looseObject({ total: z.number(), by_op: z.record(z.string(), z.number()) }),
    inputs: z.array(z.looseObject({ name: z.string() })),
    outputs: z.array(z.looseObject({ name: z.string() })),
  }),
  host: z.looseObject({
    name: z.string().default('unknown-host'),
    cpu: z.string(),
    cores: z.number().int().positive(),
    memory_gb: z.number(),
    os: z.string(),
    node: z.string(),
    onnxruntime: z.string(),
  }),
  mode: z.enum(['single-stream', 'server', 'offline']),
  created: z.string().default(''),
  seed: z.number().default(1),
  results: z
    .array(
      z.looseObject({
        threads: z.number().int().positive(),
        batch: z.number().int().positive(),
        gflop: z.number().positive().optional(),
        latency_ms: latencySchema,
      }),
    )
    .min(1, 'has no results'),
  calibration: z
    .looseObject({
      gflops: z.number().positive(),
      threads: z.number().int().positive(),
      models: z.array(z.looseObject({ id: z.string(), gflop: z.number(), p50_ms: z.number() })).min(1),
    })
    .optional(),
});

/** Bytes of a results file: a real one is a few kilobytes (a few hundred for each result). */
export const MAX_REPORT_BYTES = 10_000_000;

export function parseBenchReport(text: string, file: string): BenchReport {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    // The parser's message quotes the file: escaped and shortened like any user text.
    throw new BenchReportError(file, `not a JSON results file: ${shortText((error as Error).message, 160)}`);
  }
  const parsed = reportSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${String(segment)}`));
    throw new BenchReportError(
      file,
      `not a placewise bench results file: ${path.join('').replace(/^\./, '') || '(file)'}: ${issue.message}`,
    );
  }
  const report = parsed.data as unknown as BenchReport;
  // DESIGN.md section 6 does not require a per-result gflop: without one, the model's total stands in.
  for (const result of report.results) result.gflop ??= report.model.flops.total / 1e9;
  return report;
}

export function readBenchReport(file: string): BenchReport {
  let text: string;
  try {
    // A device or a pipe (/dev/zero, a FIFO) might never end, and a huge file is no results file.
    const stats = statSync(file);
    if (!stats.isFile()) throw new BenchReportError(file, 'is not a regular file');
    if (stats.size > MAX_REPORT_BYTES) {
      throw new BenchReportError(
        file,
        `has ${stats.size.toLocaleString('en-US')} bytes; a results file has at most ${MAX_REPORT_BYTES.toLocaleString('en-US')}`,
      );
    }
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof BenchReportError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new BenchReportError(file, code === 'ENOENT' ? 'no such file' : `cannot read: ${(error as Error).message}`);
  }
  return parseBenchReport(text, file);
}
