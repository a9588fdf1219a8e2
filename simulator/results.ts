// The results of evaluating a scenario: the JSON of `placewise run --json` (DESIGN.md section 3).
// Fields beyond the contract are additions (allowed by the contract), marked as such.

/**
 * Of the measured requests that completed. With none (every request failed), each figure is NaN
 * in memory and absent from the JSON (resultsForJson), and the option's warnings say why.
 */
export interface LatencySummary {
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
  /**
   * Addition: 95% confidence intervals by batch means, where the run was long enough and
   * stationary. An interval that would reach below 0 ms starts at 0 and is named in `clamped_at_zero`.
   */
  ci95?: { mean?: [number, number]; p95?: [number, number]; clamped_at_zero?: ('mean' | 'p95')[] };
}

export interface StepResult {
  id: string;
  at: string;
  mean_ms: number;
  /** Addition: the share of requests that ran the step (cache hits and failures skip it). */
  share?: number;
}

export interface LinkResult {
  id: string;
  utilization: number;
  mean_mbps: number;
  gb_per_month: number;
  /** Addition: the link's tech, to label charts. */
  tech?: string;
}

export interface ComponentResult {
  id: string;
  utilization: number;
}

export interface MonthlyCost {
  total: number;
  compute: number;
  network: number;
  updates: number;
  telemetry: number;
}

export interface BudgetVerdict {
  /** e.g. `latency_ms.p95`, `monthly_usd`, `battery_hours.glasses`. */
  name: string;
  limit: number;
  value: number | null;
  pass: boolean;
}

export interface OfflineResult {
  requests: number;
  success_rate: number | null;
  fallback_rate: number | null;
}

export interface AnalyticComponentEstimate {
  id: string;
  servers: number;
  arrival_rps: number;
  service_ms: number;
  utilization: number;
  /** Mean time in the component (wait + service) by M/M/c; null when it is saturated. */
  mean_response_ms: number | null;
}

export interface AnalyticLinkEstimate {
  id: string;
  direction: string;
  utilization: number;
  /** Messages per second into one instance of the link direction. */
  arrival_rps?: number;
}

export interface AnalyticEstimate {
  components: AnalyticComponentEstimate[];
  links: AnalyticLinkEstimate[];
  /** Mean end-to-end latency as a sum of M/M/c responses, mean transfers and latencies. */
  mean_latency_ms: number | null;
}

/** Addition: the models an option keeps on one component against the hardware's memory and storage. */
export interface FitResult {
  component: string;
  /** Model ids, each once: the steps placed there, their fallbacks and cascades' second models. */
  models: string[];
  /** Their total size, MB. */
  size_mb: number;
  /** The hardware's RAM (MB) and storage (GB), where its profile gives them. */
  ram_mb?: number;
  storage_gb?: number;
  pass: boolean;
  /** Why they do not fit, e.g. "nmt 300 MB + ocr 16 MB > glasses 256 MB RAM". */
  reason?: string;
}

/** Addition: one step's cascade (two-phase prediction) in an option's run. */
export interface CascadeResult {
  step: string;
  /** The second model and where it runs. */
  model: string;
  at: string;
  /** Requests whose first answer escalated, and their share of all requests. */
  escalations: number;
  escalation_rate: number;
  /** Escalations that found a link down on the way and kept the first answer, and their share of escalations (absent with none). */
  fell_back: number;
  fell_back_share?: number;
}

export interface OptionResult {
  id: string;
  latency_ms: LatencySummary;
  breakdown_ms: { compute: number; queue: number; network: number };
  steps: StepResult[];
  links: LinkResult[];
  components: ComponentResult[];
  monthly_usd: MonthlyCost;
  battery_hours: Record<string, number>;
  accuracy: number | null;
  success_rate: number;
  offline: OfflineResult;
  budgets: BudgetVerdict[];
  pass: boolean;
  /** Addition: latency at the quantiles 0, 0.01, ..., 1 of completed requests (101 values), for CDF charts. */
  latency_quantiles_ms: number[];
  /** Addition: the option's pattern and label, for tables and reports. */
  pattern?: string;
  label?: string;
  /** Addition: the queueing estimate computed beside the simulation. */
  analytic: AnalyticEstimate;
  /** Addition: problems with this option's run (saturation, disagreement with the estimate, why there is no latency). */
  warnings: string[];
  /** Addition: completed and failed request counts. */
  completed: number;
  failed: number;
  /** Addition: users simulated in detail; the others are background load on shared components. */
  detailed_users: number;
  /** Addition: requests measured for this option (warm-up excluded). */
  requests: number;
  /** Addition: autoscaled components: mean replicas over the run and [time s, replicas] at each change. */
  autoscaling?: { component: string; mean_replicas: number; timeline: [number, number][] }[];
  /** Addition: serverless components: invocations simulated, the share that started cold, billed time per invocation. */
  serverless?: { component: string; invocations: number; cold_start_share: number; mean_billed_ms: number }[];
  /** Addition (with `placewise run --replications N`): 95% intervals of the figures across N runs of other seeds. */
  replications?: {
    count: number;
    latency_ms: { mean: [number, number]; p95: [number, number]; p99: [number, number] };
    monthly_usd: [number, number];
    success_rate: [number, number];
    /** Intervals cut to the figure's range (latency and cost from 0, success up to 1), by name. */
    clamped?: string[];
  };
  /**
   * Addition: present when the run is not stationary (a load step, a scheduled outage, replicas
   * changing): why. Its latency then has no batch-means `ci95`; `--replications N` gives intervals.
   */
  nonstationary?: string[];
  /** Addition: batched steps and their mean batch size. */
  batching?: { step: string; component: string; mean_batch: number }[];
  /** Addition: per component holding models, whether they fit its RAM and storage; a misfit also fails a `fit.*` verdict. */
  fit?: FitResult[];
  /** Addition: steps with a cascade: how many requests escalated and how many fell back to the first answer. */
  cascade?: CascadeResult[];
  /**
   * Addition: GB (10^9 bytes) per month, over all users, of personal steps' outputs sent from
   * a user's own (per-user) devices to shared ones; 0 when nothing personal leaves them.
   */
  personal_gb_per_month?: number;
  /**
   * Addition: per-user components with a hardware_mix, tier by tier. The component's entry in
   * `battery_hours` is then its shortest-lived tier's.
   */
  hardware_mix?: { component: string; tiers: HardwareTierResult[] }[];
}

/** Addition: one tier of a device population (a component's hardware_mix). */
export interface HardwareTierResult {
  hardware: string;
  /** The share of users with this hardware, as the scenario gives it. */
  share: number;
  /** Detailed users of this tier in the run, and the measured requests they made. */
  users: number;
  requests: number;
  /** Latency of this tier's completed measured requests (absent when none completed). */
  latency_ms?: Omit<LatencySummary, 'ci95'>;
  /** Battery life of this tier's devices, where the component has a battery and the hardware power figures. */
  battery_hours?: number;
}

export interface ScenarioResults {
  scenario: string;
  seed: number;
  requests: number;
  options: OptionResult[];
  recommendation: string | null;
  /** Addition: why the recommendation, in one sentence. */
  recommendation_reason?: string;
  /** Addition: the decision recorded in the scenario, if any. */
  decision?: string | null;
}
