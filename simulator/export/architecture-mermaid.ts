// The architecture as a Mermaid flowchart: components grouped per user and shared, each
// component a box holding the steps the option runs there, links labelled with technology,
// latency and bandwidth, and whatever breaks a budget drawn in red.
import type { OptionResult, ScenarioResults } from '../results';
import { HARDWARE_LIBRARY } from '../scenario/hardware-library';
import { defaultScope } from '../scenario/references';
import type { Component, DeploymentOption, Link, Scenario } from '../scenario/schema';
import { type BudgetBreaches, budgetBreaches } from './budget-breaches';
import { describeDistribution } from './distribution-summary';
import { formatCount, formatFigure, formatHours, formatMbps, formatMs, formatShare } from './figures';
import { MermaidIds, quotedLabel } from './mermaid-text';
import { findOption, linkSettings, stepLocation, stepModel } from './option-placement';
import { ownEntry } from '../scenario/own-entry';
import { hardwareMixText, mainHardware } from '../scenario/hardware-tiers';

/** Class names the app may style or query; kept stable. */
export const ARCHITECTURE_CLASSES = {
  details: 'details',
  step: 'step',
  fallback: 'fallback',
  cache: 'cache',
  cascade: 'cascade',
  overBudget: 'overBudget',
} as const;

const CLASS_DEFINITIONS = [
  `classDef ${ARCHITECTURE_CLASSES.details} fill:none,stroke:none,color:#444`,
  `classDef ${ARCHITECTURE_CLASSES.step} fill:#e8f0fe,stroke:#3b5bdb,color:#1c2b5a`,
  `classDef ${ARCHITECTURE_CLASSES.fallback} fill:#fff8e1,stroke:#b7791f,stroke-dasharray:4 3,color:#5f370e`,
  `classDef ${ARCHITECTURE_CLASSES.cache} fill:#e6fffa,stroke:#2c7a7b,stroke-dasharray:2 2,color:#1d4044`,
  `classDef ${ARCHITECTURE_CLASSES.cascade} fill:#f3e8ff,stroke:#7e22ce,stroke-dasharray:6 3,color:#3b0764`,
  `classDef ${ARCHITECTURE_CLASSES.overBudget} fill:#fde2e1,stroke:#c62828,stroke-width:3px,color:#7f1d1d`,
];
const OVER_BUDGET_LINK_STYLE = 'stroke:#c62828,stroke-width:3px,color:#c62828';

/**
 * Mermaid flowchart source of the scenario under one option. With `results` the boxes and
 * links carry the option's simulated figures and its budget breaches; without (a scenario
 * being edited, not yet simulated) they carry the scenario's own figures only.
 */
export function architectureMermaid(scenario: Scenario, results: ScenarioResults | null, optionId: string): string {
  const option = findOption(scenario, optionId);
  const optionResult = results?.options.find((candidate) => candidate.id === optionId);
  const breaches = budgetBreaches(scenario, optionResult);
  const ids = new MermaidIds();
  const lines = ['flowchart LR'];

  const groups: [scope: 'per-user' | 'shared', title: string][] = [
    ['per-user', `Per user · ${formatCount(scenario.workload.users)} users`],
    ['shared', 'Shared by all users'],
  ];
  for (const [scope, title] of groups) {
    const members = scenario.components.filter((component) => scopeOf(component) === scope);
    if (members.length === 0) continue;
    lines.push(`  subgraph ${ids.id('scope', scope)}[${quotedLabel(title)}]`);
    for (const component of members) {
      lines.push(...componentBlock(scenario, option, optionResult, component, ids).map((line) => `    ${line}`));
    }
    lines.push('  end');
  }

  // Links are the first edges, so a link's index among them is its index for linkStyle.
  const overBudgetEdges: number[] = [];
  scenario.links.forEach((link, index) => {
    const [a, b] = link.between;
    if (breaches.links.has(link.id)) overBudgetEdges.push(index);
    lines.push(`  ${ids.id('c', a)} <-->|${linkLabel(link, optionResult, breaches)}| ${ids.id('c', b)}`);
  });
  // The request's path through the steps, dotted so the links stay the diagram's skeleton.
  const placed = scenario.pipeline.filter((step) => stepLocation(step, option) !== undefined);
  for (let i = 1; i < placed.length; i++) {
    lines.push(`  ${ids.id('s', placed[i - 1].id)} -.-> ${ids.id('s', placed[i].id)}`);
  }
  // A cascade's escalated share leaves its step for the second model, wherever that runs.
  for (const [stepId, cascade] of Object.entries(option.cascade ?? {})) {
    if (!runs(scenario, option, stepId)) continue;
    const share = quotedLabel(`${formatShare(cascade.escalate_rate)} escalate`);
    lines.push(`  ${ids.id('s', stepId)} -.->|${share}| ${ids.id('cascade', stepId)}`);
  }

  lines.push(...CLASS_DEFINITIONS.map((definition) => `  ${definition}`));
  const overBudgetComponents = scenario.components.filter((component) => breaches.components.has(component.id));
  if (overBudgetComponents.length > 0) {
    const targets = overBudgetComponents.map((component) => ids.id('c', component.id)).join(',');
    lines.push(`  class ${targets} ${ARCHITECTURE_CLASSES.overBudget}`);
  }
  if (overBudgetEdges.length > 0) lines.push(`  linkStyle ${overBudgetEdges.join(',')} ${OVER_BUDGET_LINK_STYLE}`);
  return `${lines.join('\n')}\n`;
}

/** Whether the option places the step (a cascade of a step it does not run draws nothing). */
function runs(scenario: Scenario, option: DeploymentOption, stepId: string): boolean {
  const step = scenario.pipeline.find((candidate) => candidate.id === stepId);
  return step !== undefined && stepLocation(step, option) !== undefined;
}

function scopeOf(component: Component): 'per-user' | 'shared' {
  return component.scope ?? defaultScope(component.kind);
}

function componentBlock(
  scenario: Scenario,
  option: DeploymentOption,
  optionResult: OptionResult | undefined,
  component: Component,
  ids: MermaidIds,
): string[] {
  // Mermaid's layout leaves room for one line of cluster title only, so the component's
  // details go in a borderless node inside it.
  const title = quotedLabel(`${component.label ?? component.id} (${component.kind})`);
  const block = [
    `subgraph ${ids.id('c', component.id)}[${title}]`,
    `  ${ids.id('about', component.id)}[${componentDetails(scenario, component, optionResult)}]:::${ARCHITECTURE_CLASSES.details}`,
  ];
  for (const step of scenario.pipeline) {
    if (stepLocation(step, option) !== component.id) continue;
    const mean = optionResult?.steps.find((result) => result.id === step.id)?.mean_ms;
    const model = stepModel(step, option);
    const what = model ? `${step.id} · ${model}` : step.id;
    const label = mean === undefined ? quotedLabel(what) : quotedLabel(what, `mean ${formatMs(mean)}`);
    block.push(`  ${ids.id('s', step.id)}[${label}]:::${ARCHITECTURE_CLASSES.step}`);
  }
  for (const [stepId, fallback] of Object.entries(option.fallback ?? {})) {
    if (fallback.at !== component.id) continue;
    const label = quotedLabel(`${stepId} fallback`, fallback.model ? `model ${fallback.model}` : 'same model');
    block.push(`  ${ids.id('fallback', stepId)}[${label}]:::${ARCHITECTURE_CLASSES.fallback}`);
  }
  for (const [stepId, cache] of Object.entries(option.cache ?? {})) {
    if (cache.at !== component.id) continue;
    const label = quotedLabel(`${stepId} cache`, `${formatShare(cache.hit_rate)} hits`);
    block.push(`  ${ids.id('cache', stepId)}[(${label})]:::${ARCHITECTURE_CLASSES.cache}`);
  }
  for (const [stepId, cascade] of Object.entries(option.cascade ?? {})) {
    if (cascade.at !== component.id || !runs(scenario, option, stepId)) continue;
    const label = quotedLabel(`${stepId} escalated`, `model ${cascade.model}`);
    block.push(`  ${ids.id('cascade', stepId)}[${label}]:::${ARCHITECTURE_CLASSES.cascade}`);
  }
  block.push('end');
  return block;
}

function componentDetails(scenario: Scenario, component: Component, optionResult: OptionResult | undefined): string {
  const hardwareId = mainHardware(component);
  // A device population shows its tiers and shares rather than one label.
  const hardware = component.hardware_mix
    ? hardwareMixText(component.hardware_mix)
    : (ownEntry(scenario.hardware, hardwareId)?.label ?? ownEntry(HARDWARE_LIBRARY, hardwareId)?.label);
  // An autoscaled component shows its range of replicas (`2–10 ×`), a fixed one its count.
  const count =
    typeof component.replicas === 'object' ? `${component.replicas.min}–${component.replicas.max}` : component.replicas;
  const replicas = scopeOf(component) === 'shared' && count ? `${count} × ` : '';
  const lines = [`${replicas}${hardware ?? hardwareId}`];
  const { source, sink = source } = scenario.workload;
  if (component.id === source || component.id === sink) {
    lines.push(
      source === sink
        ? 'requests start and end here'
        : component.id === source
          ? 'requests start here'
          : 'results end here',
    );
  }
  if (optionResult) {
    const utilization = optionResult.components.find((result) => result.id === component.id)?.utilization;
    const battery = ownEntry(optionResult.battery_hours, component.id);
    const figures = [
      utilization === undefined ? undefined : `${formatShare(utilization)} busy`,
      battery === undefined ? undefined : `battery ${formatHours(battery)}`,
    ].filter((figure) => figure !== undefined);
    if (figures.length > 0) lines.push(figures.join(' · '));
  }
  return quotedLabel(...lines);
}

function linkLabel(link: Link, optionResult: OptionResult | undefined, breaches: BudgetBreaches): string {
  const settings = linkSettings(link);
  const lines = [
    `${link.id} · ${link.tech}`,
    `${describeDistribution(settings.latency_ms, 'ms')} · ${formatMbps(settings.mbps)}`,
  ];
  const result = optionResult?.links.find((candidate) => candidate.id === link.id);
  if (result) {
    const busy = `${formatShare(result.utilization)} busy · ${formatFigure(result.gb_per_month)} GB/month`;
    lines.push(breaches.links.has(link.id) ? `${busy} · over budget` : busy);
  }
  return quotedLabel(...lines);
}
