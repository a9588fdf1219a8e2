import { describe, expect, test } from 'vitest';
import type { SimulationProgress, SimulationReply, SimulationRequest } from '../../../app/simulation/protocol';
import { PREVIEW_REQUESTS, SimulationRunner, type SimulationWorker } from '../../../app/simulation/simulation-runner';
import type { SimulationUpdate } from '../../../app/store/simulation-slice';
import type { OptionResult, ScenarioResults } from '../../../simulator/results';
import { validateScenario } from '../../../simulator/scenario/load';
import type { Scenario } from '../../../simulator/scenario/schema';
import { twoTierDraft } from './scenario-draft';

class FakeWorker implements SimulationWorker {
  readonly received: SimulationRequest[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<SimulationReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(request: SimulationRequest) {
    this.received.push(request);
  }
  terminate() {
    this.terminated = true;
  }
  progress(request: SimulationRequest, done: number) {
    this.onmessage?.({
      data: { runId: request.runId, fidelity: request.fidelity, progress: { done, total: 2, option: 'remote' } },
    } as MessageEvent<SimulationReply>);
  }
  focusReply(request: SimulationRequest, result: OptionResult) {
    this.onmessage?.({
      data: { runId: request.runId, fidelity: request.fidelity, focusResult: result },
    } as MessageEvent<SimulationReply>);
  }
  reply(request: SimulationRequest) {
    const results = { requests: request.requests ?? 0 } as ScenarioResults;
    this.onmessage?.({
      data: { runId: request.runId, fidelity: request.fidelity, ok: true, results, elapsedMs: 1 },
    } as MessageEvent<SimulationReply>);
  }
}

function scenario(requests: number): Scenario {
  const draft = twoTierDraft();
  draft.workload.requests = requests;
  const parsed = validateScenario(draft);
  if (!parsed.ok) throw new Error('fixture invalid');
  return parsed.scenario;
}

function harness() {
  const workers: FakeWorker[] = [];
  const updates: [SimulationUpdate, boolean][] = [];
  const failures: string[] = [];
  const progress: SimulationProgress[] = [];
  const focused: OptionResult[] = [];
  let cancelled = 0;
  const runner = new SimulationRunner(
    () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
    {
      started: () => undefined,
      finished: (update, more) => updates.push([update, more]),
      failed: (message) => failures.push(message),
      progress: (step) => progress.push(step),
      focusPreviewed: (result) => focused.push(result),
      cancelled: () => cancelled++,
    },
  );
  return { runner, workers, updates, failures, progress, focused, cancelled: () => cancelled };
}

describe('the simulation runner', () => {
  test("asks for the shown option first in the preview, and passes on its result only while it is the latest edit's", () => {
    const { runner, workers, updates, focused } = harness();
    runner.run(scenario(20_000), 'remote');
    const [worker] = workers;
    expect(worker.received[0]).toMatchObject({ fidelity: 'preview', focus: 'remote' });
    const remote = { id: 'remote' } as OptionResult;
    worker.focusReply(worker.received[0], remote);
    expect(focused).toEqual([remote]);
    // The focused result is not the run's end: the whole preview and the full run follow.
    expect(updates).toEqual([]);
    expect(worker.received).toHaveLength(1);
    worker.reply(worker.received[0]);
    expect(worker.received[1]).toMatchObject({ fidelity: 'full' });
    expect(worker.received[1].focus).toBeUndefined();

    runner.run(scenario(20_000), 'remote');
    const stale = workers.at(-1)!.received.at(-1)!;
    runner.run(scenario(30_000));
    expect(workers.at(-1)!.received.at(-1)!.focus).toBeUndefined();
    workers.at(-1)!.focusReply({ ...stale, runId: stale.runId }, { id: 'remote' } as OptionResult);
    expect(focused).toHaveLength(1);
  });

  test('runs a preview first, then the full run', () => {
    const { runner, workers, updates } = harness();
    runner.run(scenario(20_000));
    const [worker] = workers;
    expect(worker.received[0]).toMatchObject({ fidelity: 'preview', requests: PREVIEW_REQUESTS });
    worker.reply(worker.received[0]);
    expect(updates.map(([update, more]) => [update.fidelity, more])).toEqual([['preview', true]]);
    expect(worker.received[1]).toMatchObject({ fidelity: 'full' });
    expect(worker.received[1].requests).toBeUndefined();
    worker.reply(worker.received[1]);
    expect(updates.map(([update, more]) => [update.fidelity, more])).toEqual([
      ['preview', true],
      ['full', false],
    ]);
  });

  test('a small scenario runs once, at full fidelity', () => {
    const { runner, workers } = harness();
    runner.run(scenario(500));
    expect(workers[0].received).toEqual([expect.objectContaining({ fidelity: 'full' })]);
  });

  test('a newer edit replaces a busy worker and the stale reply is ignored', () => {
    const { runner, workers, updates } = harness();
    runner.run(scenario(20_000));
    runner.run(scenario(30_000));
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
    workers[0].reply(workers[0].received[0]);
    expect(updates).toEqual([]);
    workers[1].reply(workers[1].received[0]);
    expect(updates).toHaveLength(1);
  });

  test('a worker that dies reports the failure, and the next edit gets a fresh worker', () => {
    const { runner, workers, failures } = harness();
    runner.run(scenario(20_000));
    workers[0].onerror?.({ message: 'out of memory' } as ErrorEvent);
    expect(failures).toEqual(['the simulation worker failed: out of memory']);
    expect(workers[0].terminated).toBe(true);
    runner.run(scenario(20_000));
    expect(workers).toHaveLength(2);
  });

  test("the full run reports its progress per option; the preview's does not", () => {
    const { runner, workers, progress } = harness();
    runner.run(scenario(20_000));
    const [worker] = workers;
    worker.progress(worker.received[0], 1);
    expect(progress).toEqual([]);
    worker.reply(worker.received[0]);
    worker.progress(worker.received[1], 1);
    expect(progress).toEqual([{ done: 1, total: 2, option: 'remote' }]);
  });

  test('cancelling the full run ends its worker and keeps the preview; its late reply is ignored', () => {
    const { runner, workers, updates, cancelled } = harness();
    runner.run(scenario(20_000));
    const [worker] = workers;
    worker.reply(worker.received[0]);
    runner.cancel();
    expect(worker.terminated).toBe(true);
    expect(cancelled()).toBe(1);
    worker.reply(worker.received[1]);
    expect(updates.map(([update]) => update.fidelity)).toEqual(['preview']);
    // Nothing runs: a second cancel does nothing; the next edit starts a fresh worker.
    runner.cancel();
    expect(cancelled()).toBe(1);
    runner.run(scenario(20_000));
    expect(workers).toHaveLength(2);
  });

  test('an edit during a full run is taken by a spare worker that loaded after the preview was answered', () => {
    const { runner, workers, updates } = harness();
    runner.run(scenario(20_000));
    // Nothing loads beside the worker until the edit has its first answer.
    expect(workers).toHaveLength(1);
    workers[0].reply(workers[0].received[0]);
    expect(workers).toHaveLength(2);
    expect(workers[1].received).toEqual([]);
    runner.run(scenario(30_000));
    expect(workers[0].terminated).toBe(true);
    // The spare takes the edit; no worker is started for it.
    expect(workers).toHaveLength(2);
    expect(workers[1].received).toEqual([expect.objectContaining({ fidelity: 'preview' })]);
    workers[1].reply(workers[1].received[0]);
    expect(updates.map(([update]) => update.fidelity)).toEqual(['preview', 'preview']);
    // Its answer given, the next spare loads.
    expect(workers).toHaveLength(3);
    expect(workers[2].received).toEqual([]);
    runner.dispose();
    expect(workers.map((worker) => worker.terminated)).toEqual([true, true, true]);
  });

  test('a spare that fails to load is dropped, and the next replacement loads a fresh worker', () => {
    const { runner, workers, failures } = harness();
    runner.run(scenario(20_000));
    workers[0].reply(workers[0].received[0]);
    const spare = workers[1];
    spare.onerror?.({ message: 'syntax error' } as ErrorEvent);
    expect(spare.terminated).toBe(true);
    // A spare's failure is no run's: nothing is reported.
    expect(failures).toEqual([]);
    runner.run(scenario(30_000));
    expect(spare.received).toEqual([]);
    expect(workers.at(-1)!.received).toEqual([expect.objectContaining({ fidelity: 'preview' })]);
  });
});
