// The results as `placewise run --json` prints them (DESIGN.md section 3). An option whose
// measured requests all failed has no latency: in memory its figures are NaN, in the JSON its
// latency fields are absent (and its warnings say why), never null.
import type { OptionResult, ScenarioResults } from './results';

type JsonOption = Omit<OptionResult, 'latency_ms'> & { latency_ms: Partial<OptionResult['latency_ms']> };

export function resultsForJson<T extends ScenarioResults>(results: T): Omit<T, 'options'> & { options: JsonOption[] } {
  return {
    ...results,
    options: results.options.map((option) =>
      Number.isNaN(option.latency_ms.mean) ? { ...option, latency_ms: {} } : option,
    ),
  };
}
