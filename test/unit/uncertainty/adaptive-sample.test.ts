// A Monte Carlo sample stops at its pilot run when the pilot decides every verdict, goes on to
// the full run when a verdict is near its budget, and summarises as the previous method did
// (every sample simulated in full) within the intervals of their paired differences.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  evaluateScenario,
  evaluateWithValues,
  monteCarloInOrder,
  type OptionOutcome,
  optionOutcome,
  parseScenarioText,
  planMonteCarlo,
  type Scenario,
  type UncertainScenario,
} from '../../../simulator';
import { evaluateOption } from '../../../simulator/evaluate/evaluate-scenario';
import { buildOptionPlan } from '../../../simulator/evaluate/option-plan';
import { buildSystemModel } from '../../../simulator/evaluate/system-model';
import { validatePlainScenario } from '../../../simulator/scenario/load';
import { evaluateSample, LOOK_RISK, stageRequests, STOP_RISK } from '../../../simulator/uncertainty/adaptive-sample';
import { optionsWithoutStages } from '../../../simulator/uncertainty/futile-stages';
import { withPostStratifiedSuccess } from '../../../simulator/uncertainty/post-stratified-success';
import { sampleValidation } from '../../../simulator/uncertainty/sample-validation';
import { substituteValues } from '../../../simulator/uncertainty/substitute-values';
import { optionVariability, verdictInterval, verdictStates } from '../../../simulator/uncertainty/verdict-intervals';
import { AR_SCENARIO_FILE, loadScenario } from '../export/ar-scenario';
import { UNCERTAIN_STATION } from './uncertain-station';

// The fixture's station with a service time that is not exponential, so that it is simulated.
const UNIFORM_STATION = UNCERTAIN_STATION.replace(
  '{ exponential: { uncertain: { uniform: [5, 15] } } }',
  '{ uniform: [2, { range: [8, 28] }] }',
);

function parse(text: string) {
  const parsed = parseScenarioText(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed;
}

function fixed(text: string): Scenario {
  return parse(text.replace('{ range: [1, 3] }', '2').replace('{ range: [8, 28] }', '18')).scenario;
}

const Z99 = 2.5758293035489004;

describe('the stopping rule', () => {
  it('keeps the pilot of a sample whose verdicts are clear', () => {
    // p95 is some 40 ms against a 100 ms budget, and the cost does not vary.
    const clear = fixed(UNIFORM_STATION.replace('latency_ms: { p95: 40 }', 'latency_ms: { p95: 100 }'));
    const [outcome] = evaluateSample(clear, { seed: 3, requests: 2000 });
    expect(outcome.evaluation).toEqual({ method: 'pilot', requests: 250 });
    expect(outcome.budgets['latency_ms.p95']).toBe(true);
  });

  it('simulates a sample whose verdict is near its budget up to the full count, as before', () => {
    const pilot = evaluateScenario(fixed(UNIFORM_STATION), { requests: 250, seed: 3, fidelity: 'preview' });
    // The budget at the pilot's own p95: its interval straddles the limit.
    const p95 = pilot.options[0].latency_ms.p95;
    const near = fixed(UNIFORM_STATION.replace('latency_ms: { p95: 40 }', `latency_ms: { p95: ${p95} }`));
    const [outcome] = evaluateSample(near, { seed: 3, requests: 2000 });
    expect(outcome.evaluation).toMatchObject({ method: 'full', requests: 2250 });
    const full = evaluateScenario(near, { requests: 2000, seed: 3, fidelity: 'preview' });
    expect({ ...outcome, evaluation: undefined }).toEqual({ ...optionOutcome(full.options[0]), evaluation: undefined });
  });

  it('reports the verdicts that even the full run leaves undecided, and only those', () => {
    const fullRun = (scenario: Scenario) =>
      evaluateScenario(scenario, { requests: 2000, seed: 3, fidelity: 'preview' }).options[0];
    // The budget at the full run's own p95: its interval straddles the limit, whatever the risk.
    const p95 = fullRun(fixed(UNIFORM_STATION)).latency_ms.p95;
    const near = fixed(UNIFORM_STATION.replace('latency_ms: { p95: 40 }', `latency_ms: { p95: ${p95} }`));
    const [outcome] = evaluateSample(near, { seed: 3, requests: 2000 });
    expect(outcome.evaluation).toEqual({ method: 'full', requests: 2250, undecided: ['latency_ms.p95'] });
    // The cost does not vary: decided, and not among them.
    expect(outcome.budgets.monthly_usd).toBe(true);
    // A budget far from the full run's p95 is decided there, as a stage would have.
    const system = buildSystemModel(near);
    const variability = optionVariability(system, buildOptionPlan(system, near.options[0]));
    const states = verdictStates(system, variability, fullRun(near), LOOK_RISK);
    expect(Object.fromEntries(states)).toEqual({ 'latency_ms.p95': 'undecided', monthly_usd: 'decided' });
  });

  // The station behind a wide-area link from the users' phones, with a success budget.
  const linked = (outages: string) =>
    fixed(
      UNIFORM_STATION.replace(
        'options:',
        `links:\n  - { id: wan, between: [client, server], tech: wan${outages} }\noptions:`,
      )
        .replace('components:\n', 'components:\n  - { id: client, kind: phone, hardware: phone-midrange }\n')
        .replace('source: server', 'source: client')
        .replace('users: 1\n  per_user_rps: 20', 'users: 20\n  per_user_rps: 1')
        .replace('budgets:', 'budgets:\n  success_rate: 0.5'),
    );

  it('takes success as settled where no request can fail, and gives it an interval where one can', () => {
    const interval = (scenario: Scenario) => {
      const system = buildSystemModel(scenario);
      const plan = buildOptionPlan(system, scenario.options[0]);
      const result = evaluateScenario(scenario, { requests: 300, seed: 3, fidelity: 'preview' }).options[0];
      const verdict = result.budgets.find((entry) => entry.name === 'success_rate')!;
      return verdictInterval(system, optionVariability(system, plan), result, verdict, 0.01);
    };
    expect(interval(linked(''))).toBe('fixed');
    const outage = interval(linked(', outages: { every_s: { exponential: 60 }, lasting_s: { exponential: 20 } }'));
    expect(Array.isArray(outage)).toBe(true);
    const [low, high] = outage as [number, number];
    expect(low).toBeLessThan(high);
  });

  it('runs in full a verdict without an interval, and does not count it as undecided', () => {
    // A photo crosses the link, so that its utilisation has a budget; that figure has no interval.
    const scenario = linked('');
    const withLink: Scenario = {
      ...scenario,
      pipeline: [{ ...scenario.pipeline[0], output_kb: 50 }, ...scenario.pipeline.slice(1)],
      budgets: { ...scenario.budgets, link_utilization: 0.9 },
    };
    const system = buildSystemModel(withLink);
    const plan = buildOptionPlan(system, withLink.options[0]);
    const result = evaluateScenario(withLink, { requests: 250, seed: 3, fidelity: 'preview' }).options[0];
    const states = verdictStates(system, optionVariability(system, plan), result, LOOK_RISK);
    expect(states.get('link_utilization.wan')).toBe('unknown');
    const [outcome] = evaluateSample(withLink, { seed: 3, requests: 2000 });
    expect(outcome.evaluation?.method).toBe('full');
    expect(outcome.evaluation?.undecided).not.toContain('link_utilization.wan');
  });
});

function outcomesOf(uncertain: UncertainScenario, samples: number, adaptive: boolean): OptionOutcome[] {
  // Enough requests that a stage (at least 200) costs at most a third of the full run.
  const plan = planMonteCarlo(uncertain, { samples, seed: 11, requests: 1600 });
  return plan.tasks.slice(0, samples).map((task) => {
    const outcome = evaluateWithValues(uncertain, { ...task, adaptive });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    return outcome.options[0];
  });
}

// The summaries of the two methods differ by the mean of the samples' paired differences: within
// its 99% interval of zero for a metric's mean, and within McNemar's bound for a pass share.
function expectAgreement(uncertain: UncertainScenario, method: 'exact' | 'pilot') {
  const samples = 60;
  const before = outcomesOf(uncertain, samples, false);
  const after = outcomesOf(uncertain, samples, true);
  expect(after.filter((outcome) => outcome.evaluation?.method === method).length).toBeGreaterThan(samples / 2);
  const differences = after.map(
    (outcome, index) => outcome.metrics['latency_ms.p95']! - before[index].metrics['latency_ms.p95']!,
  );
  const mean = differences.reduce((sum, value) => sum + value, 0) / samples;
  const sd = Math.sqrt(differences.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (samples - 1));
  expect(Math.abs(mean)).toBeLessThan((Z99 * sd) / Math.sqrt(samples));
  const discordant = after.filter((outcome, index) => outcome.pass !== before[index].pass);
  const gained = discordant.filter((outcome) => outcome.pass).length;
  expect(Math.abs(2 * gained - discordant.length)).toBeLessThanOrEqual(Z99 * Math.sqrt(discordant.length) + 1);
}

// The interval of a preview run's median latency, `requests` of the scenario at `risk`.
function p50Interval(scenario: Scenario, requests: number, risk: number): [number, number] {
  const system = buildSystemModel(scenario);
  const plan = buildOptionPlan(system, scenario.options[0]);
  const result = evaluateScenario(scenario, { requests, seed: 3, fidelity: 'preview' }).options[0];
  const verdict = result.budgets.find((entry) => entry.name === 'latency_ms.p50')!;
  return verdictInterval(system, optionVariability(system, plan), result, verdict, risk) as [number, number];
}

describe('the stages of a sample', () => {
  // Two stages, an eighth and a quarter of 2,000 requests, and the full run: each looks at a third of the risk.
  const stageRisk = LOOK_RISK;
  const withBudget = (p50: number) =>
    fixed(UNIFORM_STATION.replace('latency_ms: { p95: 40 }', `latency_ms: { p50: ${p50} }`));

  it('are an eighth and a quarter of the requests where both cost at most a third of the full run', () => {
    const scenario = withBudget(100);
    const system = buildSystemModel(scenario);
    expect(stageRequests(system, buildOptionPlan(system, scenario.options[0]), 2000)).toEqual([250, 500]);
  });

  it('go on to the second where the first does not decide, and stop there when it does', () => {
    const [, firstHigh] = p50Interval(withBudget(100), 250, stageRisk);
    const [, secondHigh] = p50Interval(withBudget(100), 500, stageRisk);
    // A budget above the second stage's interval, inside the first's.
    expect(secondHigh).toBeLessThan(firstHigh);
    const budget = (secondHigh + firstHigh) / 2;
    const [outcome] = evaluateSample(withBudget(budget), { seed: 3, requests: 2000 });
    expect(outcome.evaluation).toEqual({ method: 'pilot', requests: 750 });
    expect(outcome.budgets['latency_ms.p50']).toBe(true);
  });

  it('split the stopping risk between the looks: a verdict that only the whole risk at one look decides goes on', () => {
    expect(LOOK_RISK).toBeCloseTo(STOP_RISK / 3, 15);
    const [, wholeRiskHigh] = p50Interval(withBudget(100), 250, STOP_RISK);
    const [, stageHigh] = p50Interval(withBudget(100), 250, stageRisk);
    expect(wholeRiskHigh).toBeLessThan(stageHigh);
    const [outcome] = evaluateSample(withBudget((wholeRiskHigh + stageHigh) / 2), { seed: 3, requests: 2000 });
    expect(outcome.evaluation!.requests).toBeGreaterThan(250);
  });

  it("are tried where idle devices let a stage detail every user, leaving no other users' jobs", () => {
    // The AR scenario's cloud option: a detailed user sends less than one request, so a stage
    // details all 10,000 users and no background users' jobs are left on the shared GPUs (with
    // the full run's users over the full span, an eighth of the requests cost over a third of
    // the full run, and no stage was tried).
    const scenario = loadScenario('scenarios/ar-translation.yaml');
    const system = buildSystemModel(scenario);
    const cloud = buildOptionPlan(
      system,
      scenario.options.find((option) => option.id === 'cloud')!,
    );
    expect(stageRequests(system, cloud, 2000)).toEqual([250, 500]);
    const [outcome] = evaluateSample(scenario, { seed: 5, requests: 2000, options: ['cloud'] });
    expect(outcome.evaluation?.method).toBe('pilot');
    const stage = withPostStratifiedSuccess(
      evaluateOption(
        system,
        cloud,
        { requests: 250, fidelity: 'preview', usersFor: Number.POSITIVE_INFINITY, latencyIntervals: false },
        5,
      ),
      optionVariability(system, cloud).offlineShare,
    );
    expect(stage.detailed_users).toBe(scenario.workload.users);
    expect(optionOutcome(stage).metrics).toEqual(outcome.metrics);
  });

  it("that decide agree with the full run's verdicts", () => {
    // The AR scenario's cloud option over samples of its uncertain numbers: each sample that a
    // stage settles gets the verdicts its full run would have. A stage's interval misses with at
    // most LOOK_RISK, so among these samples a disagreement would be a 1-in-10 event at worst.
    const parsed = parse(readFileSync(AR_SCENARIO_FILE, 'utf8'));
    const plan = planMonteCarlo(parsed.uncertain!, { samples: 30, seed: 7, requests: 2000 });
    let settled = 0;
    for (const task of plan.tasks.slice(0, 30)) {
      const scenario = validatePlainScenario(
        substituteValues(parsed.uncertain!.input, parsed.uncertain!.parameters, task.values),
      );
      if (!scenario.ok) throw new Error(JSON.stringify(scenario.errors));
      const [outcome] = evaluateSample(scenario.scenario, { seed: task.seed, requests: 2000, options: ['cloud'] });
      if (outcome.evaluation?.method !== 'pilot') continue;
      settled++;
      const system = buildSystemModel(scenario.scenario);
      const cloud = buildOptionPlan(
        system,
        scenario.scenario.options.find((option) => option.id === 'cloud')!,
      );
      const full = withPostStratifiedSuccess(
        evaluateOption(system, cloud, { requests: 2000, fidelity: 'preview' }, task.seed),
        optionVariability(system, cloud).offlineShare,
      );
      expect(outcome.budgets).toEqual(optionOutcome(full).budgets);
    }
    expect(settled).toBeGreaterThan(15);
  });
});

describe('the stages a study skips', () => {
  // The station of a fixed service time and an uncertain price: its p95 moves only with the
  // run's own noise from one sample to the next.
  const withP95 = (p95: number) =>
    parse(
      UNIFORM_STATION.replace('{ range: [8, 28] }', '18').replace(
        'latency_ms: { p95: 40 }',
        `latency_ms: { p95: ${p95} }`,
      ),
    ).uncertain!;
  const skipped = (uncertain: UncertainScenario) =>
    optionsWithoutStages(uncertain, sampleValidation(uncertain), { requests: 2000 });

  it('are those of the options that no stage decides before the study, in every sample', () => {
    // The nominal scenario (each range's midpoint) and three samples drawn with the scenario's
    // own seed, evaluated as samples: a budget at the nominal full run's own p95 is left open by
    // the stages of all four, one far above it is not.
    const nominal = evaluateScenario(fixed(UNIFORM_STATION), { requests: 2000, seed: 3, fidelity: 'preview' });
    const near = withP95(nominal.options[0].latency_ms.p95);
    expect(skipped(near)).toEqual(new Set(['only']));
    expect(skipped(withP95(100)).size).toBe(0);
    // Where the samples' p95 moves with their values, one look in four decides at a stage: none is skipped.
    const moving = parse(
      UNIFORM_STATION.replace('latency_ms: { p95: 40 }', `latency_ms: { p95: ${nominal.options[0].latency_ms.p95} }`),
    ).uncertain!;
    expect(skipped(moving).size).toBe(0);
    // Each sample then goes straight to its full run: the run a sample with stages ends with.
    const plan = planMonteCarlo(near, { samples: 6, seed: 2, requests: 2000 });
    for (const task of plan.tasks.slice(0, 6)) {
      const outcome = evaluateWithValues(near, task);
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
      expect(outcome.options[0].evaluation).toMatchObject({ method: 'full', requests: 2000 });
      const scenario = validatePlainScenario(substituteValues(near.input, near.parameters, task.values));
      if (!scenario.ok) throw new Error(JSON.stringify(scenario.errors));
      const [staged] = evaluateSample(scenario.scenario, { seed: task.seed, requests: 2000 });
      if (staged.evaluation?.method === 'full') {
        expect({ ...outcome.options[0], evaluation: undefined }).toEqual({ ...staged, evaluation: undefined });
      }
    }
  });

  it("are glasses-cascade's alone in the AR study", () => {
    // 3% of its requests escalate to a model that takes 3 s on the glasses: its p95 and the
    // glasses' battery move with every escalation more or less, which a stage cannot pin down.
    const ar = parse(readFileSync(AR_SCENARIO_FILE, 'utf8')).uncertain!;
    expect(skipped(ar)).toEqual(new Set(['glasses-cascade']));
  });
});

describe('Monte Carlo against the previous full simulation of every sample', () => {
  it('agrees where the closed form replaces the simulation', () => {
    expectAgreement(parse(UNCERTAIN_STATION).uncertain!, 'exact');
  });

  it('agrees where pilots replace full runs', () => {
    expectAgreement(parse(UNIFORM_STATION).uncertain!, 'pilot');
  });

  it('gives the same report for the same seed, evaluations included', () => {
    const uncertain = parse(UNIFORM_STATION).uncertain!;
    const report = () => monteCarloInOrder(uncertain, { samples: 6, seed: 2, requests: 1600 });
    const first = report();
    expect(first.monte_carlo.options[0].evaluations).toMatchObject({ exact: 0 });
    expect(JSON.stringify(report())).toBe(JSON.stringify(first));
  });
});
