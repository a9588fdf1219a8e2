// The results' warnings, for the views that show them: which concern a component or a link (so
// the canvas can put them on its node or edge), and which places of an option are saturated (so
// no view shows a latency that only measures how long the run was).
import type { OptionResult, ScenarioResults } from '../../simulator/results';

// Ids are letters, digits, '-', '_' and '.'; a match must not be part of a longer id (`phone`
// in `phone-cloud`). A '.' right after the id ends a sentence rather than continuing the id.
const ID_CHARACTER = '[A-Za-z0-9_-]';

/** Whether `text` names `id` as a word of its own ("cloud is saturated", "for phone:", "on phone."). */
export function mentionsId(text: string, id: string): boolean {
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^A-Za-z0-9_.-])${escaped}(?!${ID_CHARACTER}|\\.${ID_CHARACTER})`).test(text);
}

/** Components and links (by id) whose offered load is at or above what they can serve. */
export function saturatedPlaces(option: OptionResult): string[] {
  const places = [
    ...option.analytic.components.filter((entry) => entry.utilization >= 1).map((entry) => entry.id),
    ...option.analytic.links.filter((entry) => entry.utilization >= 1).map((entry) => entry.id),
  ];
  return [...new Set(places)];
}

/**
 * The results with the latency of saturated options left out (no CDF line, no breakdown bar):
 * their simulated latency measures how long the run was, and would squash every other option.
 */
export function withoutSaturatedLatency(results: ScenarioResults): ScenarioResults {
  return {
    ...results,
    options: results.options.map((option) =>
      saturatedPlaces(option).length === 0
        ? option
        : {
            ...option,
            latency_quantiles_ms: [],
            breakdown_ms: { compute: Number.NaN, queue: Number.NaN, network: Number.NaN },
          },
    ),
  };
}
