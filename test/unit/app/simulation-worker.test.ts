// The simulation worker's warm-up (app/simulation/simulation.worker.ts), run in Node with a fake
// worker scope: it simulates the shown option a few times, answers nothing, and gives way to an edit.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { SimulationReply, SimulationRequest } from '../../../app/simulation/protocol';
import { PREVIEW_REQUESTS } from '../../../app/simulation/simulation-runner';
import { evaluateScenario } from '../../../simulator/evaluate/evaluate-scenario';
import { validateScenario } from '../../../simulator/scenario/load';
import type { Scenario } from '../../../simulator/scenario/schema';
import { twoTierDraft } from './scenario-draft';

vi.mock('../../../simulator/evaluate/evaluate-scenario', async (original) => {
  const actual = await original<typeof import('../../../simulator/evaluate/evaluate-scenario')>();
  return { ...actual, evaluateScenario: vi.fn(actual.evaluateScenario) };
});

const evaluated = vi.mocked(evaluateScenario);

function scenario(): Scenario {
  const parsed = validateScenario(twoTierDraft());
  if (!parsed.ok) throw new Error('fixture invalid');
  return parsed.scenario;
}

/** A fresh copy of the worker module, with the scope it talks through. */
async function loadWorker() {
  const replies: SimulationReply[] = [];
  const scope = {
    onmessage: null as ((event: MessageEvent<SimulationRequest>) => void) | null,
    postMessage: (reply: SimulationReply) => replies.push(reply),
  };
  vi.stubGlobal('self', scope);
  vi.resetModules();
  await import('../../../app/simulation/simulation.worker');
  const send = (request: SimulationRequest) => scope.onmessage!({ data: request } as MessageEvent<SimulationRequest>);
  return { replies, send };
}

beforeEach(() => {
  vi.useFakeTimers();
  evaluated.mockClear();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the simulation worker', () => {
  test('warms up on the shown option in several runs at preview fidelity, each a task of its own, and answers nothing', async () => {
    const { replies, send } = await loadWorker();
    send({ runId: 1, fidelity: 'preview', scenario: scenario(), focus: 'remote', warmUp: true });
    // Nothing runs in the message's own task: an edit already queued behind it goes first.
    expect(evaluated).not.toHaveBeenCalled();
    vi.advanceTimersToNextTimer();
    expect(evaluated).toHaveBeenCalledTimes(1);
    await vi.runAllTimersAsync();
    expect(evaluated.mock.calls.length).toBeGreaterThan(1);
    for (const [, settings] of evaluated.mock.calls) {
      expect(settings).toMatchObject({ fidelity: 'preview', options: ['remote'] });
      expect(settings!.requests).toBe(PREVIEW_REQUESTS);
    }
    expect(replies).toEqual([]);
  });

  test('without a shown option it warms up on the first, and an edit ends the warm-up', async () => {
    const { replies, send } = await loadWorker();
    send({ runId: 1, fidelity: 'preview', scenario: scenario(), warmUp: true });
    vi.advanceTimersToNextTimer();
    expect(evaluated.mock.calls.map(([, settings]) => settings!.options)).toEqual([['local']]);
    send({ runId: 2, fidelity: 'preview', scenario: scenario(), requests: 500 });
    expect(replies.at(-1)).toMatchObject({ runId: 2, fidelity: 'preview', ok: true });
    const callsForTheEdit = evaluated.mock.calls.length;
    await vi.runAllTimersAsync();
    // The warm-up's next run never comes: the edit's work has warmed the worker.
    expect(evaluated).toHaveBeenCalledTimes(callsForTheEdit);
  });
});
