// Reads a results file made by `placewise bench`, here or on another device, checking the
// fields that importing and projecting rely on; unknown extra fields are kept.
import * as z from 'zod';
import { describeJsonSyntaxProblem, jsonSyntaxProblem } from '../../simulator/scenario/json-syntax';
import { BenchReportError } from '../errors';
import { readRegularFileSync, UnreadableFileError } from '../files/read-regular-file';
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
        overhead_ms: z.number().nonnegative().optional(),
        valid: z.boolean().optional(),
        invalid_reason: z.string().optional(),
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

export function parseBenchReport(text: string, file: string): BenchReport {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new BenchReportError(
      file,
      `not a JSON results file: ${describeJsonSyntaxProblem(jsonSyntaxProblem(error, text))}`,
    );
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
    text = readRegularFileSync(file, 'results').toString('utf8');
  } catch (error) {
    if (error instanceof UnreadableFileError) throw new BenchReportError(file, error.problem);
    throw error;
  }
  return parseBenchReport(text, file);
}
