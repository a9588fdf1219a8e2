// One typical request's path under an option: each step where it runs, and each hop its data
// takes between components, with mean times. The simulator reports per-step means; per-hop
// times are the hop's mean serialisation plus its mean latency (queueing for the link is
// left out, so a busy link is slower than drawn: the flowchart shows its utilisation).
import type { OptionResult } from '../results';
import type { DeploymentOption, Link, Scenario, Step } from '../scenario/schema';
import { findRoute } from '../scenario/topology';
import { distributionMean } from './distribution-summary';
import { linkSettings, stepLocation } from './option-placement';
import { ownEntry } from '../scenario/own-entry';

export interface PathStep {
  kind: 'step';
  step: Step;
  at: string;
  /** The simulated mean, when results are given. */
  mean_ms?: number;
}

export interface PathHop {
  kind: 'hop';
  link: Link;
  from: string;
  to: string;
  /** What travels: a step's output, or the request itself on its way to the first step. */
  carries: string;
  kb: number;
  mean_ms: number;
}

/** A cache the request consults before it travels towards a step. */
export interface PathCache {
  kind: 'cache';
  step: Step;
  at: string;
  hit_rate: number;
}

export type PathLeg = PathStep | PathHop | PathCache;

export function requestPath(scenario: Scenario, option: DeploymentOption, optionResult?: OptionResult): PathLeg[] {
  const { source, sink = source } = scenario.workload;
  const legs: PathLeg[] = [];
  let here = source;
  let carries = 'request';
  let kb = 0;
  const travel = (to: string) => {
    for (const hop of findRoute(scenario.links, here, to) ?? []) {
      const link = scenario.links.find((candidate) => candidate.id === hop.link)!;
      const settings = linkSettings(link);
      const mean_ms = (kb * 8) / settings.mbps + distributionMean(settings.latency_ms);
      legs.push({ kind: 'hop', link, from: hop.from, to: hop.to, carries, kb, mean_ms });
    }
    here = to;
  };
  for (const step of scenario.pipeline) {
    const at = stepLocation(step, option);
    if (at === undefined) continue;
    const cache = ownEntry(option.cache, step.id);
    if (cache) {
      travel(cache.at);
      legs.push({ kind: 'cache', step, at: cache.at, hit_rate: cache.hit_rate });
    }
    travel(at);
    const mean_ms = optionResult?.steps.find((result) => result.id === step.id)?.mean_ms;
    legs.push({ kind: 'step', step, at, mean_ms });
    carries = `${step.id} output`;
    kb = step.output_kb;
  }
  travel(sink);
  return legs;
}
