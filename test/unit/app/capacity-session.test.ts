import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { CapacitySession, type CapacityWorker } from '../../../app/capacity-session';
import type { CapacityReply } from '../../../app/simulation/capacity-protocol';
import { createPlacewiseStore } from '../../../app/store/store';
import type { CapacitySweep } from '../../../simulator/capacity/index';
import { twoTierDraft } from './scenario-draft';

class FakeCapacityWorker implements CapacityWorker {
  received: unknown[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<CapacityReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(request: unknown) {
    this.received.push(request);
  }
  terminate() {
    this.terminated = true;
  }
  reply(data: CapacityReply) {
    this.onmessage?.({ data } as MessageEvent<CapacityReply>);
  }
}

function harness() {
  const store = createPlacewiseStore();
  store.getState().loadScenarioText('/s.yaml', stringify(twoTierDraft()));
  const workers: FakeCapacityWorker[] = [];
  const session = new CapacitySession(store, () => {
    const worker = new FakeCapacityWorker();
    workers.push(worker);
    return worker;
  });
  return { store, session, workers };
}

describe('capacity sweeps', () => {
  test('report progress, then the sweep, and end their worker', () => {
    const { store, session, workers } = harness();
    session.run({ component: 'cloud' });
    expect(workers[0].received[0]).toMatchObject({ component: 'cloud', scenario: { name: 'Two tier' } });
    workers[0].reply({ kind: 'progress', done: 3, total: 20 });
    expect(store.getState().capacityRun).toEqual({ state: 'running', done: 3, total: 20 });
    const sweep = { component: 'cloud' } as CapacitySweep;
    workers[0].reply({ kind: 'done', sweep });
    expect(store.getState().capacityRun).toEqual({ state: 'done', sweep });
    expect(workers[0].terminated).toBe(true);
  });

  test('a new sweep ends the running one, whose late replies are ignored', () => {
    const { store, session, workers } = harness();
    session.run({});
    session.run({});
    expect(workers[0].terminated).toBe(true);
    workers[0].reply({ kind: 'failed', message: 'stale' });
    expect(store.getState().capacityRun).toEqual({ state: 'running', done: 0, total: 1 });
  });

  test('a worker that dies is reported as a failed sweep', () => {
    const { store, session, workers } = harness();
    session.run({});
    workers[0].onerror?.({ message: 'boom' } as ErrorEvent);
    expect(store.getState().capacityRun).toEqual({ state: 'failed', message: 'the capacity worker failed: boom' });
  });
});
