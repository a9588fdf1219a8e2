// A run's work in events: a detailed request's computes and hops, and the background users'
// jobs at the shared stations, which a run of fewer detailed users spreads over the same span,
// and a run of the same users over a shorter one.
import { describe, expect, it } from 'vitest';
import { estimateOption } from '../../../simulator/analytic/option-estimate';
import { buildOptionPlan } from '../../../simulator/evaluate/option-plan';
import { planRun } from '../../../simulator/evaluate/run-shape';
import { buildSystemModel } from '../../../simulator/evaluate/system-model';
import { requestVisits, runWork } from '../../../simulator/uncertainty/run-work';
import { loadScenario } from '../export/ar-scenario';

const scenario = loadScenario('scenarios/ar-translation.yaml');
const system = buildSystemModel(scenario);
const optionEstimate = (id: string) => {
  const plan = buildOptionPlan(
    system,
    scenario.options.find((option) => option.id === id)!,
  );
  return estimateOption(system, plan);
};

describe('requestVisits', () => {
  it('counts every compute and hop of a request, and those at shared stations apart', () => {
    // cloud: capture on the glasses; glasses-phone, phone-cloud and cloud-ocr-pool there and
    // back; OCR in the pool, translation in the cloud. Shared: the pool, the cloud and both
    // directions of the data centre's link.
    const cloud = requestVisits(system, optionEstimate('cloud'));
    expect(cloud.events).toBeCloseTo(9, 12);
    expect(cloud.sharedVisits).toBeCloseTo(4, 12);
    // on-glasses: everything on the user's own glasses, one run of its steps.
    expect(requestVisits(system, optionEstimate('on-glasses'))).toEqual({ events: 1, sharedVisits: 0 });
  });
});

describe('runWork', () => {
  it('grows with the requests alone where nothing is shared', () => {
    const estimate = optionEstimate('on-phone');
    const visits = requestVisits(system, estimate);
    const work = (requests: number) => runWork(system, visits, planRun(system, estimate, requests, 'preview'));
    expect(work(2000) / work(250)).toBeCloseTo(2200 / 275, 12);
  });

  it('adds the background users, whose jobs shrink a short run far less than its requests', () => {
    const estimate = optionEstimate('cloud');
    const visits = requestVisits(system, estimate);
    const shape = (requests: number) => planRun(system, estimate, requests, 'preview');
    // An eighth of the requests, over a third of the work (without the background, an eighth).
    expect(runWork(system, visits, shape(250)) / runWork(system, visits, shape(2000))).toBeGreaterThan(1 / 3);
  });

  it("is its own requests' alone where a short run details every user (idle devices)", () => {
    // A Monte Carlo stage of the cloud option: all 10,000 users, none left as background.
    const estimate = optionEstimate('cloud');
    const visits = requestVisits(system, estimate);
    const stage = planRun(system, estimate, 250, 'preview', Number.POSITIVE_INFINITY);
    const full = planRun(system, estimate, 2000, 'preview');
    expect(stage.detailedUsers).toBe(system.users);
    expect(runWork(system, visits, stage) / runWork(system, visits, full)).toBeLessThan(275 / 2200);
  });

  it("shrinks with the span where a short run details the full run's users (idle devices)", () => {
    // The same cloud option, its stage sized for the full run's 2,000 requests: the same users
    // over an eighth of the span, so the background users' jobs are an eighth of the full run's
    // too, and so is all the work.
    const estimate = optionEstimate('cloud');
    const visits = requestVisits(system, estimate);
    const stage = planRun(system, estimate, 250, 'preview', 2000);
    const full = planRun(system, estimate, 2000, 'preview');
    expect(stage.detailedUsers).toBe(full.detailedUsers);
    expect(runWork(system, visits, stage) / runWork(system, visits, full)).toBeCloseTo(275 / 2200, 12);
  });
});
