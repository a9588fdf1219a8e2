import { afterEach, describe, expect, test, vi } from 'vitest';
import type { SimulationProgress, SimulationReply, SimulationRequest } from '../../../app/simulation/protocol';
import {
  PREVIEW_REQUESTS,
  SimulationRunner,
  startAfterNextFrame,
  type SimulationWorker,
} from '../../../app/simulation/simulation-runner';
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

function harness(afterDrawn?: (start: () => void) => void) {
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
    afterDrawn,
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
    worker.reply(worker.received[0]);
    const full = workers[1].received[0];
    expect(full).toMatchObject({ fidelity: 'full' });
    expect(full.focus).toBeUndefined();

    runner.run(scenario(20_000), 'remote');
    const stale = worker.received.at(-1)!;
    runner.run(scenario(30_000));
    expect(worker.received.at(-1)!.focus).toBeUndefined();
    worker.focusReply(stale, { id: 'remote' } as OptionResult);
    expect(focused).toHaveLength(1);
  });

  test('runs a preview first, then the full run in a worker of its own', () => {
    const { runner, workers, updates } = harness();
    runner.run(scenario(20_000));
    const [preview] = workers;
    expect(preview.received[0]).toMatchObject({ fidelity: 'preview', requests: PREVIEW_REQUESTS });
    // The full run's worker loads only once the preview has been answered.
    expect(workers).toHaveLength(1);
    preview.reply(preview.received[0]);
    expect(updates.map(([update, more]) => [update.fidelity, more])).toEqual([['preview', true]]);
    expect(preview.received).toHaveLength(1);
    const full = workers[1];
    expect(full.received[0]).toMatchObject({ fidelity: 'full' });
    expect(full.received[0].requests).toBeUndefined();
    full.reply(full.received[0]);
    expect(updates.map(([update, more]) => [update.fidelity, more])).toEqual([
      ['preview', true],
      ['full', false],
    ]);
    // The next edit reuses both workers, its preview going to the one that ran last.
    runner.run(scenario(30_000));
    expect(full.received[1]).toMatchObject({ fidelity: 'preview' });
    full.reply(full.received[1]);
    expect(preview.received[1]).toMatchObject({ fidelity: 'full' });
    expect(workers).toHaveLength(2);
    // An edit while that preview is still going goes to the same worker.
    runner.run(scenario(40_000));
    runner.run(scenario(50_000));
    expect(full.received.slice(2).map((request) => request.fidelity)).toEqual(['preview', 'preview']);
  });

  test('waits for the preview to be drawn before the full run, which a newer edit or Cancel in between drops', () => {
    const drawn: (() => void)[] = [];
    const { runner, workers, cancelled } = harness((start) => drawn.push(start));
    runner.run(scenario(20_000));
    workers[0].reply(workers[0].received[0]);
    // Answered but not yet drawn: no full run, not even its worker.
    expect(workers).toHaveLength(1);
    drawn.shift()!();
    expect(workers[1].received).toEqual([expect.objectContaining({ fidelity: 'full' })]);
    workers[1].reply(workers[1].received[0]);

    // A newer edit before the frame: the older full run never starts; the newer one does.
    runner.run(scenario(30_000));
    // The worker that was sent the latest request previews it.
    const previewing = () => workers.find((worker) => worker.received.at(-1)?.runId === lastRunId())!;
    const lastRunId = () => Math.max(...workers.flatMap((worker) => worker.received.map((request) => request.runId)));
    let preview = previewing();
    expect(preview.received.at(-1)).toMatchObject({ fidelity: 'preview' });
    preview.reply(preview.received.at(-1)!);
    runner.run(scenario(40_000));
    const posted = () => workers.flatMap((worker) => worker.received).filter((request) => request.fidelity === 'full');
    const before = posted().length;
    // The newer edit's preview is answered before the older edit's frame comes.
    preview = previewing();
    preview.reply(preview.received.at(-1)!);
    drawn.shift()!();
    expect(posted()).toHaveLength(before);
    drawn.shift()!();
    expect(posted()).toHaveLength(before + 1);
    expect(posted().at(-1)!.scenario.workload.requests).toBe(40_000);

    // Cancel before the frame: the preview stays, no full run starts, and Cancel is reported.
    runner.run(scenario(50_000));
    preview = previewing();
    preview.reply(preview.received.at(-1)!);
    runner.cancel();
    expect(cancelled()).toBe(1);
    const afterCancel = posted().length;
    drawn.shift()!();
    expect(posted()).toHaveLength(afterCancel);
  });

  test('a small scenario runs once, at full fidelity', () => {
    const { runner, workers } = harness();
    runner.run(scenario(500));
    expect(workers[0].received).toEqual([expect.objectContaining({ fidelity: 'full' })]);
    workers[0].reply(workers[0].received[0]);
    expect(workers).toHaveLength(1);
  });

  test('a newer edit during a preview goes to the same warm worker, and the stale reply is ignored', () => {
    const { runner, workers, updates } = harness();
    runner.run(scenario(20_000));
    runner.run(scenario(30_000));
    const [preview] = workers;
    expect(preview.terminated).toBe(false);
    expect(workers).toHaveLength(1);
    preview.reply(preview.received[0]);
    expect(updates).toEqual([]);
    // No full run of the superseded edit either.
    expect(workers).toHaveLength(1);
    preview.reply(preview.received[1]);
    expect(updates).toHaveLength(1);
    expect(workers[1].received).toEqual([
      expect.objectContaining({ runId: preview.received[1].runId, fidelity: 'full' }),
    ]);
  });

  test('a newer edit during a full run ends its worker; the preview worker answers, then a fresh worker runs in full', () => {
    const { runner, workers, updates } = harness();
    runner.run(scenario(20_000));
    const [preview] = workers;
    preview.reply(preview.received[0]);
    const [, full] = workers;
    runner.run(scenario(30_000));
    expect(full.terminated).toBe(true);
    expect(preview.terminated).toBe(false);
    expect(preview.received[1]).toMatchObject({ fidelity: 'preview' });
    // Nothing loads beside the preview worker until the edit has its first answer.
    expect(workers).toHaveLength(2);
    full.reply(full.received[0]);
    expect(updates.map(([update]) => update.fidelity)).toEqual(['preview']);
    preview.reply(preview.received[1]);
    expect(updates.map(([update]) => update.fidelity)).toEqual(['preview', 'preview']);
    expect(workers).toHaveLength(3);
    expect(workers[2].received).toEqual([expect.objectContaining({ fidelity: 'full' })]);
    runner.dispose();
    expect(workers.map((worker) => worker.terminated)).toEqual([true, true, true]);
  });

  test('a worker that dies reports the failure, and the next edit gets a fresh worker', () => {
    const { runner, workers, failures } = harness();
    runner.run(scenario(20_000));
    workers[0].onerror?.({ message: 'out of memory' } as ErrorEvent);
    expect(failures).toEqual(['the simulation worker failed: out of memory']);
    expect(workers[0].terminated).toBe(true);
    runner.run(scenario(20_000));
    expect(workers).toHaveLength(2);
    expect(workers[1].received).toEqual([expect.objectContaining({ fidelity: 'preview' })]);
  });

  test("a full run's worker that dies reports the failure; one that dies after its run was superseded does not", () => {
    const { runner, workers, failures } = harness();
    runner.run(scenario(20_000));
    workers[0].reply(workers[0].received[0]);
    workers[1].onerror?.({ message: 'out of memory' } as ErrorEvent);
    expect(failures).toEqual(['the simulation worker failed: out of memory']);
    runner.run(scenario(30_000));
    workers[0].reply(workers[0].received[1]);
    runner.run(scenario(40_000));
    workers[0].reply(workers[0].received[2]);
    // Ended by the edit: whatever it says now is about a run no one waits for, and its successor stays.
    workers[2].onerror?.({ message: 'terminated' } as ErrorEvent);
    expect(failures).toHaveLength(1);
    runner.cancel();
    expect(workers[3].terminated).toBe(true);
  });

  test("the full run reports its progress per option; the preview's does not", () => {
    const { runner, workers, progress } = harness();
    runner.run(scenario(20_000));
    const [preview] = workers;
    preview.progress(preview.received[0], 1);
    expect(progress).toEqual([]);
    preview.reply(preview.received[0]);
    const full = workers[1];
    full.progress(full.received[0], 1);
    expect(progress).toEqual([{ done: 1, total: 2, option: 'remote' }]);
  });

  test('cancelling the full run ends its worker and keeps the preview; its late reply is ignored', () => {
    const { runner, workers, updates, cancelled } = harness();
    runner.run(scenario(20_000));
    workers[0].reply(workers[0].received[0]);
    const full = workers[1];
    runner.cancel();
    expect(full.terminated).toBe(true);
    expect(workers[0].terminated).toBe(false);
    expect(cancelled()).toBe(1);
    full.reply(full.received[0]);
    expect(updates.map(([update]) => update.fidelity)).toEqual(['preview']);
    // Nothing runs: a second cancel does nothing; the next edit's full run starts a fresh worker.
    runner.cancel();
    expect(cancelled()).toBe(1);
    runner.run(scenario(20_000));
    workers[0].reply(workers[0].received[1]);
    expect(workers).toHaveLength(3);
  });

  test('a stopped run passes nothing on, and its full run is ended', () => {
    const { runner, workers, updates } = harness();
    runner.run(scenario(20_000));
    workers[0].reply(workers[0].received[0]);
    runner.stop();
    expect(workers[1].terminated).toBe(true);
    workers[1].reply(workers[1].received[0]);
    runner.run(scenario(20_000));
    runner.stop();
    workers[0].reply(workers[0].received[1]);
    expect(updates.map(([update]) => update.fidelity)).toEqual(['preview']);
    expect(workers).toHaveLength(2);
  });
});

describe('starting after the next frame', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  test('starts once, in a task after the frame, and not again when the fallback time passes', () => {
    vi.useFakeTimers();
    let frame: (() => void) | undefined;
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => (frame = callback));
    let starts = 0;
    startAfterNextFrame(() => starts++);
    expect(starts).toBe(0);
    frame!();
    expect(starts).toBe(0);
    vi.advanceTimersByTime(0);
    expect(starts).toBe(1);
    vi.advanceTimersByTime(1000);
    expect(starts).toBe(1);
  });

  test('starts after 100 ms where no frame comes (a hidden window), and not again at a late frame', () => {
    vi.useFakeTimers();
    let frame: (() => void) | undefined;
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => (frame = callback));
    let starts = 0;
    startAfterNextFrame(() => starts++);
    vi.advanceTimersByTime(99);
    expect(starts).toBe(0);
    vi.advanceTimersByTime(1);
    expect(starts).toBe(1);
    frame!();
    vi.advanceTimersByTime(10);
    expect(starts).toBe(1);
  });
});
