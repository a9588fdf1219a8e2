// `placewise export --format adr`: the decision record alone, a MADR 4 file for a decisions
// folder (docs/decisions/NNNN-title.md) that log4brains and adr-tools list.
import type { ScenarioResults } from '../results';
import type { Scenario } from '../scenario/schema';
import { decisionRecord } from './decision-record';
import { decisionRecordMarkdown } from './decision-record-markdown';
import type { ReportContext } from './decision-report';

export function decisionRecordFile(scenario: Scenario, results: ScenarioResults, context: ReportContext): string {
  const { provenance } = context;
  const date = provenance.generated_at.slice(0, 10);
  const record = decisionRecord(scenario, results, {
    date,
    scenarioFile: context.scenarioFile,
    deciders: context.deciders,
  });
  const made = `Made by Placewise ${provenance.placewise_version} on ${date} from ${context.scenarioFile} (SHA-256 ${provenance.scenario_sha256}), seed ${results.seed}, ${results.requests} simulated requests per option.`;
  return `${decisionRecordMarkdown(record, 1, made).join('\n').trimEnd()}\n`;
}
