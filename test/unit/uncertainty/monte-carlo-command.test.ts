// `placewise run --monte-carlo` as a user runs it: worker threads and the host's own, JSON shape,
// reproducibility whatever the number of threads, and a draw that breaks the scenario as bad input.
import { describe, expect, it } from 'vitest';
import { buildCliFirst, placewise, placewiseWith, scratchFile } from '../support/placewise-cli';
import type { MonteCarloReport, ScenarioResults } from '../../../simulator';
import { UNCERTAIN_STATION } from './uncertain-station';

buildCliFirst();

describe('placewise run --monte-carlo', () => {
  const station = scratchFile('station.yaml', UNCERTAIN_STATION);

  it('prints the results with the Monte Carlo study and the tornado, the same on one, two or three threads', () => {
    const args = ['run', station, '--json', '--monte-carlo', '8', '--seed', '4', '--requests', '200'];
    // A fixed time (SOURCE_DATE_EPOCH) makes the whole output comparable byte for byte.
    const epoch = { SOURCE_DATE_EPOCH: '1764374400' };
    const two = placewiseWith(epoch, ...args, '--workers', '2');
    const one = placewiseWith(epoch, ...args, '--workers', '1');
    const three = placewiseWith(epoch, ...args, '--workers', '3');
    expect(two.code).toBe(0);
    expect(one.stdout).toBe(two.stdout);
    expect(three.stdout).toBe(two.stdout);
    const report = JSON.parse(two.stdout) as ScenarioResults & MonteCarloReport;
    expect(report.options.map((option) => option.id)).toEqual(['only']);
    expect(report.monte_carlo).toMatchObject({ samples: 8, seed: 4, requests_per_sample: 200 });
    expect(Object.keys(report.monte_carlo.options[0].metrics['latency_ms.p95'])).toEqual(['p5', 'p50', 'p95', 'mean']);
    expect(Object.keys(report.monte_carlo.options[0].pass_probability)).toEqual(['latency_ms.p95', 'monthly_usd']);
    expect(report.sensitivity[0]).toMatchObject({ option: 'only', metric: 'latency_ms.p95', rank: 1 });
  });

  it('exits 2 naming the field and the draw when a drawn value breaks the scenario', () => {
    // Active hours a day may not exceed 24: the nominal 21 loads, a third of the draws do not.
    const file = scratchFile(
      'too-wide.yaml',
      UNCERTAIN_STATION.replace('per_user_rps: 20', 'per_user_rps: 20\n  hours_per_day: { range: [12, 30] }'),
    );
    const { code, stderr } = placewise('run', file, '--monte-carlo', '30', '--requests', '50', '--workers', '1');
    expect(code).toBe(2);
    expect(stderr).toContain('workload.hours_per_day: must be at most 24');
    expect(stderr).toMatch(/narrow the uncertain values/);
  });
});
