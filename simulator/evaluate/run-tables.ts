// What the event loop (simulate-option.ts) reads at every request of the plan's steps and of the
// system's links and routes, in typed arrays: the loop then reads no plan object whose shape a
// later option or sample changes (each change recompiled the loop's functions). They depend on
// the plan, or the system, alone, and a Monte Carlo sample runs each option's plan up to three
// times and the system's eight options: made at every run, they cost about a per cent of a
// sample. So they are made once per plan and once per system, and held as long as those are.
// Read-only: every run of the plan or system reads the same arrays.
import type { Sampler } from '../random/sampler';
import type { OptionPlan, StepPlacement } from './option-plan';
import type { SystemModel } from './system-model';

export interface StepTables {
  /** Whether the step's output is personal data (it leaves the user crossing to a shared component). */
  personalOutput: boolean[];
  /** A placement's model's accuracy, 1 where it has none: multiplying by 1 changes no bit of a request's accuracy. */
  primaryAccuracy: Float64Array;
  fallbackAccuracy: Float64Array;
  secondAccuracy: Float64Array;
  primaryComponent: Int32Array;
  hasCascade: Uint8Array;
  escalateRate: Float64Array;
  /** The component of the step's cache, -1 without one. */
  cacheComponent: Int32Array;
  cacheHitRate: Float64Array;
  inputKb: Float64Array;
  outputKb: Float64Array;
}

export interface SystemTables {
  linkShared: Uint8Array;
  linkMbps: Float64Array;
  linkLatency: Sampler[];
  componentShared: Uint8Array;
  /** The first hop from one component towards another (routes[from][to][0]), by from * count + to; link -1 where none. */
  firstHopLink: Int32Array;
  firstHopDirection: Int32Array;
  firstHopTo: Int32Array;
}

const stepTablesOf = new WeakMap<OptionPlan, StepTables>();
const systemTablesOf = new WeakMap<SystemModel, SystemTables>();

export function stepTables(plan: OptionPlan): StepTables {
  let tables = stepTablesOf.get(plan);
  // Stryker disable next-line ConditionalExpression: making them again gives the same arrays; the map only saves the work.
  if (tables === undefined) {
    tables = makeStepTables(plan);
    stepTablesOf.set(plan, tables);
  }
  return tables;
}

export function systemTables(system: SystemModel): SystemTables {
  let tables = systemTablesOf.get(system);
  // Stryker disable next-line ConditionalExpression: as above.
  if (tables === undefined) {
    tables = makeSystemTables(system);
    systemTablesOf.set(system, tables);
  }
  return tables;
}

function makeStepTables(plan: OptionPlan): StepTables {
  const steps = plan.steps;
  const accuracyOf = (placement: StepPlacement | undefined) => placement?.model?.accuracy ?? 1;
  // Array.from, not map: map's arrays turn holey once V8 optimises their maker (system-model.ts).
  return {
    personalOutput: Array.from(steps, (stepPlan) => stepPlan.step.personal === true),
    primaryAccuracy: Float64Array.from(steps, (stepPlan) => accuracyOf(stepPlan.primary)),
    fallbackAccuracy: Float64Array.from(steps, (stepPlan) => accuracyOf(stepPlan.fallback)),
    secondAccuracy: Float64Array.from(steps, (stepPlan) => accuracyOf(stepPlan.cascade?.placement)),
    primaryComponent: Int32Array.from(steps, (stepPlan) => stepPlan.primary.component),
    hasCascade: Uint8Array.from(steps, (stepPlan) => (stepPlan.cascade ? 1 : 0)),
    escalateRate: Float64Array.from(steps, (stepPlan) => stepPlan.cascade?.escalateRate ?? 0),
    cacheComponent: Int32Array.from(steps, (stepPlan) => stepPlan.cache?.component ?? -1),
    cacheHitRate: Float64Array.from(steps, (stepPlan) => stepPlan.cache?.hitRate ?? 0),
    inputKb: Float64Array.from(steps, (stepPlan) => stepPlan.inputKb),
    outputKb: Float64Array.from(steps, (stepPlan) => stepPlan.outputKb),
  };
}

function makeSystemTables(system: SystemModel): SystemTables {
  const { components, links, routes } = system;
  const componentCount = components.length;
  const firstHopLink = new Int32Array(componentCount * componentCount).fill(-1);
  const firstHopDirection = new Int32Array(componentCount * componentCount);
  const firstHopTo = new Int32Array(componentCount * componentCount);
  routes.forEach((row, from) =>
    row.forEach((route, to) => {
      if (route === undefined || route.length === 0) return;
      firstHopLink[from * componentCount + to] = route[0].link;
      firstHopDirection[from * componentCount + to] = route[0].direction;
      firstHopTo[from * componentCount + to] = route[0].to;
    }),
  );
  return {
    linkShared: Uint8Array.from(links, (link) => (link.shared ? 1 : 0)),
    linkMbps: Float64Array.from(links, (link) => link.mbps),
    linkLatency: Array.from(links, (link) => link.latency),
    componentShared: Uint8Array.from(components, (component) => (component.shared ? 1 : 0)),
    firstHopLink,
    firstHopDirection,
    firstHopTo,
  };
}
