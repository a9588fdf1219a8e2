// What a report knows beyond the scenario and its results, fixed so that tests can name it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportContext } from '../../../simulator/export/decision-report';
import { RESULTS_FORMAT, type ResultsProvenance } from '../../../simulator/results-json';
import { root } from '../support/placewise-cli';

export const PROVENANCE: ResultsProvenance = {
  format: RESULTS_FORMAT,
  placewise_version: '9.8.7',
  scenario_sha256: 'ab'.repeat(32),
  generated_at: '2026-03-04T05:06:07.000Z',
};

/** The context of a report on the scenario file at `path` (relative to the repository). */
export function reportContext(path: string, extra: Partial<ReportContext> = {}): ReportContext {
  return {
    scenarioText: readFileSync(join(root, path), 'utf8'),
    scenarioFile: path,
    provenance: PROVENANCE,
    uncertainValues: 0,
    ...extra,
  };
}
