// The argument schemas of every API method: the host validates whatever arrives over IPC or
// HTTP against them before a method runs, and answers bad input with a message naming the field.
import * as z from 'zod';
import { benchRequestProblem, MAX_DEVICE_TIMEOUT_S } from '../../bench/limits';
import { splitRequestProblem } from '../../bench/split/measure-split';
import { splitTargetProblem } from '../../bench/split/project-split';
import type { LinkTechnology } from '../../simulator/scenario/link-technologies';
import { EXPORT_FORMATS } from '../host/export/export-formats';
import { ApiError, type ApiMethod, type PlacewiseApi } from './contract';

const MAX_SCENARIO_CHARS = 5_000_000;
const path = z
  .string()
  .min(1, 'a file path is required')
  .max(4096)
  .refine((value) => !value.includes('\0'), 'a path has no NUL');
const scenarioText = z.string().max(MAX_SCENARIO_CHARS, 'a scenario is at most 5 MB');
const jobId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'not a job id');
const progressId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'not a progress id (letters, digits and -, at most 64)');
const counts = z.array(z.number());

type ArgumentSchemas = { [M in ApiMethod]: z.ZodType<Parameters<PlacewiseApi[M]>> };

export const API_ARGUMENTS: ArgumentSchemas = {
  hostInfo: z.tuple([]),
  listExamples: z.tuple([]),
  openScenario: z.tuple([path]),
  saveScenario: z.tuple([z.strictObject({ path, text: scenarioText })]),
  recentFiles: z.tuple([]),
  chooseScenarioToOpen: z.tuple([]),
  chooseSavePath: z.tuple([path.nullable()]),
  writeRecovery: z.tuple([z.strictObject({ path: path.nullable(), text: scenarioText })]),
  readRecovery: z.tuple([]),
  clearRecovery: z.tuple([]),
  listBundledModels: z.tuple([]),
  // The bounds are `placewise bench`'s own (bench/limits.ts), checked here so the app hears at once.
  startBenchmark: z.tuple([
    z
      .strictObject({
        model: z.string().min(1, 'choose a model').max(4096),
        threads: counts.optional(),
        batch: counts.optional(),
        warmup: z.number().optional(),
        iterations: z.number().optional(),
        calibrate: z.boolean().optional(),
      })
      .superRefine((request, context) => {
        const problem = benchRequestProblem(request);
        if (problem) context.addIssue({ code: 'custom', message: problem });
      }),
  ]),
  // The bounds and names are `placewise split`'s own, checked here so the app hears at once.
  startSplit: z.tuple([
    z
      .strictObject({
        model: z.string().min(1, 'choose a model').max(4096),
        device: z.string().max(200),
        server: z.string().max(200),
        link: z.string().max(200),
        mbps: z.number().optional(),
        threads: z.number().optional(),
        iterations: z.number().optional(),
      })
      .superRefine((request, context) => {
        const problem =
          splitTargetProblem({ ...request, link: request.link as LinkTechnology }) ?? splitRequestProblem(request);
        if (problem) context.addIssue({ code: 'custom', message: problem });
      }),
  ]),
  // The bounds are `placewise bench --on-device`'s own, checked here so the app hears at once.
  startDeviceBenchmark: z.tuple([
    z
      .strictObject({
        model: z.string().min(1, 'choose a model').max(4096),
        lan: z.boolean().optional(),
        timeoutS: z
          .number()
          .positive('the timeout is a positive number of seconds')
          .max(MAX_DEVICE_TIMEOUT_S, `the timeout is at most ${MAX_DEVICE_TIMEOUT_S} s (a day)`)
          .optional(),
        warmup: z.number().optional(),
        iterations: z.number().optional(),
      })
      .superRefine((request, context) => {
        const problem = benchRequestProblem(request);
        if (problem) context.addIssue({ code: 'custom', message: problem });
      }),
  ]),
  benchmarkStatus: z.tuple([jobId]),
  cancelBenchmark: z.tuple([jobId]),
  importBenchmarkReport: z.tuple([path]),
  applyBenchmark: z.tuple([
    z.strictObject({ scenarioText, jobId, modelId: z.string().min(1).max(200), scenarioPath: path.optional() }),
  ]),
  exportScenario: z.tuple([
    z.strictObject({
      scenarioText,
      format: z.enum(EXPORT_FORMATS),
      optionId: z.string().min(1).max(200).optional(),
      diagram: z.enum(['architecture', 'sequence']).optional(),
      scenarioFile: z.string().min(1).max(200).optional(),
      progressId: progressId.optional(),
    }),
  ]),
  exportProgress: z.tuple([progressId]),
  openExternal: z.tuple([z.string().max(2048)]),
};

export function isApiMethod(name: string): name is ApiMethod {
  return Object.hasOwn(API_ARGUMENTS, name);
}

/** Checks the raw arguments of `method`; throws an ApiError that says which argument is wrong and why. */
export function parseArguments<M extends ApiMethod>(method: M, raw: unknown): Parameters<PlacewiseApi[M]> {
  const parsed = API_ARGUMENTS[method].safeParse(raw);
  if (parsed.success) return parsed.data as Parameters<PlacewiseApi[M]>;
  const issue = parsed.error.issues[0];
  const where = issue.path.length > 0 ? ` at argument ${issue.path.map(String).join('.')}` : '';
  throw new ApiError(`${method}: invalid arguments${where}: ${issue.message}`);
}

/** What a transport knows of a call besides its arguments. */
export interface CallContext {
  /** Aborts when the caller has gone away (an HTTP client closed its connection): its work stops. */
  signal?: AbortSignal;
}

/** The host's side of the API: every method may also take its call's context, after its arguments. */
export type HostApi = {
  [M in ApiMethod]: (...args: [...Parameters<PlacewiseApi[M]>, context?: CallContext]) => ReturnType<PlacewiseApi[M]>;
};

/** Validates the arguments, then calls the host's method: the one entry point of both transports. */
export async function invokeApi(host: HostApi, method: string, raw: unknown, context?: CallContext): Promise<unknown> {
  if (!isApiMethod(method)) throw new ApiError(`unknown API method '${method}'`);
  const args = parseArguments(method, raw);
  // Every argument schema is a tuple of required items, so the context always lands after them.
  const call = host[method] as (...values: unknown[]) => Promise<unknown>;
  return context === undefined ? call(...args) : call(...args, context);
}
