// The shown option's simulated figures, indexed by component, link and step id. The index is
// built once per results object and option, so a node's selector returns the same object until
// new results arrive: each node re-renders for its own figures, and node data never holds them.
import { budgetBreaches } from '../../../simulator/export/budget-breaches';
import type { OptionResult, ScenarioResults } from '../../../simulator/results';
import type { Scenario } from '../../../simulator/scenario/schema';
import { mentionsId } from '../../store/result-warnings';

export interface ComponentFigures {
  utilization: number | null;
  /** Utilisation at or above 1: the queue grows without bound. */
  saturated: boolean;
  /** Saturated, or its battery runs out before the battery budget. */
  overBudget: boolean;
  batteryHours: number | null;
  warnings: string[];
}

export interface LinkFigures {
  utilization: number;
  meanMbps: number;
  gbPerMonth: number;
  overBudget: boolean;
  warnings: string[];
}

export interface OptionFigures {
  result: OptionResult;
  components: ReadonlyMap<string, ComponentFigures>;
  links: ReadonlyMap<string, LinkFigures>;
  /** Mean time of each step that ran. */
  stepMeans: ReadonlyMap<string, number>;
  /** Warnings that name no component or link: they go in the header strip. */
  generalWarnings: string[];
}

/** Sorts the option's warnings to the components and links they are about ("link X ..." are about links). */
export function warningsBySubject(
  warnings: readonly string[],
  componentIds: readonly string[],
  linkIds: readonly string[],
): { components: Map<string, string[]>; links: Map<string, string[]>; general: string[] } {
  const sorted = {
    components: new Map<string, string[]>(),
    links: new Map<string, string[]>(),
    general: [] as string[],
  };
  for (const warning of warnings) {
    const aboutLink = warning.startsWith('link ');
    const subjects = aboutLink
      ? linkIds.filter((id) => mentionsId(warning.slice('link '.length), id) && warning.startsWith(`link ${id}`))
      : componentIds.filter((id) => mentionsId(warning, id));
    const target = aboutLink ? sorted.links : sorted.components;
    for (const id of subjects) target.set(id, [...(target.get(id) ?? []), warning]);
    if (subjects.length === 0) sorted.general.push(warning);
  }
  return sorted;
}

function indexOption(scenario: Scenario | null, result: OptionResult): OptionFigures {
  const componentIds = scenario?.components.map((component) => component.id) ?? result.components.map((c) => c.id);
  const linkIds = scenario?.links.map((link) => link.id) ?? result.links.map((link) => link.id);
  const warnings = warningsBySubject(result.warnings, componentIds, linkIds);
  const breaches = scenario
    ? budgetBreaches(scenario, result)
    : { components: new Set<string>(), links: new Set<string>() };
  const analytic = new Map(result.analytic.components.map((estimate) => [estimate.id, estimate.utilization]));

  const components = new Map<string, ComponentFigures>();
  for (const id of componentIds) {
    const utilization = result.components.find((component) => component.id === id)?.utilization ?? null;
    const saturated = (utilization ?? 0) >= 1 || (analytic.get(id) ?? 0) >= 1;
    components.set(id, {
      utilization,
      saturated,
      overBudget: saturated || breaches.components.has(id),
      batteryHours: result.battery_hours[id] ?? null,
      warnings: warnings.components.get(id) ?? [],
    });
  }
  const links = new Map<string, LinkFigures>();
  for (const link of result.links) {
    links.set(link.id, {
      utilization: link.utilization,
      meanMbps: link.mean_mbps,
      gbPerMonth: link.gb_per_month,
      overBudget: breaches.links.has(link.id),
      warnings: warnings.links.get(link.id) ?? [],
    });
  }
  return {
    result,
    components,
    links,
    stepMeans: new Map(result.steps.map((step) => [step.id, step.mean_ms])),
    generalWarnings: warnings.general,
  };
}

const indexes = new WeakMap<OptionResult, OptionFigures>();

/** The option's figures, the same object for the same result. */
export function figuresOf(scenario: Scenario | null, result: OptionResult): OptionFigures {
  let figures = indexes.get(result);
  if (!figures) indexes.set(result, (figures = indexOption(scenario, result)));
  return figures;
}

/** The figures of `optionId` in `results`, the same object for the same results and option. */
export function optionFigures(
  results: ScenarioResults | null,
  scenario: Scenario | null,
  optionId: string | null,
): OptionFigures | null {
  const result = results?.options.find((option) => option.id === optionId);
  return result ? figuresOf(scenario, result) : null;
}
