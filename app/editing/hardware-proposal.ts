// When an edit changes a component's kind, its hardware usually no longer fits (a phone's chip
// in a cloud server): the app proposes the new kind's default hardware and the user confirms.
import { HARDWARE_LIBRARY } from '../../simulator/scenario/hardware-library';
import type { ComponentKind } from '../../simulator/scenario/schema';
import type { ScenarioDraft } from './draft';
import { DEFAULT_HARDWARE } from './edits';
import { ownEntry } from '../../simulator/scenario/own-entry';

export interface HardwareProposal {
  index: number;
  componentId: string;
  kind: ComponentKind;
  /** The hardware it has now, and the one proposed. */
  current: string;
  proposed: string;
  proposedLabel: string;
}

export function proposeHardware(before: ScenarioDraft, after: ScenarioDraft): HardwareProposal | null {
  for (const [index, component] of after.components.entries()) {
    const previous = before.components[index];
    if (!previous || previous.id !== component.id || previous.kind === component.kind) continue;
    // A device population was chosen tier by tier: a new kind proposes no single profile over it.
    if (component.hardware_mix || component.hardware === undefined) return null;
    const proposed = ownEntry(DEFAULT_HARDWARE, component.kind);
    if (!proposed || proposed === component.hardware) return null;
    return {
      index,
      componentId: component.id,
      kind: component.kind as ComponentKind,
      current: component.hardware,
      proposed,
      proposedLabel: ownEntry(HARDWARE_LIBRARY, proposed)?.label ?? proposed,
    };
  }
  return null;
}
