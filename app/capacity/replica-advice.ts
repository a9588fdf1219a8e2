// What the Capacity view offers after a sweep: set the sized component to the fewest replicas
// that meet the budget at today's load, and what that saves (or costs) a month. Only where the
// file gives a plain replica count: an autoscaled or uncertain one is the user's to rethink.
import type { CapacitySweep } from '../../simulator/capacity/index';
import { HOURS_PER_MONTH } from '../../simulator/evaluate/monthly-cost';
import { formatMs, formatUsd } from '../../simulator/export/figures';
import type { ScenarioDraft } from '../editing/draft';

export interface ReplicaAdvice {
  /** The component's index in the draft, for the edit. */
  index: number;
  replicas: number;
  /** Monthly saving (negative: the extra cost of meeting the budget). */
  saving: number;
  label: string;
  reason: string;
}

export function replicaAdvice(sweep: CapacitySweep, draft: ScenarioDraft | null): ReplicaAdvice | null {
  const needed = sweep.current.needed_replicas;
  if (!draft || needed === null) return null;
  const index = draft.components.findIndex((component) => component.id === sweep.component);
  const written = draft.components[index]?.replicas;
  if (index < 0 || (written !== undefined && typeof written !== 'number')) return null;
  const current = written ?? 1;
  if (needed === current) return null;
  const saving = (current - needed) * sweep.usd_per_hour * HOURS_PER_MONTH;
  const p95 = `p95 ${formatMs(sweep.current.needed_p95_ms)} at today's load`;
  return {
    index,
    replicas: needed,
    saving,
    label: `Apply ${needed} replica${needed === 1 ? '' : 's'}`,
    reason:
      saving >= 0
        ? `${sweep.component} has ${current}; ${needed} meet the budget (${p95}) and save ${formatUsd(saving)} a month.`
        : `${sweep.component} has ${current}, too few for the budget; ${needed} meet it (${p95}) for ${formatUsd(-saving)} more a month.`,
  };
}
