// One deployment option resolved against the system: where each step runs (and where its
// fallback and cache are), how long it takes there, and which links its requests normally use.
import { compileDistribution, constantSampler, mixtureSampler, type Sampler } from '../random/sampler';
import type { DeploymentOption, Model, Step } from '../scenario/schema';
import { type ComponentModel, executorOf, resolveHardware, type SystemModel } from './system-model';
import { ownEntry } from '../scenario/own-entry';
import { type Executor, projectMeasuredLatency, rooflineSeconds } from './roofline';

export interface StepPlacement {
  component: number;
  /** The step's time there; on a hardware mix, the mixture of the tiers' times by share. */
  service: Sampler;
  /** On a component with a hardware_mix: the step's time on each tier (the user's tier picks one). */
  tierServices?: Sampler[];
  model?: Model;
}

export interface StepPlan {
  step: Step;
  primary: StepPlacement;
  fallback?: StepPlacement;
  cache?: { component: number; hitRate: number };
  /** Two-phase prediction: a share `escalateRate` of the requests also runs `placement` after the primary. */
  cascade?: { placement: StepPlacement; escalateRate: number };
  /** What the step reads: the previous step's output (what an escalation sends on). */
  inputKb: number;
  outputKb: number;
}

export interface OptionPlan {
  option: DeploymentOption;
  steps: StepPlan[];
  /** Links (indices) on the route a request takes when nothing fails: their outages make a request "offline". */
  nominalLinks: number[];
  /** Components that run a step (primary, fallback or cascade). */
  usedComponents: Set<number>;
}

/**
 * How long a step takes on a component: its fixed compute_ms, or its model's time there. A
 * model's measured latency wins over its gflop (README, "Where a model's time comes from"):
 * measured on the hardware the step runs on, it is used as measured; measured elsewhere, it is
 * projected by the ratio of the two executors' rooflines; `gflop` (with `mb_per_inference`
 * against a known memory bandwidth) counts only for a model never measured.
 */
export function stepService(
  system: SystemModel,
  step: Step,
  model: Model | undefined,
  component: ComponentModel,
): Sampler {
  return serviceOn(system, step, model, component.executor);
}

/** The step's time on each tier of a component with a hardware_mix; undefined on one hardware. */
export function tierServices(
  system: SystemModel,
  step: Step,
  model: Model | undefined,
  component: ComponentModel,
): Sampler[] | undefined {
  return component.tiers && Array.from(component.tiers, (tier) => serviceOn(system, step, model, tier.executor));
}

/** Megabytes one inference of the model reads from memory: mb_per_inference, by default its size. */
export function inferenceMb(model: Model): number {
  return model.mb_per_inference ?? model.size_mb;
}

function serviceOn(system: SystemModel, step: Step, model: Model | undefined, executor: Executor): Sampler {
  if (!model) return compileDistribution(step.compute_ms ?? 0);
  const measured = model.latency_ms;
  if (!measured)
    return constantSampler(rooflineSeconds({ gflop: model.gflop!, mb: inferenceMb(model) }, executor) * 1000);
  // A measured latency is of one inference using the whole measuring device (as `placewise
  // bench` runs it), so it scales by that device's roofline over the target executor's: 1 on
  // the measuring hardware itself, unless the component splits it into several executors.
  const measuredOn = executorOf(resolveHardware(system.scenario, measured.on), 1);
  const projected = projectMeasuredLatency(measured, inferenceMb(model), model.gflop, measuredOn, executor);
  const spec =
    // Stryker disable next-line EqualityOperator,ConditionalExpression: a lognormal whose p95 equals its median has no spread: the median itself, as the constant is; with no p95, `undefined > p50` is false, so the first test as true changes nothing (the whole condition as true is killed by option-figures.test.ts, p95 under p50).
    measured.p95 !== undefined && measured.p95 > measured.p50
      ? { lognormal: { median: projected.p50, p95: projected.p95! } }
      : projected.p50;
  return compileDistribution(spec);
}

export function buildOptionPlan(system: SystemModel, option: DeploymentOption): OptionPlan {
  const { scenario, componentIndex } = system;
  const models = new Map(scenario.models.map((model) => [model.id, model]));
  const usedComponents = new Set<number>();
  const placement = (step: Step, componentId: string, modelId: string | undefined): StepPlacement => {
    const component = system.components[componentIndex.get(componentId)!];
    // Stryker disable next-line ConditionalExpression: as false, equivalent: no model has the id undefined, so `models.get(undefined)` is undefined as well (as true, no step would have a model, which the model tests catch).
    const model = modelId === undefined ? undefined : models.get(modelId);
    usedComponents.add(component.index);
    const tiers = tierServices(system, step, model, component);
    const service = tiers
      ? mixtureSampler(Array.from(tiers, (sampler, tier) => ({ weight: component.tiers![tier].share, sampler })))
      : stepService(system, step, model, component);
    // One shape for every placement, tierServices present or not: the event loop reads
    // placements of every option, and a second shape would deoptimise it.
    return { component: component.index, service, tierServices: tiers, model };
  };
  // Array.from, not map: see buildSystemModel (every reader of a plan's steps would deoptimise).
  const steps = Array.from(scenario.pipeline, (step, index): StepPlan => {
    const fallback = ownEntry(option.fallback, step.id);
    const cache = ownEntry(option.cache, step.id);
    const cascade = ownEntry(option.cascade, step.id);
    // The option's own model for the step runs wherever the step does, its fallback included.
    const model = ownEntry(option.models, step.id) ?? step.model;
    return {
      step,
      primary: placement(step, step.at ?? ownEntry(option.place, step.id)!, model),
      fallback: fallback ? placement(step, fallback.at, fallback.model ?? model) : undefined,
      cache: cache ? { component: componentIndex.get(cache.at)!, hitRate: cache.hit_rate } : undefined,
      cascade: cascade
        ? { placement: placement(step, cascade.at, cascade.model), escalateRate: cascade.escalate_rate }
        : undefined,
      inputKb: index > 0 ? scenario.pipeline[index - 1].output_kb : 0,
      outputKb: step.output_kb,
    };
  });
  const nominal = new Set<number>();
  let at = system.source;
  for (const stepPlan of [...Array.from(steps, (plan) => plan.primary.component), system.sink]) {
    // Stryker disable next-line ArrayDeclaration: a scenario is checked to have a route between every two steps, the source and the sink before it runs (references.ts), so the fallback never applies.
    for (const hop of system.routes[at][stepPlan] ?? []) nominal.add(hop.link);
    at = stepPlan;
  }
  return { option, steps, nominalLinks: [...nominal], usedComponents };
}
