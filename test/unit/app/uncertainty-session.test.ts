import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { setField } from '../../../app/editing/edits';
import { PlacewiseSession } from '../../../app/session';
import type { SimulationWorker } from '../../../app/simulation/simulation-runner';
import type { UncertaintyReply } from '../../../app/simulation/uncertainty-protocol';
import { createPlacewiseStore } from '../../../app/store/store';
import type { UncertaintyWorker } from '../../../app/uncertainty-session';
import { MONTE_CARLO_REQUESTS } from '../../../simulator/uncertainty/index';
import type { PlacewiseApi } from '../../../electron/api/contract';
import type { MonteCarloReport } from '../../../simulator/uncertainty/index';
import { twoTierDraft } from './scenario-draft';

class FakeUncertaintyWorker implements UncertaintyWorker {
  received: unknown[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<UncertaintyReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(request: unknown) {
    this.received.push(request);
  }
  terminate() {
    this.terminated = true;
  }
  reply(data: UncertaintyReply) {
    this.onmessage?.({ data } as MessageEvent<UncertaintyReply>);
  }
}

const idleWorker = (): SimulationWorker => ({
  postMessage: () => undefined,
  terminate: () => undefined,
  onmessage: null,
  onerror: null,
});

async function harness() {
  const draft = twoTierDraft();
  draft.seed = 11;
  (draft.links as { mbps: unknown }[])[0].mbps = { range: [5, 15] };
  const api = {
    hostInfo: async () => ({ transport: 'http', startScenarioPath: '/s.yaml', nativeDialogs: false, version: 't' }),
    openScenario: async (path: string) => ({ ok: true, file: { path, text: stringify(draft) } }),
    readRecovery: async () => null,
    writeRecovery: async () => undefined,
    clearRecovery: async () => undefined,
  } as unknown as PlacewiseApi;
  const workers: FakeUncertaintyWorker[] = [];
  const session = new PlacewiseSession(api, createPlacewiseStore(), idleWorker, undefined, () => {
    const worker = new FakeUncertaintyWorker();
    workers.push(worker);
    return worker;
  });
  await session.start();
  return { session, workers, state: () => session.store.getState() };
}

describe('Monte Carlo studies from the app', () => {
  test("sample the draft as written with the scenario's seed, then report and end their worker", async () => {
    const { session, workers, state } = await harness();
    session.uncertainty.run({ samples: 20 });
    expect(workers[0].received[0]).toMatchObject({
      uncertain: { input: { links: [{ mbps: { range: [5, 15] } }] }, parameters: [{ name: 'links[0].mbps' }] },
      settings: { samples: 20, seed: 11, requests: MONTE_CARLO_REQUESTS },
    });
    workers[0].reply({ kind: 'progress', done: 5, total: 23 });
    expect(state().uncertaintyRun).toEqual({ state: 'running', done: 5, total: 23, samples: 20 });
    const report = { monte_carlo: { samples: 20 } } as MonteCarloReport;
    workers[0].reply({ kind: 'done', report });
    expect(state().uncertaintyRun).toEqual({ state: 'done', report });
    expect(workers[0].terminated).toBe(true);
  });

  test('an edit during a study ends it; its late replies are ignored', async () => {
    const { session, workers, state } = await harness();
    session.uncertainty.run({ samples: 20 });
    state().edit((draft) => setField(draft, ['workload', 'users'], 20));
    expect(workers[0].terminated).toBe(true);
    expect(state().uncertaintyRun).toBeNull();
    workers[0].reply({ kind: 'done', report: {} as MonteCarloReport });
    expect(state().uncertaintyRun).toBeNull();
  });

  test('a cancel ends the study, and a worker that dies is reported', async () => {
    const { session, workers, state } = await harness();
    session.uncertainty.run({ samples: 20 });
    session.uncertainty.cancel();
    expect(workers[0].terminated).toBe(true);
    expect(state().uncertaintyRun).toBeNull();
    session.uncertainty.run({ samples: 20 });
    workers[1].onerror?.({ message: 'boom' } as ErrorEvent);
    expect(state().uncertaintyRun).toEqual({ state: 'failed', message: 'the Monte Carlo worker failed: boom' });
  });
});
