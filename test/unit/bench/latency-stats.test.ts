import { describe, expect, it } from 'vitest';
import { quantileSorted, summarizeLatencies } from '../../../bench/stats/latency-stats';
import { judgeStability } from '../../../bench/stats/stability';

describe('summarizeLatencies', () => {
  // Ten samples, unsorted. Sorted: 1 2 3 4 5 6 7 8 9 100. Type-7 quantile position = (n-1)q:
  // p50 at 4.5 -> (5+6)/2 = 5.5; p90 at 8.1 -> 9 + 0.1*(100-9) = 18.1; p95 at 8.55 -> 9 + 0.55*91 = 59.05;
  // p99 at 8.91 -> 9 + 0.91*91 = 91.81. Mean 145/10 = 14.5.
  const samples = [7, 3, 100, 1, 9, 5, 2, 8, 4, 6];

  it('gives the hand-computed percentiles, mean, min and max', () => {
    const summary = summarizeLatencies(samples);
    expect(summary.min).toBe(1);
    expect(summary.max).toBe(100);
    expect(summary.mean).toBeCloseTo(14.5, 12);
    expect(summary.p50).toBeCloseTo(5.5, 12);
    expect(summary.p90).toBeCloseTo(18.1, 12);
    expect(summary.p95).toBeCloseTo(59.05, 12);
    expect(summary.p99).toBeCloseTo(91.81, 12);
  });

  it('uses the sample standard deviation (n - 1)', () => {
    // Σx² = 1+4+9+16+25+36+49+64+81+10000 = 10285 and n·mean² = 10 x 210.25 = 2102.5,
    // so Σ(x - mean)² = 8182.5 and sd = sqrt(8182.5 / 9).
    expect(summarizeLatencies(samples).sd).toBeCloseTo(Math.sqrt(8182.5 / 9), 12);
  });

  it('reports a single sample as itself with no spread', () => {
    expect(summarizeLatencies([4.2])).toMatchObject({ min: 4.2, p50: 4.2, p99: 4.2, max: 4.2, sd: 0 });
  });

  it('interpolates between order statistics', () => {
    expect(quantileSorted([10, 20], 0.25)).toBeCloseTo(12.5, 12);
    expect(quantileSorted([10, 20, 30], 0.5)).toBe(20);
  });
});

describe('judgeStability', () => {
  it('calls steady windows stable and lists their medians', () => {
    const steady = Array.from({ length: 50 }, (_, i) => 10 + (i % 3) * 0.1);
    const verdict = judgeStability(steady);
    expect(verdict.stable).toBe(true);
    expect(verdict.windows_p50_ms).toHaveLength(5);
  });

  it('flags windows whose medians differ by more than 10% and says how much', () => {
    const drifting = [...Array(20).fill(10), ...Array(20).fill(10.5), ...Array(10).fill(12)];
    const verdict = judgeStability(drifting);
    expect(verdict.stable).toBe(false);
    expect(verdict.windows_p50_ms).toEqual([10, 10, 10.5, 10.5, 12]);
    expect(verdict.spread).toBeCloseTo(0.2, 12);
    expect(verdict.reason).toContain('20% apart');
  });

  it('accepts a spread of exactly 10%', () => {
    const edge = [...Array(25).fill(10), ...Array(25).fill(11)];
    expect(judgeStability(edge).stable).toBe(true);
  });

  it('does not judge a sample too small to cut into windows', () => {
    const verdict = judgeStability([1, 50, 3, 9, 2]);
    expect(verdict.stable).toBe(true);
    expect(verdict.reason).toContain('too few iterations (5)');
  });
});
