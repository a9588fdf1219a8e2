// Checks that a structurally valid scenario is also consistent: ids unique, every reference
// known, every unpinned step placed, every placement reachable over the links.
import { compileDistribution } from '../random/sampler';
import { HARDWARE_LIBRARY } from './hardware-library';
import type { ScenarioError } from './scenario-error';
import type { Scenario } from './schema';
import { findRoute } from './topology';
import { ownEntry } from './own-entry';
import { MIX_SHARE_TOLERANCE } from './hardware-tiers';

// Outages that toggle faster than this cost work without meaning anything next to requests
// that take milliseconds.
const MIN_OUTAGE_PERIOD_S = 1e-6;

function known(ids: Iterable<string>): string {
  const list = [...ids];
  return list.length === 0 ? 'none are defined' : `known: ${list.join(', ')}`;
}

function checkUnique(list: readonly { id: string }[], section: string, errors: ScenarioError[]): void {
  const seen = new Set<string>();
  list.forEach((item, index) => {
    if (seen.has(item.id)) errors.push({ path: `${section}[${index}].id`, message: `duplicate id '${item.id}'` });
    seen.add(item.id);
  });
}

export function hardwareIds(scenario: Scenario): string[] {
  // `this-machine` is an ordinary custom profile: `placewise bench` writes it into the scenario.
  return [...new Set([...Object.keys(scenario.hardware), ...Object.keys(HARDWARE_LIBRARY)])];
}

// A component names one hardware, or (per-user components only) a population of tiers whose
// shares sum to 1.
function checkHardwareMix(
  item: Scenario['components'][number],
  index: number,
  shared: boolean,
  hardware: ReadonlySet<string>,
  errors: ScenarioError[],
): void {
  const at = `components[${index}]`;
  const mix = item.hardware_mix;
  if (item.hardware === undefined && mix === undefined) {
    errors.push({ path: at, message: 'give the hardware (a profile id) or a hardware_mix (a device population)' });
  }
  if (mix === undefined) return;
  if (item.hardware !== undefined) {
    errors.push({
      path: `${at}.hardware_mix`,
      message: 'give hardware or hardware_mix, not both (a hardware_mix replaces hardware)',
    });
  }
  if (shared) {
    errors.push({
      path: `${at}.hardware_mix`,
      message: "a hardware_mix is a population of users' own devices: it applies to per-user components only",
    });
  }
  const seen = new Set<string>();
  mix.forEach((tier, position) => {
    if (!hardware.has(tier.hardware)) {
      errors.push({
        path: `${at}.hardware_mix[${position}].hardware`,
        message: `unknown hardware '${tier.hardware}' (${known(hardware)})`,
      });
    }
    if (seen.has(tier.hardware)) {
      errors.push({
        path: `${at}.hardware_mix[${position}].hardware`,
        message: `'${tier.hardware}' is already a tier of this mix: give each hardware once`,
      });
    }
    seen.add(tier.hardware);
  });
  const total = mix.reduce((sum, tier) => sum + tier.share, 0);
  if (Math.abs(total - 1) > MIX_SHARE_TOLERANCE) {
    errors.push({
      path: `${at}.hardware_mix`,
      message: `the shares sum to ${Math.round(total * 1e6) / 1e6}, not 1 (within ${MIX_SHARE_TOLERANCE}): each share is the part of users with that hardware`,
    });
  }
}

export function checkReferences(scenario: Scenario): ScenarioError[] {
  const errors: ScenarioError[] = [];
  checkUnique(scenario.components, 'components', errors);
  checkUnique(scenario.links, 'links', errors);
  checkUnique(scenario.models, 'models', errors);
  checkUnique(scenario.pipeline, 'pipeline', errors);
  checkUnique(scenario.options, 'options', errors);

  const components = new Set(scenario.components.map((component) => component.id));
  const models = new Set(scenario.models.map((model) => model.id));
  const steps = new Map(scenario.pipeline.map((step) => [step.id, step]));
  const hardware = new Set(hardwareIds(scenario));
  const knownHardware = [...hardware];

  const component = (value: string, path: string) => {
    if (!components.has(value)) errors.push({ path, message: `unknown component '${value}' (${known(components)})` });
  };
  const model = (value: string, path: string) => {
    if (!models.has(value)) errors.push({ path, message: `unknown model '${value}' (${known(models)})` });
  };

  scenario.components.forEach((item, index) => {
    if (item.hardware !== undefined && !hardware.has(item.hardware)) {
      errors.push({
        path: `components[${index}].hardware`,
        message: `unknown hardware '${item.hardware}' (${known(knownHardware)})`,
      });
    }
    const shared = (item.scope ?? defaultScope(item.kind)) === 'shared';
    checkHardwareMix(item, index, shared, hardware, errors);
    if (!shared && item.replicas !== undefined) {
      errors.push({
        path: `components[${index}].replicas`,
        message: 'replicas apply to shared components only (set scope: shared)',
      });
    }
    if (!shared && item.usd_per_hour !== undefined) {
      errors.push({
        path: `components[${index}].usd_per_hour`,
        message: 'usd_per_hour applies to shared components only (set scope: shared)',
      });
    }
    if (typeof item.replicas === 'object' && item.replicas.min > item.replicas.max) {
      errors.push({
        path: `components[${index}].replicas`,
        message: `min (${item.replicas.min}) is above max (${item.replicas.max})`,
      });
    }
    checkServerless(item, index, shared, errors);
  });

  scenario.links.forEach((link, index) => {
    link.between.forEach((end, side) => {
      component(end, `links[${index}].between[${side}]`);
    });
    if (link.between[0] === link.between[1])
      errors.push({ path: `links[${index}].between`, message: 'a link joins two different components' });
    if (link.outages && 'every_s' in link.outages) {
      for (const field of ['every_s', 'lasting_s'] as const) {
        const mean = compileDistribution(link.outages[field]).mean;
        if (mean < MIN_OUTAGE_PERIOD_S) {
          errors.push({
            path: `links[${index}].outages.${field}`,
            message: `an outage period must last at least 1 µs (${MIN_OUTAGE_PERIOD_S} s) on average, got ${mean} s: shorter periods would take unbounded work to simulate`,
          });
        }
      }
    }
    if (link.outages && 'schedule' in link.outages) {
      link.outages.schedule.forEach(([start, end], interval) => {
        if (end <= start)
          errors.push({
            path: `links[${index}].outages.schedule[${interval}]`,
            message: 'an outage ends after it starts',
          });
      });
    }
  });

  scenario.models.forEach((item, index) => {
    // Array.from, not map, here and in checkRoutes: map's arrays change hidden class once V8 optimises the
    // caller (see buildSystemModel), which deoptimised this check, run for every Monte Carlo sample.
    const sizes = Array.from(item.batch_curve ?? [], ([size]) => size);
    if (sizes.some((size, position) => position > 0 && size <= sizes[position - 1])) {
      errors.push({ path: `models[${index}].batch_curve`, message: 'batch sizes must increase' });
    }
    if (item.gflop === undefined && item.latency_ms === undefined) {
      errors.push({
        path: `models[${index}]`,
        message: 'give the work per inference (gflop) or a measured latency_ms',
      });
    }
    if (item.latency_ms && !hardware.has(item.latency_ms.on)) {
      errors.push({
        path: `models[${index}].latency_ms.on`,
        message: `unknown hardware '${item.latency_ms.on}' (${known(knownHardware)})`,
      });
    }
  });

  const { workload } = scenario;
  component(workload.source, 'workload.source');
  if (workload.sink !== undefined) component(workload.sink, 'workload.sink');
  if (workload.load_profile !== undefined) {
    if (workload.hours_per_day !== undefined) {
      errors.push({
        path: 'workload.hours_per_day',
        message: 'give hours_per_day or load_profile, not both (a load profile covers the whole day)',
      });
    }
    if (workload.load_profile.every((multiplier) => multiplier === 0)) {
      errors.push({ path: 'workload.load_profile', message: 'a load profile needs at least one hour with load' });
    }
  }
  if ((workload.requests === undefined) === (workload.duration_s === undefined)) {
    errors.push({ path: 'workload', message: 'give exactly one of requests or duration_s' });
  }

  scenario.pipeline.forEach((step, index) => {
    if (step.at !== undefined) component(step.at, `pipeline[${index}].at`);
    if ((step.model === undefined) === (step.compute_ms === undefined)) {
      errors.push({ path: `pipeline[${index}]`, message: 'a step has exactly one of model or compute_ms' });
    }
    if (step.model !== undefined) model(step.model, `pipeline[${index}].model`);
  });

  const optionIds = new Set(scenario.options.map((option) => option.id));
  scenario.options.forEach((option, index) => {
    const at = `options[${index}]`;
    for (const [stepId, placement] of Object.entries(option.place)) {
      const step = steps.get(stepId);
      if (!step)
        errors.push({ path: `${at}.place.${stepId}`, message: `unknown step '${stepId}' (${known(steps.keys())})` });
      else if (step.at !== undefined && step.at !== placement) {
        errors.push({ path: `${at}.place.${stepId}`, message: `step '${stepId}' is pinned at '${step.at}'` });
      }
      component(placement, `${at}.place.${stepId}`);
    }
    for (const step of scenario.pipeline) {
      if (step.at === undefined && ownEntry(option.place, step.id) === undefined) {
        errors.push({
          path: `${at}.place`,
          message: `step '${step.id}' is not placed (place it on a component, or pin it with 'at')`,
        });
      }
    }
    for (const [stepId, fallback] of Object.entries(option.fallback ?? {})) {
      if (!steps.has(stepId))
        errors.push({ path: `${at}.fallback.${stepId}`, message: `unknown step '${stepId}' (${known(steps.keys())})` });
      component(fallback.at, `${at}.fallback.${stepId}.at`);
      if (fallback.model !== undefined) model(fallback.model, `${at}.fallback.${stepId}.model`);
    }
    for (const [stepId, cache] of Object.entries(option.cache ?? {})) {
      if (!steps.has(stepId))
        errors.push({ path: `${at}.cache.${stepId}`, message: `unknown step '${stepId}' (${known(steps.keys())})` });
      component(cache.at, `${at}.cache.${stepId}.at`);
    }
    for (const [stepId, modelId] of Object.entries(option.models ?? {})) {
      const step = steps.get(stepId);
      if (!step)
        errors.push({ path: `${at}.models.${stepId}`, message: `unknown step '${stepId}' (${known(steps.keys())})` });
      else if (step.model === undefined) {
        errors.push({
          path: `${at}.models.${stepId}`,
          message: `step '${stepId}' has a fixed compute_ms, not a model, so it has no model to replace`,
        });
      }
      model(modelId, `${at}.models.${stepId}`);
    }
    for (const [stepId, cascade] of Object.entries(option.cascade ?? {})) {
      if (!steps.has(stepId))
        errors.push({ path: `${at}.cascade.${stepId}`, message: `unknown step '${stepId}' (${known(steps.keys())})` });
      model(cascade.model, `${at}.cascade.${stepId}.model`);
      component(cascade.at, `${at}.cascade.${stepId}.at`);
    }
    if (option.telemetry) component(option.telemetry.to, `${at}.telemetry.to`);
    for (const componentId of Object.keys(option.batching ?? {})) {
      component(componentId, `${at}.batching.${componentId}`);
      const target = scenario.components.find((item) => item.id === componentId);
      if (target && (target.scope ?? defaultScope(target.kind)) !== 'shared') {
        errors.push({
          path: `${at}.batching.${componentId}`,
          message: 'batching applies to shared components (one device serves one user)',
        });
      }
    }
  });
  for (const componentId of Object.keys(scenario.layout ?? {})) component(componentId, `layout.${componentId}`);
  if (scenario.decision !== undefined && !optionIds.has(scenario.decision)) {
    errors.push({ path: 'decision', message: `unknown option '${scenario.decision}' (${known(optionIds)})` });
  }

  // Routes are checked last and only on a scenario whose references hold, so that one typo
  // does not also appear as a dozen "no route" errors.
  if (errors.length === 0) errors.push(...checkRoutes(scenario));
  return errors;
}

function checkRoutes(scenario: Scenario): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const sink = scenario.workload.sink ?? scenario.workload.source;
  scenario.options.forEach((option, index) => {
    let from = scenario.workload.source;
    const hops: [string, string, string][] = [];
    for (const step of scenario.pipeline) {
      const to = step.at ?? ownEntry(option.place, step.id)!;
      hops.push([from, to, `options[${index}].place.${step.id}`]);
      const fallback = ownEntry(option.fallback, step.id);
      if (fallback)
        hops.push(
          [from, fallback.at, `options[${index}].fallback.${step.id}.at`],
          [fallback.at, to, `options[${index}].fallback.${step.id}.at`],
        );
      const cascade = ownEntry(option.cascade, step.id);
      if (cascade)
        hops.push(
          [to, cascade.at, `options[${index}].cascade.${step.id}.at`],
          [cascade.at, nextFrom(scenario, option, step), `options[${index}].cascade.${step.id}.at`],
        );
      const cache = ownEntry(option.cache, step.id);
      // A cache answers only where the request passes on its way to the step.
      const onTheWay = [from, ...Array.from(findRoute(scenario.links, from, to) ?? [], (hop) => hop.to)];
      if (cache && !onTheWay.includes(cache.at)) {
        errors.push({
          path: `options[${index}].cache.${step.id}.at`,
          message: `'${cache.at}' is not on the way from '${from}' to '${to}' (the request passes ${onTheWay.join(', ')}), so the cache would never answer`,
        });
      }
      from = to;
    }
    hops.push([from, sink, `options[${index}]`]);
    if (option.telemetry) hops.push([scenario.workload.source, option.telemetry.to, `options[${index}].telemetry.to`]);
    const reported = new Set<string>();
    for (const [a, b, path] of hops) {
      if (a === b || findRoute(scenario.links, a, b) !== undefined) continue;
      const key = `${path}|${a}|${b}`;
      if (reported.has(key)) continue;
      reported.add(key);
      errors.push({ path, message: `no route from '${a}' to '${b}' over the links` });
    }
  });
  return errors;
}

/** Where the request goes after `step`: the next step's component, or the sink after the last. */
function nextFrom(scenario: Scenario, option: Scenario['options'][number], step: Scenario['pipeline'][number]): string {
  const next = scenario.pipeline[scenario.pipeline.indexOf(step) + 1];
  if (!next) return scenario.workload.sink ?? scenario.workload.source;
  return next.at ?? ownEntry(option.place, next.id)!;
}

const SERVERLESS_FIELDS = [
  'usd_per_million',
  'usd_per_gb_s',
  'memory_gb',
  'cold_start_ms',
  'keep_warm_s',
  'concurrency',
] as const;

function checkServerless(
  item: Scenario['components'][number],
  index: number,
  shared: boolean,
  errors: ScenarioError[],
): void {
  if (item.kind !== 'serverless') {
    for (const field of SERVERLESS_FIELDS) {
      if (item[field] !== undefined)
        errors.push({ path: `components[${index}].${field}`, message: `${field} applies to kind: serverless only` });
    }
    return;
  }
  if (!shared) errors.push({ path: `components[${index}].scope`, message: 'a serverless component is shared' });
  for (const field of ['replicas', 'usd_per_hour'] as const) {
    if (item[field] !== undefined) {
      errors.push({
        path: `components[${index}].${field}`,
        message:
          'serverless functions scale by themselves and are priced per request: use usd_per_million, usd_per_gb_s and concurrency',
      });
    }
  }
}

export function defaultScope(kind: Scenario['components'][number]['kind']): 'per-user' | 'shared' {
  return kind === 'camera' || kind === 'wearable' || kind === 'phone' ? 'per-user' : 'shared';
}
