// `placewise capacity` as a user runs it: the JSON contract, and bad input as exit 2.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCliFirst, placewise, root, scratchFile } from '../support/placewise-cli';
import type { CapacitySweep } from '../../../simulator';

const ar = join(root, 'scenarios', 'ar-translation.yaml');

buildCliFirst();

describe('placewise capacity', () => {
  it("sweeps the decision's busiest shared component and prints the sweep as JSON", () => {
    const { code, stdout } = placewise('capacity', ar, '--json', '--points', '5', '--requests', '1000');
    expect(code).toBe(0);
    const sweep = JSON.parse(stdout) as CapacitySweep;
    expect(sweep).toMatchObject({ component: 'cloud', option: 'hybrid-cached', budget: { latency_ms: { p95: 1500 } } });
    expect(sweep.points).toHaveLength(5);
    for (const point of sweep.points) {
      expect(Object.keys(point)).toEqual(expect.arrayContaining(['rps', 'replicas', 'p95_ms', 'monthly_usd']));
      expect(point.p95_ms).toBeLessThanOrEqual(1500);
    }
    // More load never needs fewer replicas, and the sweep goes past the 8 replicas the scenario has.
    const replicas = sweep.points.map((point) => point.replicas!);
    expect([...replicas].sort((a, b) => a - b)).toEqual(replicas);
    expect(replicas.at(-1)).toBeGreaterThan(8);
    expect(sweep.serverless.note).toMatch(/AWS Lambda/);
  });

  it('exits 2 for a per-user or unknown component', () => {
    const perUser = placewise('capacity', ar, '--component', 'glasses');
    expect(perUser.code).toBe(2);
    expect(perUser.stderr).toMatch(/'glasses' is per-user/);
    const unknown = placewise('capacity', ar, '--component', 'gpu');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown component 'gpu' \(known: glasses, phone, cloud, ocr-pool\)/);
  });

  it('exits 2 when no replica count meets the budget, showing the best reachable', () => {
    // Bluetooth and LTE alone take longer than 150 ms at the 95th percentile.
    const file = scratchFile(
      'tight.yaml',
      readFileSync(ar, 'utf8').replace('latency_ms: { p95: 1500 }', 'latency_ms: { p95: 150 }'),
    );
    const { code, stdout, stderr } = placewise('capacity', file, '--points', '3', '--requests', '1000');
    expect(code).toBe(2);
    expect(stdout).toMatch(/\(best\)/);
    expect(stderr).toMatch(/no replica count of cloud meets the latency budget .* the best reachable p95 is \d+ ms/);
  });
});
