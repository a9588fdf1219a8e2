// Where an option runs each step, and the links' effective settings (scenario value, else the
// technology's default), as the exports need them.
import type { DistributionSpec } from '../scenario/distribution-spec';
import { LINK_DEFAULTS } from '../scenario/link-technologies';
import type { DeploymentOption, Link, Scenario, Step } from '../scenario/schema';
import { ownEntry } from '../scenario/own-entry';

/** An option id the scenario does not define; the message lists the ones it does. */
export class UnknownOptionError extends Error {
  override name = 'UnknownOptionError';
  constructor(optionId: string, scenario: Scenario) {
    super(`unknown option '${optionId}' (known: ${scenario.options.map((option) => option.id).join(', ')})`);
  }
}

export function findOption(scenario: Scenario, optionId: string): DeploymentOption {
  const option = scenario.options.find((candidate) => candidate.id === optionId);
  if (!option) throw new UnknownOptionError(optionId, scenario);
  return option;
}

/** The component a step runs on under an option: pinned steps stay where they are pinned. */
export function stepLocation(step: Step, option: DeploymentOption): string | undefined {
  return step.at ?? ownEntry(option.place, step.id);
}

/** The model a step runs under an option: the option's own for the step (`models`), else the step's. */
export function stepModel(step: Step, option: DeploymentOption): string | undefined {
  return ownEntry(option.models, step.id) ?? step.model;
}

export interface LinkSettings {
  latency_ms: DistributionSpec;
  mbps: number;
}

export function linkSettings(link: Link): LinkSettings {
  const defaults = LINK_DEFAULTS[link.tech];
  return { latency_ms: link.latency_ms ?? defaults.latency_ms, mbps: link.mbps ?? defaults.mbps };
}
