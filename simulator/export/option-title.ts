import type { OptionResult } from '../results';

/** How reports name an option: its label where it has one, else its id. */
export function optionTitle(option: Pick<OptionResult, 'id' | 'label'>): string {
  return option.label ?? option.id;
}
