import { describe, expect, it } from 'vitest';
import { slowerBatchHints } from '../../../bench/report/batching-hints';
import { benchResult, piReport } from './report-fixture';

describe('slowerBatchHints', () => {
  const sweep = [
    benchResult({ threads: 1, batch: 1, samples_per_s: 300 }),
    benchResult({ threads: 1, batch: 4, samples_per_s: 320 }),
    benchResult({ threads: 1, batch: 8, samples_per_s: 150 }),
    benchResult({ threads: 2, batch: 8, samples_per_s: 200 }),
  ];

  it('names each offline batch above 1 that served fewer samples per second than batch 1 at its threads', () => {
    expect(slowerBatchHints({ ...piReport(sweep), mode: 'offline' })).toEqual([
      "threads 1, batch 8: 150 samples/s, fewer than batch 1's 300: batching does not pay for this model here",
    ]);
  });

  it('says nothing outside offline mode', () => {
    expect(slowerBatchHints({ ...piReport(sweep), mode: 'single-stream' })).toEqual([]);
  });
});
