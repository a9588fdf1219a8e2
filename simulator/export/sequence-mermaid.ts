// One typical request's critical path as a Mermaid sequence diagram: each step as a note over
// the component that runs it, each hop as a message, with mean times.
import type { ScenarioResults } from '../results';
import type { Scenario } from '../scenario/schema';
import { formatKb, formatMs, formatShare } from './figures';
import { MermaidIds, mermaidText } from './mermaid-text';
import { findOption, stepModel } from './option-placement';
import { requestPath } from './request-path';
import { ownEntry } from '../scenario/own-entry';

export function sequenceMermaid(scenario: Scenario, results: ScenarioResults | null, optionId: string): string {
  const option = findOption(scenario, optionId);
  const optionResult = results?.options.find((candidate) => candidate.id === optionId);
  const legs = requestPath(scenario, option, optionResult);
  const ids = new MermaidIds();
  const participant = (componentId: string) => ids.id('c', componentId);

  const lines = ['sequenceDiagram', `  title ${mermaidText(`${optionId}: one typical request, mean times`)}`];
  // Participants in the order the request meets them; fallback and cascade places join them.
  const order = [
    ...new Set(
      legs.flatMap((leg) => {
        if (leg.kind === 'hop') return [leg.from, leg.to];
        if (leg.kind === 'cache') return [leg.at];
        const also = [ownEntry(option.fallback, leg.step.id)?.at, ownEntry(option.cascade, leg.step.id)?.at];
        return [leg.at, ...also.filter((at) => at !== undefined)];
      }),
    ),
  ];
  for (const componentId of order) {
    const component = scenario.components.find((candidate) => candidate.id === componentId)!;
    lines.push(`  participant ${participant(componentId)} as ${mermaidText(`${componentId} (${component.kind})`)}`);
  }
  for (const leg of legs) {
    if (leg.kind === 'cache') {
      const note = `${leg.step.id} cache answers ${formatShare(leg.hit_rate)} of requests here`;
      lines.push(`  Note over ${participant(leg.at)}: ${mermaidText(note)}`);
    } else if (leg.kind === 'step') {
      const model = stepModel(leg.step, option);
      const what = model ? `${leg.step.id} (${model})` : leg.step.id;
      const time = leg.mean_ms === undefined ? '' : ` · mean ${formatMs(leg.mean_ms)}`;
      lines.push(`  Note over ${participant(leg.at)}: ${mermaidText(what + time)}`);
      const fallback = ownEntry(option.fallback, leg.step.id);
      if (fallback) {
        const note = `link down: ${leg.step.id} falls back to ${fallback.at}${fallback.model ? ` (${fallback.model})` : ''}`;
        lines.push(`  Note over ${participant(fallback.at)}: ${mermaidText(note)}`);
      }
      const cascade = ownEntry(option.cascade, leg.step.id);
      if (cascade) {
        const note = `${formatShare(cascade.escalate_rate)} escalate: ${leg.step.id} runs ${cascade.model} here too`;
        lines.push(`  Note over ${participant(cascade.at)}: ${mermaidText(note)}`);
      }
    } else {
      const payload = leg.kb > 0 ? `${leg.carries} ${formatKb(leg.kb)}` : leg.carries;
      const text = `${payload} over ${leg.link.id} (${leg.link.tech}) · ${formatMs(leg.mean_ms)}`;
      lines.push(`  ${participant(leg.from)}->>${participant(leg.to)}: ${mermaidText(text)}`);
    }
  }
  if (optionResult) {
    const { mean, p95 } = optionResult.latency_ms;
    const first = participant(order[0]);
    const last = participant(order[order.length - 1]);
    const span = first === last ? first : `${first},${last}`;
    lines.push(`  Note over ${span}: ${mermaidText(`end to end: mean ${formatMs(mean)}, p95 ${formatMs(p95)}`)}`);
  }
  return `${lines.join('\n')}\n`;
}
