// The scenario format, version 1 (DESIGN.md section 2), as one zod definition: it validates
// files, gives the TypeScript types, and generates the published JSON Schema.
import * as z from 'zod';
import { compileDistribution } from '../random/sampler';
import type { DistributionSpec } from './distribution-spec';
import { limitText, SCENARIO_LIMITS } from './limits';
import { LINK_TECHNOLOGIES } from './link-technologies';

// zod compiles a fast parser for each object shape with new Function on its first parse. A
// scenario is parsed once per command (and once per edit in the app), so compiling costs more
// than it saves: about 20 ms of every `placewise run`. Without it no code is generated at run
// time at all, which a strict Content-Security-Policy (the app's renderer) also wants.
z.config({ jitless: true });

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
    constant: nonNegative.optional().describe("always this value (in the field's unit)"),
    uniform: numberPair.optional().describe("[low, high]: every value between equally likely (in the field's unit)"),
    exponential: positive.optional().describe("the mean of an exponential distribution (in the field's unit)"),
    normal: z
      .strictObject({
        mean: nonNegative.describe("the mean (in the field's unit)"),
        sd: nonNegative.describe("the standard deviation (in the field's unit)"),
      })
      .optional()
      .describe("mean and standard deviation (in the field's unit), truncated at 0"),
    lognormal: z
      .strictObject({
        median: positive.describe("the median (in the field's unit)"),
        p95: positive.describe("the 95th percentile (in the field's unit)"),
      })
      .optional()
      .describe("median and 95th percentile (in the field's unit) of a lognormal distribution"),
    triangular: z
      .tuple([nonNegative, nonNegative, nonNegative])
      .optional()
      .describe("[min, mode, max] (in the field's unit)"),
    empirical: list(nonNegative).min(1).optional().describe("observed values (in the field's unit), resampled"),
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

const powerSchema = z
  .strictObject({
    idle: nonNegative.describe('watts drawn when idle'),
    active: nonNegative.describe('watts drawn when every core computes'),
  })
  .describe('electrical power in watts, idle and under full load');

export const hardwareProfileSchema = z.strictObject({
  label: text.optional().describe('a name for people'),
  cores: figure().int().positive().describe('CPU cores (or accelerators) of the device'),
  gflops: positive.describe('effective FP32 inference throughput of the whole device, 10^9 operations per second'),
  ram_mb: positive.optional().describe('memory in megabytes (10^6 bytes)'),
  storage_gb: positive.optional().describe('storage in gigabytes (10^9 bytes)'),
  power_w: powerSchema.optional(),
  source: text.optional().describe('where the figures come from'),
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
    min: figure().int().positive().describe('fewest replicas'),
    max: figure().int().positive().describe('most replicas'),
    target_utilization: figure()
      .positive()
      .max(1)
      .describe('scale so that average utilisation approaches this share (0 to 1)'),
    scale_interval_s: positive.default(30).describe("seconds between the autoscaler's looks at the last interval"),
    cold_start_ms: distributionSchema.default(0).describe('milliseconds before a new replica takes work'),
    metric: z
      .enum(AUTOSCALING_METRICS)
      .default('admitted')
      .describe(
        'utilisation the autoscaler reads: admitted (work that arrived in the interval over capacity, above 100% when work queues) or busy (time executors worked, at most 100%, as Kubernetes measures CPU)',
      ),
  })
  .describe('autoscaling replicas between min and max (Kubernetes HPA rule: ceil(replicas x utilisation / target))');

export const componentSchema = z.strictObject({
  id: id.describe("the component's id, named by links, steps and options"),
  label: text.optional().describe('a name for people, shown in diagrams and reports'),
  kind: z.enum(COMPONENT_KINDS).describe('what the component is; sets its default scope'),
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
  battery_wh: positive.optional().describe('battery capacity in watt-hours'),
  replicas: z
    .union([figure().int().positive(), autoscalingSchema])
    .optional()
    .describe('shared components only; servers = replicas x cores; or an autoscaling range'),
  usd_per_hour: nonNegative.optional().describe('US dollars per hour, per replica'),
  // Serverless functions (kind: serverless): pay per request and per GB-second, cold starts.
  usd_per_million: nonNegative.optional().describe('serverless: US dollars per million requests'),
  usd_per_gb_s: nonNegative.optional().describe('serverless: US dollars per GB-second of run time'),
  memory_gb: positive.optional().describe('serverless: memory of one instance, gigabytes (10^9 bytes)'),
  cold_start_ms: distributionSchema.optional().describe('serverless: extra milliseconds when no warm instance is free'),
  keep_warm_s: nonNegative.optional().describe('serverless: seconds an idle instance stays warm (default 600)'),
  concurrency: figure().int().positive().optional().describe('serverless: most instances at once (default 1000)'),
  cores: figure().int().positive().optional().describe('parallel executors; default from hardware'),
});

const outageSchema = z
  .union([
    z.strictObject({
      every_s: distributionSchema.describe('seconds between outages'),
      lasting_s: distributionSchema.describe('seconds an outage lasts'),
    }),
    z.strictObject({ schedule: list(numberPair).min(1).describe('[start_s, end_s] intervals, seconds') }),
  ])
  .describe('when the link is down: random outages, or a fixed schedule');

export const linkSchema = z.strictObject({
  id: id.describe("the link's id"),
  between: z.tuple([id, id]).describe('the two component ids it joins'),
  tech: z.enum(LINK_TECHNOLOGIES).describe('the technology: default latency, bandwidth, price and radio energy'),
  latency_ms: distributionSchema.optional().describe('one-way latency per message, milliseconds'),
  mbps: positive.optional().describe('bandwidth, megabits (10^6 bits) per second'),
  usd_per_gb: nonNegative.optional().describe('US dollars per gigabyte (10^9 bytes) carried'),
  energy_j_per_mb: nonNegative
    .optional()
    .describe('radio energy on a battery device, joules per megabyte sent or received'),
  outages: outageSchema.optional(),
});

const measuredLatencySchema = z
  .strictObject({
    p50: positive.describe('median latency, milliseconds'),
    p95: positive.optional().describe('95th percentile latency, milliseconds'),
    on: id.describe('the hardware profile it was measured on, e.g. this-machine'),
    overhead_ms: nonNegative
      .optional()
      .describe(
        "onnxruntime's per-call overhead within p50 and p95, milliseconds (placewise bench): kept as measured on other hardware, only the rest scales as compute",
      ),
  })
  .superRefine((value, ctx) => {
    if (value.overhead_ms !== undefined && value.overhead_ms >= value.p50) {
      ctx.addIssue({
        code: 'custom',
        path: ['overhead_ms'],
        message: `must be below p50 (${value.p50} ms), of which it is a part`,
      });
    }
  });

export const modelSchema = z.strictObject({
  id: id.describe("the model's id, named by steps"),
  file: text.optional().describe('bundled:NAME or a path to an .onnx file'),
  size_mb: positive.describe('size of the model file, megabytes (10^6 bytes)'),
  gflop: positive
    .optional()
    .describe('work per inference, 10^9 operations (used only while the model has no latency_ms)'),
  latency_ms: measuredLatencySchema
    .optional()
    .describe(
      'a measured latency: wins over gflop, used as measured on its hardware and projected by gflops elsewhere',
    ),
  accuracy: share.optional().describe('share of answers that are right, 0 to 1'),
  updates_per_month: nonNegative
    .optional()
    .describe('new versions a month, each shipped to every per-user device that holds the model'),
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
  users: figure().int().positive().describe('active users'),
  per_user_rps: positive.describe('requests per second per active user'),
  arrivals: z
    .enum(['poisson', 'periodic'])
    .default('poisson')
    .describe('poisson: exponential gaps; periodic: exactly 1 / per_user_rps seconds apart'),
  hours_per_day: figure().positive().max(24).optional().describe('hours of active use per user per day (default 24)'),
  load_profile: z
    .array(nonNegative)
    .length(24)
    .optional()
    .describe('24 hourly multipliers of per_user_rps, around the clock (replaces hours_per_day)'),
  source: id.describe('the component where a request starts'),
  sink: id.optional().describe('the component its result must reach (default: the source)'),
  requests: figure().int().positive().optional().describe('simulated requests per option'),
  duration_s: positive.optional().describe('or: seconds of simulated time per option'),
});

export const stepSchema = z.strictObject({
  id: id.describe("the step's id, named by options"),
  at: id.optional().describe('pinned: every option runs the step here'),
  compute_ms: distributionSchema.optional().describe('fixed work, milliseconds wherever it runs'),
  model: id.optional().describe('the model it runs: its time follows the hardware it lands on'),
  output_kb: nonNegative.default(0).describe('what it sends on, kilobytes (1000 bytes)'),
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
      mean: positive.optional().describe('most mean latency, milliseconds'),
      p50: positive.optional().describe('most median latency, milliseconds'),
      p90: positive.optional().describe('most 90th percentile latency, milliseconds'),
      p95: positive.optional().describe('most 95th percentile latency, milliseconds'),
      p99: positive.optional().describe('most 99th percentile latency, milliseconds'),
    })
    .optional()
    .describe('end-to-end latency of completed requests, milliseconds'),
  monthly_usd: nonNegative.optional().describe('most cost a month, US dollars'),
  link_utilization: figure().positive().max(1).optional().describe('no link busier than this share, 0 to 1'),
  battery_hours: positive.optional().describe('every battery component lasts at least this many hours of active use'),
  offline_success: share.optional().describe('least share (0 to 1) of requests started during an outage that complete'),
  success_rate: share.optional().describe('least share (0 to 1) of all requests that complete'),
  accuracy: share.optional().describe('minimum mean accuracy (0-1) over completed requests'),
  personal_gb_per_month: nonNegative
    .optional()
    .describe(
      "most personal data (outputs of personal steps) leaving the users' own devices, GB (10^9 bytes) per month over all users; 0: nothing personal leaves them",
    ),
});

export const PATTERNS = ['static', 'client-side', 'server-centric', 'cached', 'hybrid'] as const;

export const optionSchema = z.strictObject({
  id: id.describe("the option's id, named by decision"),
  label: text.optional().describe('a name for people, shown in reports'),
  pattern: z.enum(PATTERNS).optional().describe('the placement pattern it follows'),
  place: idRecord(id).prefault({}).describe('step id to the component id it runs on'),
  fallback: idRecord(
    z.strictObject({
      at: id.describe('the component that runs the step instead'),
      model: id.optional().describe('the model it runs there'),
    }),
  )
    .optional()
    .describe('per step: where it runs when a link it needs is down'),
  cache: idRecord(
    z.strictObject({
      at: id.describe('the component that holds the cache'),
      hit_rate: share.describe('share (0 to 1) of requests the cache answers'),
    }),
  )
    .optional()
    .describe('per step: a cache of its answers on the way to it'),
  telemetry: z
    .strictObject({
      sample_rate: share.describe('share (0 to 1) of requests that send telemetry'),
      kb: nonNegative.describe('kilobytes (1000 bytes) each sends'),
      to: id.describe('the component that receives it'),
      personal: z
        .boolean()
        .optional()
        .describe("the samples are the user's own data (logged inputs): counted in personal_gb_per_month"),
    })
    .optional()
    .describe('sampled telemetry sent per request'),
  batching: idRecord(
    z.strictObject({
      max_batch: figure().int().positive().describe('most inferences run as one batch'),
      max_wait_ms: nonNegative.describe('most milliseconds the first inference waits for a batch to fill'),
    }),
  )
    .optional()
    .describe('per component: run up to max_batch waiting inferences of a step together, waiting at most max_wait_ms'),
  models: idRecord(id)
    .optional()
    .describe(
      "per step: the model id the step runs in this option wherever it is placed (its time, size, updates and accuracy replace the step's own model's)",
    ),
  cascade: idRecord(
    z.strictObject({
      model: id.describe('the second, larger model a request escalates to'),
      at: id.describe('the component that runs the second model'),
      escalate_rate: share.describe('share (0-1) of requests whose first answer is escalated to the second model'),
    }),
  )
    .optional()
    .describe(
      'per step: two-phase prediction; the step runs its own model first, then a share escalate_rate of requests sends the step input (kB) to `at` and also runs `model` there before the next step',
    ),
});

/** A component's top-left corner on the app's canvas, in canvas units (pixels at 100% zoom). */
// Positions may be negative (left of or above the origin), within the figures' magnitude.
const coordinate = figure().gte(
  -SCENARIO_LIMITS.largestFigure,
  `must be at least -${limitText(SCENARIO_LIMITS.largestFigure)}`,
);
export const canvasPositionSchema = z.strictObject({
  x: coordinate.describe('left edge, canvas units (pixels at 100% zoom)'),
  y: coordinate.describe('top edge, canvas units (pixels at 100% zoom)'),
});

export const scenarioSchema = z.strictObject({
  placewise: z
    .literal(1, { error: 'unsupported format version: this Placewise reads version 1 (placewise: 1)' })
    .describe('the format version: 1'),
  name: text.min(1).describe("the scenario's name, the title of its reports"),
  description: text.optional().describe('what the system does and what is to be decided'),
  seed: figure().int().nonnegative().default(1).describe('all randomness derives from it'),
  hardware: idRecord(hardwareProfileSchema)
    .prefault({})
    .describe('custom hardware profiles by id, added to the built-in library'),
  components: list(componentSchema).min(1).describe('the devices and servers of the system'),
  links: list(linkSchema).default([]).describe('the connections between components'),
  models: list(modelSchema).default([]).describe('the ML models the steps run'),
  workload: workloadSchema.describe('the users and the requests they make'),
  pipeline: list(stepSchema).min(1).max(31).describe('the steps a request goes through, in order'),
  budgets: budgetsSchema.default({}).describe('what every option must meet'),
  options: list(optionSchema).min(1).describe('the deployment options to compare'),
  decision: id.optional().describe('the option chosen; placewise check gates on it'),
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
