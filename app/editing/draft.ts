// The scenario as the user edits it: the file's own structure (no defaults filled in), so
// that saving writes back what the user wrote. Validation turns it into a Scenario.
import type { ScenarioInput } from '../../simulator/scenario/schema';

export type ScenarioDraft = ScenarioInput;

/** The lists of identified items a scenario holds, in the order the outline shows them. */
export const ITEM_SECTIONS = ['components', 'links', 'models', 'pipeline', 'options'] as const;
export type ItemSection = (typeof ITEM_SECTIONS)[number];

/** Sections that are one object rather than a list. */
export const SINGLE_SECTIONS = ['scenario', 'workload', 'budgets'] as const;
export type SingleSection = (typeof SINGLE_SECTIONS)[number];

/** Custom hardware profiles: a mapping from id to profile rather than a list. */
export type Selection =
  { section: ItemSection; index: number } | { section: SingleSection } | { section: 'hardware'; id: string };

export const SECTION_TITLES: Record<ItemSection | SingleSection | 'hardware', string> = {
  hardware: 'Hardware',
  scenario: 'Scenario',
  components: 'Components',
  links: 'Links',
  models: 'Models',
  pipeline: 'Steps',
  options: 'Options',
  workload: 'Workload',
  budgets: 'Budgets',
};

export interface IdentifiedItem {
  id: string;
  [field: string]: unknown;
}

export function sectionItems(draft: ScenarioDraft, section: ItemSection): IdentifiedItem[] {
  return (draft[section] ?? []) as unknown as IdentifiedItem[];
}
