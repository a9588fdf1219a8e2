// The fewest replicas that meet a latency budget at one load: start from the queueing guess,
// simulate, then step down while the budget still holds, or up (doubling, then bisecting) until
// it does. Replica counts at or below saturation fail without being simulated.
import type { LatencySummary } from '../results';

export interface ReplicaTrial {
  replicas: number;
  latency: LatencySummary;
  meets: boolean;
}

export interface ReplicaSearch {
  /** The fewest replicas meeting the budget; null when none up to the maximum does. */
  replicas: number | null;
  /** The trial at that count, or the best reachable (lowest p95) when none meets the budget. */
  trial: ReplicaTrial;
  simulations: number;
}

export interface ReplicaSearchSpace {
  guess: number;
  /** The fewest replicas keeping the component below saturation. */
  stable: number;
  max: number;
  /** Utilisation of the component at a replica count. */
  utilization: (replicas: number) => number;
  simulate: (replicas: number) => ReplicaTrial;
}

// Below this utilisation queueing at the component is negligible: if the budget still fails,
// more replicas will not help (the time goes elsewhere).
const NO_QUEUEING_UTILIZATION = 0.2;

export function searchReplicas(space: ReplicaSearchSpace): ReplicaSearch {
  const trials = new Map<number, ReplicaTrial>();
  const trial = (replicas: number) => {
    let found = trials.get(replicas);
    if (!found) {
      found = space.simulate(replicas);
      trials.set(replicas, found);
    }
    return found;
  };
  const done = (replicas: number | null, at: ReplicaTrial): ReplicaSearch => ({
    replicas,
    trial: at,
    simulations: trials.size,
  });
  let replicas = Math.min(space.max, Math.max(space.guess, space.stable));
  let current = trial(replicas);
  if (current.meets) {
    while (replicas - 1 >= space.stable) {
      const fewer = trial(replicas - 1);
      if (!fewer.meets) break;
      replicas--;
      current = fewer;
    }
    return done(replicas, current);
  }
  let failing = replicas;
  for (let step = 1; ; step *= 2) {
    const more = Math.min(space.max, failing + step);
    current = trial(more);
    if (current.meets) {
      let meeting = more;
      while (meeting - failing > 1) {
        const middle = Math.floor((failing + meeting) / 2);
        if (trial(middle).meets) meeting = middle;
        else failing = middle;
      }
      return done(meeting, trial(meeting));
    }
    if (more === space.max || space.utilization(more) <= NO_QUEUEING_UTILIZATION) {
      const best = [...trials.values()].reduce((a, b) => (bestP95(b) < bestP95(a) ? b : a));
      return done(null, best);
    }
    failing = more;
  }
}

const bestP95 = (trial: ReplicaTrial) =>
  Number.isNaN(trial.latency.p95) ? Number.POSITIVE_INFINITY : trial.latency.p95;
