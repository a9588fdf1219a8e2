// Projection of a measured split onto a device, a link and a server, against hand calculations
// from the built-in tables (hardware-library.ts, link-technologies.ts).
import { describe, expect, it } from 'vitest';
import type { SplitMeasurement } from '../../../bench/split/measure-split';
import { projectSplit, splitTargetProblem } from '../../../bench/split/project-split';

const cut = (position: number, head_share: number, bytes: number) => ({
  position,
  after: position === 0 ? null : { name: `n${position}`, op: 'Conv' },
  crossing: bytes > 0 ? [{ name: `t${position}`, type: 'float', shape: [bytes / 4], bytes }] : [],
  bytes,
  head_share,
  weight_bytes: { head: 0, tail: 0 },
});

const MEASURED: SplitMeasurement = {
  model: { file: 'm.onnx', sha256: 'abc', size_mb: 1, gflop: 3 },
  shape: { x: [1, 3, 100, 500] },
  threads: 2,
  p50_ms: 100,
  machine_gflops: 30,
  calibrated: true,
  timed_runs: 10,
  nodes: 8,
  cuts: [cut(0, 0, 600_000), cut(4, 0.5, 30_000), cut(8, 1, 0)],
  unsized_cuts: 0,
  weight_bytes: 0,
};

describe('projectSplit of a memory-bound model', () => {
  // The head reads 4 GB of weights: on phone-midrange (51.2 GB/s) 78.125 ms, longer than its
  // 0.5 x 100 ms x 30 / 40 = 37.5 ms of arithmetic; the tail reads nothing and stays
  // 0.5 x 100 ms x 30 / 30 = 50 ms on a server executor.
  const heavy = {
    ...MEASURED,
    cuts: [{ ...cut(4, 0.5, 30_000), weight_bytes: { head: 4e9, tail: 0 } }],
  };
  const [row] = projectSplit(heavy, { device: 'phone-midrange', server: 'aws-c7i-xlarge', link: 'bluetooth' }).cuts;

  it("takes the device's memory time where the head's weights take longer to read than to compute", () => {
    expect(row.device_ms).toBe(78.125);
    expect(row.server_ms).toBe(50);
  });
});

describe('projectSplit', () => {
  // phone-midrange: 40 GFLOPS, power 0.6 W idle, 4.5 W active. aws-c7i-xlarge: 120 GFLOPS over
  // 4 cores, 30 per executor. bluetooth: 3 Mbit/s, latency uniform 40-200 ms (mean 120), 0.15 J/MB.
  const analysis = projectSplit(MEASURED, { device: 'phone-midrange', server: 'aws-c7i-xlarge', link: 'bluetooth' });

  it('projects each half by the gflops ratio and adds the transfer of the crossing bytes', () => {
    const figures = analysis.cuts.map(({ device_ms, transfer_ms, server_ms, latency_ms }) => ({
      device_ms,
      transfer_ms,
      server_ms,
      latency_ms,
    }));
    expect(figures).toEqual([
      // 600 kB at 3 Mbit/s is 1600 ms, plus 120 ms latency; 100 ms x 30 / 30 on the server.
      { device_ms: 0, transfer_ms: 1720, server_ms: 100, latency_ms: 1820 },
      // half of 100 ms x 30 / 40 on the phone; 30 kB is 80 ms; half x 30 / 30 on the server.
      { device_ms: 37.5, transfer_ms: 200, server_ms: 50, latency_ms: 287.5 },
      // all on the phone: nothing crosses.
      { device_ms: 75, transfer_ms: 0, server_ms: 0, latency_ms: 75 },
    ]);
    expect(analysis.server.executor_gflops).toBe(30);
    expect(analysis.link).toEqual({ tech: 'bluetooth', mbps: 3, latency_ms: 120, energy_j_per_mb: 0.15 });
  });

  it("gives the device's energy above idle, compute and radio, and names the best cuts", () => {
    // (4.5 - 0.6) W x device seconds + 0.15 J per MB sent.
    expect(analysis.cuts.map((row) => row.device_energy_j)).toEqual([0.09, 0.15075, 0.2925]);
    expect(analysis.best).toEqual({ latency: 8, energy: 0 });
    expect(analysis.all_device).toBe(8);
    expect(analysis.all_server).toBe(0);
    expect(analysis.notes).toEqual([]);
  });

  it("takes --mbps over the technology's rate", () => {
    const faster = projectSplit(MEASURED, {
      device: 'phone-midrange',
      server: 'aws-c7i-xlarge',
      link: 'bluetooth',
      mbps: 30,
    });
    expect(faster.cuts[1].transfer_ms).toBe(128);
    expect(faster.link.mbps).toBe(30);
  });

  it('says so when the device has no power figures, instead of inventing energy', () => {
    const noPower = projectSplit(MEASURED, { device: 'aws-lambda-2gb', server: 'aws-g5-xlarge', link: 'wan' });
    expect(noPower.cuts.map((row) => row.device_energy_j)).toEqual([null, null, null]);
    expect(noPower.best.energy).toBeNull();
    expect(noPower.notes).toEqual([
      "hardware 'aws-lambda-2gb' has no power figures (power_w), so device energy is not given and no cut is named best for it",
    ]);
  });
});

describe('splitTargetProblem', () => {
  it('names the option and lists what is known', () => {
    expect(splitTargetProblem({ device: 'pager', server: 'laptop', link: 'wifi' })).toMatch(
      /^--device: unknown hardware 'pager' \(built in: smart-glasses-soc, .*aws-lambda-2gb\)$/,
    );
    expect(splitTargetProblem({ device: 'laptop', link: 'wifi' })).toMatch(/^--server: which hardware\?/);
    expect(splitTargetProblem({ device: 'laptop', server: 'laptop', link: 'pigeon' as 'wifi' })).toBe(
      "--link: unknown link technology 'pigeon' (bluetooth, wifi, lte, 5g, ethernet, wan)",
    );
    expect(splitTargetProblem({ device: 'laptop', server: 'laptop', link: 'wifi', mbps: 0 })).toBe(
      '--mbps must be a positive number, got 0',
    );
    expect(splitTargetProblem({ device: 'laptop', server: 'laptop', link: 'wifi' })).toBeNull();
  });
});
