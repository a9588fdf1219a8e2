// What a reader of an option's figures must know to trust them: when the run is not stationary
// (its batch-means intervals then mean nothing), and the warnings: saturation, and a simulated
// mean far from the queueing estimate, with the reason: what the estimate leaves out, a run too
// short to tell, or the estimate's own approximation.
import type { AnalyticEstimate, LatencySummary } from '../results';
import type { OptionPlan } from './option-plan';
import { FULL_RELAXATIONS, relaxationArrivals, type RunShape } from './run-shape';
import type { OptionRun } from './simulate-option';
import type { SystemModel } from './system-model';

// Beyond this share the simulated mean and the queueing estimate disagree enough to say why.
const DISAGREEMENT_WARNING = 0.25;
const HOUR_MS = 3_600_000;
// A link down this much of the time is, for the reader, always down.
const ALWAYS_DOWN = 0.999;

/** Links the option's requests used: their nominal route, and fallback routes they took. */
function usedLinks(system: SystemModel, plan: OptionPlan, run: OptionRun): SystemModel['links'] {
  return system.links.filter((link) => plan.nominalLinks.includes(link.index) || run.linkKb[link.index] > 0);
}

/**
 * Why the run is not stationary (empty when it is): the load changes during it (a load
 * profile's hours), a scheduled outage falls in it, or an autoscaler changed replicas in it.
 */
export function nonstationaryReasons(system: SystemModel, plan: OptionPlan, run: OptionRun): string[] {
  const reasons: string[] = [];
  const acceptance = system.hourlyAcceptance;
  if (acceptance) {
    for (let hour = 1; hour * HOUR_MS < run.spanMs; hour++) {
      if (acceptance[hour % 24] !== acceptance[(hour - 1) % 24]) {
        reasons.push(`the load profile changes the load at hour ${hour} of the run`);
        break;
      }
    }
  }
  for (const link of usedLinks(system, plan, run)) {
    if (!link.outages || !('schedule' in link.outages)) continue;
    const during = link.outages.schedule.filter(([start]) => start * 1000 < run.spanMs);
    if (during.length > 0) {
      const list = during.map(([start, end]) => `${start}-${end} s`).join(', ');
      reasons.push(`link ${link.id} has a scheduled outage during the run (${list})`);
    }
  }
  for (const entry of run.autoscaling) {
    const replicas = entry.timeline.map(([, count]) => count);
    if (replicas.length > 1) {
      reasons.push(
        `${system.components[entry.component].id} scaled between ${Math.min(...replicas)} and ${Math.max(...replicas)} replicas during the run`,
      );
    }
  }
  return reasons;
}

/** What the queueing estimate leaves out that this option's run has. */
function estimateOmissions(system: SystemModel, plan: OptionPlan, run: OptionRun): string[] {
  const omissions: string[] = [];
  const used = [...plan.usedComponents].map((index) => system.components[index]);
  const coldStarts = used.filter((component) => (component.serverless?.coldStart.mean ?? 0) > 0);
  if (coldStarts.length > 0) omissions.push(`serverless cold starts (${coldStarts.map((c) => c.id).join(', ')})`);
  if (system.scenario.workload.arrivals === 'periodic') {
    omissions.push('how periodic arrivals bunch (it takes them as evenly spaced at every station)');
  }
  if (system.hourlyAcceptance) omissions.push('the load profile (it is for the busiest hour)');
  const scaled = used.filter((component) => component.autoscaling);
  if (scaled.length > 0) {
    omissions.push(`autoscaling (it takes ${scaled.map((c) => c.id).join(', ')} as settled at the target)`);
  }
  const down = usedLinks(system, plan, run).filter((link) => link.outages);
  if (down.length > 0) {
    omissions.push(
      `outages${plan.steps.some((step) => step.fallback) ? ' and fallbacks' : ''} (it has ${down.map((link) => link.id).join(', ')} always up)`,
    );
  }
  if (plan.option.batching && Object.keys(plan.option.batching).length > 0) {
    omissions.push('how batches form (it takes them as full)');
  }
  return omissions;
}

/**
 * Whether more requests could close a gap of `gap` ms between the simulated mean and the
 * estimate: the run has no interval, the gap is within about four standard errors of the mean,
 * or some queue saw fewer arrivals than it needs to forget its empty start (a warm-up bias the
 * batch means do not show).
 */
function mayBeTooShort(
  run: OptionRun,
  analytic: AnalyticEstimate,
  gap: number,
  interval: [number, number] | undefined,
): boolean {
  if (!interval || Math.abs(gap) <= interval[1] - interval[0]) return true;
  const spanS = run.spanMs / 1000;
  return [...analytic.components, ...analytic.links].some(
    (station) =>
      station.utilization < 1 &&
      (station.arrival_rps ?? 0) * spanS < FULL_RELAXATIONS * relaxationArrivals(station.utilization),
  );
}

export function optionWarnings(
  system: SystemModel,
  plan: OptionPlan,
  run: OptionRun,
  analytic: AnalyticEstimate,
  latency: LatencySummary,
  shape: RunShape,
): string[] {
  const warnings: string[] = [];
  if (shape.backgroundBound) {
    warnings.push(
      `${run.detailedUsers} users were simulated in detail rather than the ${shape.backgroundBound.neededUsers} their devices' queues need, so that the other ${system.users - run.detailedUsers} users' background work stays within what a run holds: each detailed user has fewer requests than a busy device's queue takes to settle, and per-user queueing may read low`,
    );
  }
  for (const component of analytic.components) {
    if (component.utilization >= 1) {
      warnings.push(
        `${component.id} is saturated (utilisation ${component.utilization.toFixed(2)}): its queue grows without bound, so latency depends on the run length`,
      );
    }
  }
  for (const link of analytic.links) {
    if (link.utilization >= 1)
      warnings.push(`link ${link.id} (${link.direction}) is saturated (utilisation ${link.utilization.toFixed(2)})`);
  }
  const estimate = analytic.mean_latency_ms;
  const simulated = latency.mean;
  // Stryker disable next-line ConditionalExpression: `estimate !== null` as true is equivalent, `null > 0` being false (the check is for the type); the other conditions' mutants are killed by run-caveat-rules.test.ts.
  if (estimate !== null && estimate > 0 && Number.isFinite(simulated)) {
    const difference = Math.abs(simulated - estimate) / estimate;
    if (difference > DISAGREEMENT_WARNING) {
      const differ = `simulated mean latency ${simulated.toFixed(1)} ms and the queueing estimate ${estimate.toFixed(1)} ms differ by ${Math.round(difference * 100)}%`;
      const omissions = estimateOmissions(system, plan, run);
      const tooShort = mayBeTooShort(run, analytic, simulated - estimate, latency.ci95?.mean);
      if (omissions.length > 0) {
        const alsoShort = tooShort ? ', and the run may be too short (try more requests)' : '';
        warnings.push(`${differ}: the estimate leaves out ${omissions.join('; ')}${alsoShort}`);
      } else if (tooShort) {
        warnings.push(`${differ}: the run may be too short (try more requests)`);
      } else {
        const half = (latency.ci95!.mean![1] - latency.ci95!.mean![0]) / 2;
        warnings.push(
          `${differ}, far beyond the run's 95% interval (±${half.toFixed(1)} ms), in a run long enough for every queue to settle: the estimate's M/G/c approximation (Poisson arrivals at every station) is off here`,
        );
      }
    }
  }
  for (const entry of run.autoscaling) {
    const component = system.components[entry.component];
    if (entry.intervalMs > component.autoscaling!.intervalMs) {
      warnings.push(
        `the autoscaler of ${component.id} decided every ${(entry.intervalMs / 1000).toPrecision(3)} s rather than every scale_interval_s: the run is too long for a decision every ${component.autoscaling!.intervalMs / 1000} s`,
      );
    }
  }
  if (run.measuredCompleted === 0) warnings.push(noLatencyReason(system, run));
  for (const name of latency.ci95?.clamped_at_zero ?? []) {
    warnings.push(
      `the 95% interval of the ${name} latency reached below 0 ms and starts at 0: its batches vary too much for a symmetric interval (the run may be too short)`,
    );
  }
  return warnings;
}

/** Why an option has no latency figures: no request of the run's measured part completed. */
function noLatencyReason(system: SystemModel, run: OptionRun): string {
  if (run.simulatedRequests === 0) return 'no request arrived during the run, so there is no latency';
  if (run.completed > 0) return 'no request after the warm-up completed, so there is no latency';
  const causes = system.links
    .filter((link) => run.failedOn[link.index] > 0)
    .sort((a, b) => run.failedOn[b.index] - run.failedOn[a.index])
    .map((link) =>
      run.downShare[link.index] >= ALWAYS_DOWN
        ? `link ${link.id} is always down`
        : `link ${link.id} was down for ${Math.round((100 * run.failedOn[link.index]) / run.failed)}% of them`,
    );
  return `every request failed, so there is no latency: ${causes.join('; ')}`;
}
