// The interval of a sample's battery figure (verdict-intervals.ts). A device's power follows its
// utilisation: idle + (active - idle) x busy time over the span. Busy time and span are two sums
// whose relative errors are about sqrt((1 + scv) / (m n)) for the busy time (a compound sum of m
// jobs a request, of SCV scv: the device's job mix, where a cascade's rare long second model
// makes it large: some 46 on the AR glasses) and sqrt(1 / n) for the Poisson span; only the part
// of the power above idle moves with them.
import { stationServiceScvs } from '../analytic/option-estimate';
import type { SystemModel } from '../evaluate/system-model';
import type { AnalyticEstimate } from '../results';

/**
 * [hours / (1 + r), hours / (1 - r)] at `z` standard errors of `draws` independent requests;
 * `fallbackScv` the SCV taken where the estimate gives none. Undefined where r reaches 1.
 */
export function batteryInterval(
  system: SystemModel,
  analytic: AnalyticEstimate,
  componentId: string,
  hours: number,
  { z, draws, fallbackScv }: { z: number; draws: number; fallbackScv: number },
): [number, number] | undefined {
  const busy = busyTimeVariability(system, analytic, componentId) ?? 1 + fallbackScv;
  const relative = varyingPowerShare(system, componentId, hours) * z * Math.sqrt((busy + 1) / draws);
  if (relative >= 1) return undefined;
  return [hours / (1 + relative), hours / (1 - relative)];
}

// (1 + scv) / m of a component's jobs in the estimate (m of them a request, SCV scv of their mix):
// the squared relative error of one request's busy time there; undefined where not known.
function busyTimeVariability(system: SystemModel, analytic: AnalyticEstimate, componentId: string): number | undefined {
  const index = analytic.components.findIndex((component) => component.id === componentId);
  const scv = index >= 0 ? stationServiceScvs(analytic)?.components[index] : undefined;
  const component = system.components.find((entry) => entry.id === componentId);
  if (scv === undefined || !component) return undefined;
  const requestRate = (component.shared ? system.users : 1) * system.perUserRps;
  const jobs = analytic.components[index].arrival_rps / requestRate;
  return jobs > 0 ? (1 + scv) / jobs : undefined;
}

// The share of a device's power that moves with its utilisation, at `hours` of battery: all
// but its idle power (its radio's counted as moving, which only widens the interval); all of it
// for a device population, whose tiers' power figures differ.
function varyingPowerShare(system: SystemModel, componentId: string, hours: number): number {
  const component = system.components.find((entry) => entry.id === componentId);
  const power = component?.tiers ? undefined : component?.hardware.power_w;
  if (!component || !power || component.batteryWh === undefined || !(hours > 0)) return 1;
  const watts = component.batteryWh / hours;
  return Math.min(1, Math.max(0, 1 - power.idle / watts));
}
