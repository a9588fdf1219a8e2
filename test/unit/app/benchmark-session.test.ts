// "Use in scenario" in the renderer: what it sends the host, and what the view is left to show
// when the host applies the measurement (with warnings) or refuses it.
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { BenchmarkSession } from '../../../app/benchmark-session';
import { createPlacewiseStore } from '../../../app/store/store';
import type {
  ApplyBenchmarkRequest,
  ApplyBenchmarkResult,
  BenchReport,
  PlacewiseApi,
} from '../../../electron/api/contract';
import { twoTierDraft } from './scenario-draft';

const MEASURED = stringify({
  ...twoTierDraft(),
  models: [{ id: 'detector', size_mb: 12, gflop: 2, latency_ms: { p50: 5, p95: 6, on: 'raspberry-pi-5' } }],
});

function sessionAnswering(result: ApplyBenchmarkResult) {
  const requests: ApplyBenchmarkRequest[] = [];
  const api = {
    applyBenchmark: async (request: ApplyBenchmarkRequest) => {
      requests.push(request);
      return result;
    },
  } as unknown as PlacewiseApi;
  const store = createPlacewiseStore();
  store.getState().loadScenarioText('/work/door/door.yaml', stringify(twoTierDraft()));
  const job = {
    id: 'job-1',
    model: 'bundled:silero-vad',
    status: { state: 'done' as const, report: {} as BenchReport },
  };
  store.getState().setBenchJob(job);
  return { session: new BenchmarkSession(api, store), state: () => store.getState(), requests, job };
}

describe('using a measurement in the scenario', () => {
  test('sends where the scenario is saved, applies the text, and keeps the warnings for the view', async () => {
    const { session, state, requests } = sessionAnswering({
      ok: true,
      text: MEASURED,
      warnings: ['the run was unstable'],
    });
    await session.apply('detector');
    expect(requests[0]).toMatchObject({ jobId: 'job-1', modelId: 'detector', scenarioPath: '/work/door/door.yaml' });
    expect(state().draft?.models?.[0]).toMatchObject({ latency_ms: { p50: 5, p95: 6, on: 'raspberry-pi-5' } });
    expect(state().benchApplyOutcome).toEqual({
      kind: 'applied',
      modelId: 'detector',
      warnings: ['the run was unstable'],
    });
  });

  test('a refusal leaves the scenario as it was and says why', async () => {
    const message = 'door.yaml: models[0].file is bundled:paddleocr-det (…), but the results are of silero_vad.onnx';
    const { session, state } = sessionAnswering({ ok: false, message });
    const before = state().draft;
    await session.apply('detector');
    expect(state().draft).toBe(before);
    expect(state().benchApplyOutcome).toEqual({ kind: 'refused', modelId: 'detector', message });
  });

  test('polling the same job keeps the outcome; another job clears it', async () => {
    const { session, state, job } = sessionAnswering({ ok: true, text: MEASURED, warnings: [] });
    await session.apply('detector');
    state().setBenchJob({ ...job });
    expect(state().benchApplyOutcome?.kind).toBe('applied');
    state().setBenchJob({ ...job, id: 'job-2' });
    expect(state().benchApplyOutcome).toBeNull();
  });
});
