// The scenario format, version 1 (DESIGN.md section 2), as one zod definition: it validates
// files, gives the TypeScript types, and generates the published JSON Schema.
import { z } from 'zod';
import { compileDistribution } from '../random/sampler';
import type { DistributionSpec } from './distribution-spec';
import { limitText, SCENARIO_LIMITS } from './limits';
import { LINK_TECHNOLOGIES } from './link-technologies';

const id = z
  .string()
  .max(SCENARIO_LIMITS.idLength, `an id has at most ${SCENARIO_LIMITS.idLength} characters`)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'ids are letters, digits, "-", "_" and "."; starting with a letter or digit');
const text = z
  .string()
  .max(SCENARIO_LIMITS.textLength, `a text has at most ${limitText(SCENARIO_LIMITS.textLength)} characters`);

// Every number of a scenario: finite (zod refuses NaN and infinity) and at most the largest
// figure, so that costs, traffic and times computed from it stay finite numbers.
const figure = () =>
  z
    .number()
    .lte(
      SCENARIO_LIMITS.largestFigure,
      `must be at most ${limitText(SCENARIO_LIMITS.largestFigure)}: larger figures would overflow the results`,
    );
// A figure that must be positive is also one that something is divided by (a throughput, a
// bandwidth, a rate): at least the smallest positive figure, so that the quotient stays finite.
const positive = figure()
  .positive()
  .refine((value) => value <= 0 || value >= SCENARIO_LIMITS.smallestPositive, {
    message: `must be at least ${SCENARIO_LIMITS.smallestPositive}: smaller figures are below what a run resolves`,
  });
const nonNegative = figure().nonnegative();
const share = figure().min(0).max(1);
const list = <T extends z.ZodType>(item: T) =>
  z.array(item).max(SCENARIO_LIMITS.listLength, `a list has at most ${limitText(SCENARIO_LIMITS.listLength)} entries`);
const PROTO_KEY = "'__proto__' is not an id: ids start with a letter or digit";
// Mappings keyed by ids come out without a prototype, so that an id such as `toString` or
// `constructor` is only ever the user's own entry, never a built-in property.
const idRecord = <T extends z.ZodType>(value: T) => {
  const record = z
    .record(id, value)
    .refine((entries) => Object.keys(entries).length <= SCENARIO_LIMITS.listLength, {
      message: `a mapping has at most ${limitText(SCENARIO_LIMITS.listLength)} entries`,
    })
    .transform((entries) => Object.assign(Object.create(null) as typeof entries, entries));
  // zod drops a `__proto__` key from a record without a word; it is not an id either. Typed as
  // the record it checks, which it passes on unchanged.
  return z.preprocess((input, context) => {
    if (input !== null && typeof input === 'object' && Object.hasOwn(input, '__proto__')) {
      context.addIssue({ code: 'custom', path: ['__proto__'], input, message: PROTO_KEY });
    }
    return input;
  }, record) as unknown as typeof record;
};

const numberPair = z.tuple([nonNegative, nonNegative]);

// An object form with every kind optional and a refinement that exactly one is given, rather
// than a union of single-key objects: zod then reports the error inside the kind the user
// wrote (`uniform: lower bound above upper bound`) instead of "matched no alternative".
const distributionObject = z
  .strictObject({
    constant: nonNegative.optional(),
    uniform: numberPair.optional(),
    exponential: positive.optional(),
    normal: z.strictObject({ mean: nonNegative, sd: nonNegative }).optional(),
    lognormal: z.strictObject({ median: positive, p95: positive }).optional(),
    triangular: z.tuple([nonNegative, nonNegative, nonNegative]).optional(),
    empirical: list(nonNegative).min(1).optional(),
  })
  .superRefine((value, ctx) => {
    const kinds = Object.keys(value);
    if (kinds.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: `a distribution has exactly one kind (constant, uniform, exponential, normal, lognormal, triangular, empirical); got ${kinds.length === 0 ? 'none' : kinds.join(', ')}`,
      });
      return;
    }
    if (value.uniform && value.uniform[0] > value.uniform[1]) {
      ctx.addIssue({ code: 'custom', path: ['uniform'], message: 'lower bound is above upper bound' });
    }
    if (value.triangular) {
      const [min, mode, max] = value.triangular;
      if (!(min <= mode && mode <= max)) {
        ctx.addIssue({ code: 'custom', path: ['triangular'], message: 'needs min <= mode <= max' });
      }
    }
    if (value.lognormal && value.lognormal.p95 < value.lognormal.median) {
      ctx.addIssue({ code: 'custom', path: ['lognormal', 'p95'], message: 'p95 is below the median' });
    } else if (value.lognormal) {
      // A p95 far above the median is a tail so heavy that the mean overflows every figure.
      const mean = compileDistribution(value as DistributionSpec).mean;
      if (!(mean <= SCENARIO_LIMITS.largestFigure)) {
        ctx.addIssue({
          code: 'custom',
          path: ['lognormal', 'p95'],
          message: `a p95 this far above the median makes a mean of ${mean.toPrecision(3)}, more than ${limitText(SCENARIO_LIMITS.largestFigure)}: the tail would overflow the results`,
        });
      }
    }
  });

// Typed as the precise DistributionSpec (exactly one kind), which the refinement guarantees.
export const distributionSchema = z
  .union([nonNegative, distributionObject])
  .describe(
    'A constant number, or one of constant, uniform, exponential, normal, lognormal, triangular, empirical',
  ) as unknown as z.ZodType<DistributionSpec, DistributionSpec>;

const powerSchema = z.strictObject({ idle: nonNegative, active: nonNegative });

export const hardwareProfileSchema = z.strictObject({
  label: text.optional(),
  cores: figure().int().positive(),
  gflops: positive.describe('effective FP32 inference throughput of the whole device, 10^9 operations per second'),
  ram_mb: positive.optional(),
  storage_gb: positive.optional(),
  power_w: powerSchema.optional(),
  source: text.optional(),
  memory_gbps: positive
    .optional()
    .describe(
      'sustained memory bandwidth of the whole device, GB/s (10^9 bytes per second): a model step takes at least mb_per_inference / 1000 / memory_gbps seconds (roofline)',
    ),
});

export const COMPONENT_KINDS = ['camera', 'wearable', 'phone', 'edge', 'cloud', 'serverless'] as const;
export const SCOPES = ['per-user', 'shared'] as const;
export const AUTOSCALING_METRICS = ['admitted', 'busy'] as const;

export const autoscalingSchema = z
  .strictObject({
    min: figure().int().positive(),
    max: figure().int().positive(),
    target_utilization: figure().positive().max(1).describe('scale so that average utilisation approaches this'),
    scale_interval_s: positive.default(30).describe('how often the autoscaler looks at the last interval'),
    cold_start_ms: distributionSchema.default(0).describe('time before a new replica takes work'),
    metric: z
      .enum(AUTOSCALING_METRICS)
      .default('admitted')
      .describe(
        'utilisation the autoscaler reads: admitted (work that arrived in the interval over capacity, above 100% when work queues) or busy (time executors worked, at most 100%, as Kubernetes measures CPU)',
      ),
  })
  .describe('autoscaling replicas between min and max (Kubernetes HPA rule: ceil(replicas x utilisation / target))');

export const componentSchema = z.strictObject({
  id,
  label: text.optional(),
  kind: z.enum(COMPONENT_KINDS),
  hardware: id
    .optional()
    .describe('a built-in or custom hardware profile id (required unless hardware_mix gives a population)'),
  hardware_mix: list(
    z.strictObject({
      hardware: id.describe('a built-in or custom hardware profile id'),
      share: share.describe('the share of users whose device is this hardware, 0..1'),
    }),
  )
    .min(1)
    .optional()
    .describe(
      'per-user components: a device population instead of one hardware; each simulated user draws a tier by share (shares sum to 1)',
    ),
  scope: z.enum(SCOPES).optional().describe('default: per-user for camera, wearable, phone; shared otherwise'),
  battery_wh: positive.optional(),
  replicas: z
    .union([figure().int().positive(), autoscalingSchema])
    .optional()
    .describe('shared components only; servers = replicas x cores; or an autoscaling range'),
  usd_per_hour: nonNegative.optional().describe('per replica'),
  // Serverless functions (kind: serverless): pay per request and per GB-second, cold starts.
  usd_per_million: nonNegative.optional().describe('serverless: price per million requests'),
  usd_per_gb_s: nonNegative.optional().describe('serverless: price per GB-second of run time'),
  memory_gb: positive.optional().describe('serverless: memory of one instance'),
  cold_start_ms: distributionSchema.optional().describe('serverless: extra time when no warm instance is free'),
  keep_warm_s: nonNegative.optional().describe('serverless: an idle instance stays warm this long (default 600)'),
  concurrency: figure().int().positive().optional().describe('serverless: most instances at once (default 1000)'),
  cores: figure().int().positive().optional().describe('parallel executors; default from hardware'),
});

const outageSchema = z.union([
  z.strictObject({ every_s: distributionSchema, lasting_s: distributionSchema }),
  z.strictObject({ schedule: list(numberPair).min(1).describe('[start_s, end_s] intervals') }),
]);

export const linkSchema = z.strictObject({
  id,
  between: z.tuple([id, id]),
  tech: z.enum(LINK_TECHNOLOGIES),
  latency_ms: distributionSchema.optional(),
  mbps: positive.optional(),
  usd_per_gb: nonNegative.optional(),
  energy_j_per_mb: nonNegative.optional(),
  outages: outageSchema.optional(),
});

const measuredLatencySchema = z.strictObject({
  p50: positive,
  p95: positive.optional(),
  on: id.describe('the hardware profile it was measured on, e.g. this-machine'),
});

export const modelSchema = z.strictObject({
  id,
  file: text.optional().describe('bundled:NAME or a path to an .onnx file'),
  size_mb: positive,
  gflop: positive
    .optional()
    .describe('work per inference, 10^9 operations (used only while the model has no latency_ms)'),
  latency_ms: measuredLatencySchema
    .optional()
    .describe(
      'a measured latency: wins over gflop, used as measured on its hardware and projected by gflops elsewhere',
    ),
  accuracy: share.optional(),
  updates_per_month: nonNegative.optional(),
  batch_curve: list(z.tuple([figure().int().positive(), positive]))
    .min(1)
    .optional()
    .describe('[batch size, time relative to one inference] points, e.g. measured by placewise bench --batch'),
  mb_per_inference: positive
    .optional()
    .describe(
      "megabytes (10^6 bytes) read from memory per inference (default size_mb): with the hardware's memory_gbps, the memory-bound floor of its time",
    ),
});

export const workloadSchema = z.strictObject({
  users: figure().int().positive(),
  per_user_rps: positive,
  arrivals: z.enum(['poisson', 'periodic']).default('poisson'),
  hours_per_day: figure().positive().max(24).optional().describe('active use per user per day (default 24)'),
  load_profile: z
    .array(nonNegative)
    .length(24)
    .optional()
    .describe('24 hourly multipliers of per_user_rps, around the clock (replaces hours_per_day)'),
  source: id,
  sink: id.optional(),
  requests: figure().int().positive().optional(),
  duration_s: positive.optional(),
});

export const stepSchema = z.strictObject({
  id,
  at: id.optional().describe('pinned: every option runs the step here'),
  compute_ms: distributionSchema.optional(),
  model: id.optional(),
  output_kb: nonNegative.default(0),
  personal: z
    .boolean()
    .optional()
    .describe(
      "the step's output is about the user (raw audio, camera frames, typed text): counted in personal_gb_per_month when it leaves the user's own devices",
    ),
});

export const LATENCY_STATISTICS = ['mean', 'p50', 'p90', 'p95', 'p99'] as const;

export const budgetsSchema = z.strictObject({
  latency_ms: z
    .strictObject({
      mean: positive.optional(),
      p50: positive.optional(),
      p90: positive.optional(),
      p95: positive.optional(),
      p99: positive.optional(),
    })
    .optional(),
  monthly_usd: nonNegative.optional(),
  link_utilization: figure().positive().max(1).optional(),
  battery_hours: positive.optional(),
  offline_success: share.optional(),
  success_rate: share.optional(),
  personal_gb_per_month: nonNegative
    .optional()
    .describe(
      "most personal data (outputs of personal steps) leaving the users' own devices, GB (10^9 bytes) per month over all users; 0: nothing personal leaves them",
    ),
});

export const PATTERNS = ['static', 'client-side', 'server-centric', 'cached', 'hybrid'] as const;

export const optionSchema = z.strictObject({
  id,
  label: text.optional(),
  pattern: z.enum(PATTERNS).optional(),
  place: idRecord(id).prefault({}),
  fallback: idRecord(z.strictObject({ at: id, model: id.optional() })).optional(),
  cache: idRecord(z.strictObject({ at: id, hit_rate: share })).optional(),
  telemetry: z
    .strictObject({
      sample_rate: share,
      kb: nonNegative,
      to: id,
      personal: z
        .boolean()
        .optional()
        .describe("the samples are the user's own data (logged inputs): counted in personal_gb_per_month"),
    })
    .optional(),
  batching: idRecord(z.strictObject({ max_batch: figure().int().positive(), max_wait_ms: nonNegative }))
    .optional()
    .describe('per component: run up to max_batch waiting inferences of a step together, waiting at most max_wait_ms'),
});

/** A component's top-left corner on the app's canvas, in canvas units (pixels at 100% zoom). */
// Positions may be negative (left of or above the origin), within the figures' magnitude.
const coordinate = figure().gte(
  -SCENARIO_LIMITS.largestFigure,
  `must be at least -${limitText(SCENARIO_LIMITS.largestFigure)}`,
);
export const canvasPositionSchema = z.strictObject({ x: coordinate, y: coordinate });

export const scenarioSchema = z.strictObject({
  placewise: z.literal(1, { error: 'unsupported format version: this Placewise reads version 1 (placewise: 1)' }),
  name: text.min(1),
  description: text.optional(),
  seed: figure().int().nonnegative().default(1),
  hardware: idRecord(hardwareProfileSchema).prefault({}),
  components: list(componentSchema).min(1),
  links: list(linkSchema).default([]),
  models: list(modelSchema).default([]),
  workload: workloadSchema,
  pipeline: list(stepSchema).min(1).max(31),
  budgets: budgetsSchema.default({}),
  options: list(optionSchema).min(1),
  decision: id.optional(),
  layout: idRecord(canvasPositionSchema)
    .optional()
    .describe("the app canvas's component positions by component id; absent: automatic layout"),
});

/** A scenario as written in a file (defaults not yet applied). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A structurally valid scenario with defaults applied. */
export type Scenario = z.output<typeof scenarioSchema>;
export type Component = Scenario['components'][number];
export type Link = Scenario['links'][number];
export type Model = Scenario['models'][number];
export type Step = Scenario['pipeline'][number];
export type Workload = Scenario['workload'];
export type Budgets = Scenario['budgets'];
export type DeploymentOption = Scenario['options'][number];
export type ComponentKind = (typeof COMPONENT_KINDS)[number];
export type CanvasPosition = z.output<typeof canvasPositionSchema>;
export type LatencyStatistic = (typeof LATENCY_STATISTICS)[number];
