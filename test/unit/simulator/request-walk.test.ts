// The walk of a request (simulator/analytic/request-walk.ts) followed by hand: every compute and
// hop with the probability that the request makes it, and the jobs each component sees, where a
// cascade escalates, links are down with a given probability, and a cache answers everything.
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../../simulator';
import { type LinkDownProbability, walkOption } from '../../../simulator/analytic/request-walk';
import { buildOptionPlan } from '../../../simulator/evaluate/option-plan';
import { buildSystemModel } from '../../../simulator/evaluate/system-model';
import { scenarioFrom } from './queue-scenarios';

// One core of 1 GFLOP/s: the 0.01-GFLOP model takes 10 ms, the 0.02-GFLOP one 20 ms.
const BOX = { box: { cores: 1, gflops: 1 } };
const round = (value: number) => Math.round(value * 1e9) / 1e9;

/** The walk of the scenario's only option, its visits and jobs written out with ids. */
function walkOf(input: Omit<ScenarioInput, 'placewise' | 'name' | 'hardware'>, down: Record<string, number>) {
  const system = buildSystemModel(scenarioFrom({ placewise: 1, name: 'walk', hardware: BOX, ...input }));
  const plan = buildOptionPlan(system, system.scenario.options[0]);
  const downProbability: LinkDownProbability = (link) => down[system.links[link].id] ?? 0;
  const { visits, jobs, completed } = walkOption(
    system,
    plan,
    plan.steps.map(() => false),
    downProbability,
  );
  const component = (index: number) => system.components[index].id;
  return {
    completed: round(completed),
    visits: visits.map((visit) =>
      visit.kind === 'hop'
        ? ['hop', system.links[visit.link].id, visit.direction, round(visit.probability), visit.kb]
        : [component(visit.component), visit.step, round(visit.probability), visit.fallback, visit.escalated ?? false],
    ),
    jobs: jobs.map((job) => [
      component(job.component),
      job.step,
      round(job.probability),
      job.mean,
      job.variance,
      job.escalated ?? false,
    ]),
  };
}

describe('the walk of a request', () => {
  it('escalates a share to the second model, and goes on with the first answer where the link is down', () => {
    // infer runs the small model on the phone; 40% escalate to the large one in the cloud over
    // LTE, which is down a quarter of the time: 30% run it there and come back, 10% keep the
    // first answer. Everyone then runs post (5 ms) on the phone.
    const { visits, jobs, completed } = walkOf(
      {
        components: [
          { id: 'phone', kind: 'phone', hardware: 'box' },
          { id: 'cloud', kind: 'cloud', hardware: 'box' },
        ],
        links: [{ id: 'lte', between: ['phone', 'cloud'], tech: 'lte' }],
        models: [
          { id: 'small', size_mb: 1, gflop: 0.01 },
          { id: 'large', size_mb: 1, gflop: 0.02 },
        ],
        workload: { users: 1, per_user_rps: 1, source: 'phone', requests: 10 },
        pipeline: [
          { id: 'capture', at: 'phone', compute_ms: 0, output_kb: 50 },
          { id: 'infer', model: 'small', output_kb: 1 },
          { id: 'post', at: 'phone', compute_ms: 5 },
        ],
        options: [
          {
            id: 'cascade',
            place: { infer: 'phone' },
            cascade: { infer: { model: 'large', at: 'cloud', escalate_rate: 0.4 } },
          },
        ],
      },
      { lte: 0.25 },
    );
    expect(visits).toEqual([
      ['phone', 0, 1, false, false],
      ['phone', 1, 1, false, false],
      ['hop', 'lte', 0, 0.3, 50],
      ['cloud', 1, 0.3, false, true],
      ['hop', 'lte', 1, 0.3, 1],
      ['phone', 2, 0.3, false, false],
      ['phone', 2, 0.1, false, false],
      ['phone', 2, 0.6, false, false],
    ]);
    // On the phone, capture and infer are one job (0 + 10 ms); it ends where 40% leave, and the
    // 60% who stay run post in the same job. The escalated run and each post after it are their own.
    expect(jobs).toEqual([
      ['phone', 0, 0.4, 10, 0, false],
      ['cloud', 1, 0.3, 20, 0, true],
      ['phone', 2, 0.3, 5, 0, false],
      ['phone', 2, 0.1, 5, 0, false],
      ['phone', 0, 0.6, 15, 0, false],
    ]);
    // Every request reaches the sink on the phone: 30% with the second answer, 70% with the first.
    expect(completed).toBe(1);
  });

  it('falls back once, and finds a link it found down still down for a later step', () => {
    // LTE is down 25% of the time, wifi 50%. 75% run infer (10 ms) and post (exponential, 5 ms)
    // in the cloud as one job (variance 0 + 25 ms^2) and come back. 25% fall back to the edge
    // over wifi; half of those get there and back to the phone, but post needs the cloud, and
    // LTE, down a moment ago, is still down: they fail. The other half find wifi down too and,
    // having fallen back once already, fail.
    const { visits, jobs, completed } = walkOf(
      {
        components: [
          { id: 'phone', kind: 'phone', hardware: 'box' },
          { id: 'cloud', kind: 'cloud', hardware: 'box' },
          { id: 'edge', kind: 'edge', hardware: 'box' },
        ],
        links: [
          { id: 'lte', between: ['phone', 'cloud'], tech: 'lte' },
          { id: 'wifi', between: ['phone', 'edge'], tech: 'wifi' },
        ],
        workload: { users: 1, per_user_rps: 1, source: 'phone', requests: 10 },
        pipeline: [
          { id: 'infer', compute_ms: 10, output_kb: 2 },
          { id: 'post', compute_ms: { exponential: 5 } },
        ],
        options: [{ id: 'remote', place: { infer: 'cloud', post: 'cloud' }, fallback: { infer: { at: 'edge' } } }],
      },
      { lte: 0.25, wifi: 0.5 },
    );
    expect(visits).toEqual([
      ['hop', 'lte', 0, 0.75, 0],
      ['cloud', 0, 0.75, false, false],
      ['cloud', 1, 0.75, false, false],
      ['hop', 'lte', 1, 0.75, 0],
      ['hop', 'wifi', 0, 0.125, 0],
      ['edge', 0, 0.125, true, false],
      ['hop', 'wifi', 1, 0.125, 2],
    ]);
    expect(jobs).toEqual([
      ['cloud', 0, 0.75, 15, 25, false],
      ['edge', 0, 0.125, 10, 0, false],
    ]);
    // Only the 75% who found LTE up get back to the phone with an answer.
    expect(completed).toBe(0.75);
  });

  it('takes an answer from a cache that always hits on to a sink across a link that may be down', () => {
    // The request goes to the edge's cache (it answers everyone: nothing runs), then on to the
    // sink in the cloud over a WAN link that is down half the time: those requests fail there,
    // with no step waiting for the link to fall back.
    const { visits, jobs, completed } = walkOf(
      {
        components: [
          { id: 'phone', kind: 'phone', hardware: 'box' },
          { id: 'edge', kind: 'edge', hardware: 'box' },
          { id: 'cloud', kind: 'cloud', hardware: 'box' },
        ],
        links: [
          { id: 'wifi', between: ['phone', 'edge'], tech: 'wifi' },
          { id: 'wan', between: ['edge', 'cloud'], tech: 'wan' },
        ],
        workload: { users: 1, per_user_rps: 1, source: 'phone', sink: 'cloud', requests: 10 },
        pipeline: [{ id: 'infer', compute_ms: 10, output_kb: 3 }],
        options: [{ id: 'cached', place: { infer: 'edge' }, cache: { infer: { at: 'edge', hit_rate: 1 } } }],
      },
      { wan: 0.5 },
    );
    expect(visits).toEqual([
      ['hop', 'wifi', 0, 1, 0],
      ['hop', 'wan', 0, 0.5, 3],
    ]);
    expect(jobs).toEqual([]);
    expect(completed).toBe(0.5);
  });

  it('looks up the cache of the next step after a hit on this one', () => {
    // Both steps are cached on the phone with half of the look-ups hitting: a hit on the first
    // goes on to the second's cache, so b runs for a quarter of requests after a hit and a
    // quarter after a miss (that one in the same job as a).
    const { visits, jobs, completed } = walkOf(
      {
        components: [{ id: 'phone', kind: 'phone', hardware: 'box' }],
        workload: { users: 1, per_user_rps: 1, source: 'phone', requests: 10 },
        pipeline: [
          { id: 'a', compute_ms: 10 },
          { id: 'b', compute_ms: 5 },
        ],
        options: [
          {
            id: 'cached',
            place: { a: 'phone', b: 'phone' },
            cache: { a: { at: 'phone', hit_rate: 0.5 }, b: { at: 'phone', hit_rate: 0.5 } },
          },
        ],
      },
      {},
    );
    expect(visits).toEqual([
      ['phone', 1, 0.25, false, false],
      ['phone', 0, 0.5, false, false],
      ['phone', 1, 0.25, false, false],
    ]);
    expect(jobs).toEqual([
      ['phone', 1, 0.25, 5, 0, false],
      ['phone', 0, 0.25, 10, 0, false],
      ['phone', 0, 0.25, 15, 0, false],
    ]);
    expect(completed).toBe(1);
  });
});
