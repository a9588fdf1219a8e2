// The results as `placewise run --json` prints them (DESIGN.md section 3). An option whose
// measured requests all failed has no latency: in memory its figures are NaN, in the JSON its
// latency fields are absent (and its warnings say why), never null.
import type { LatencySummary, OptionResult, ScenarioResults } from './results';
import type { MonteCarloReport } from './uncertainty/monte-carlo-report';

/** An option as the JSON carries it: latency figures absent where no request completed. */
export type JsonOptionResult = Omit<OptionResult, 'latency_ms'> & { latency_ms: Partial<LatencySummary> };

/** The version of the results format; a reader checks it before anything else. */
export const RESULTS_FORMAT = 'placewise-results/1';

/**
 * Addition: where a results document came from, so that a reader can tell which scenario text,
 * which Placewise and which run it describes.
 */
export interface ResultsProvenance {
  format: typeof RESULTS_FORMAT;
  placewise_version: string;
  /** SHA-256 of the scenario file's bytes, in hex. */
  scenario_sha256: string;
  /**
   * When the results were made (ISO 8601, UTC). With SOURCE_DATE_EPOCH set (seconds since 1970,
   * the reproducible-builds convention) it is that time, so that the same scenario and seed give
   * byte-identical JSON.
   */
  generated_at: string;
}

/** What `placewise run --json` prints; the committed results schema is generated from this type. */
export type ResultsDocument = ResultsProvenance &
  Omit<ScenarioResults, 'options'> & { options: JsonOptionResult[] } & Partial<MonteCarloReport>;

export function resultsForJson<T extends ScenarioResults>(
  results: T,
): Omit<T, 'options'> & { options: JsonOptionResult[] } {
  return {
    ...results,
    options: results.options.map((option) =>
      Number.isNaN(option.latency_ms.mean) ? { ...option, latency_ms: {} } : option,
    ),
  };
}

/** The whole document: provenance first, so a reader meets the format before the figures. */
export function resultsDocument(
  results: ScenarioResults,
  provenance: ResultsProvenance,
  monteCarlo?: MonteCarloReport,
): ResultsDocument {
  return { ...provenance, ...resultsForJson(results), ...monteCarlo };
}
