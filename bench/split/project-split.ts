// A measured split projected onto a device, a server and the link between them: per cut, the
// head's time on the device, the crossing tensors' transfer, the tail's time on the server, and
// the device's energy. Times project as `placewise bench` measurements do in a scenario
// (simulator/evaluate/option-plan.ts): this machine's time x the target executor's roofline /
// this machine's, each half reading its own weights, where a per-user device gives one
// inference its whole throughput and bandwidth and a shared server gives each of its `cores`
// executors an equal part (the simulator's defaults for the two).
import { distributionMean } from '../../simulator/export/distribution-summary';
import { HARDWARE_LIBRARY, type HardwareProfile } from '../../simulator/scenario/hardware-library';
import { LINK_DEFAULTS, LINK_TECHNOLOGIES, type LinkTechnology } from '../../simulator/scenario/link-technologies';
import { executorOf } from '../../simulator/evaluate/system-model';
import { type Executor, projectionFactor } from '../../simulator/evaluate/roofline';
import { BenchInputError } from '../errors';
import type { SplitMeasurement } from './measure-split';
import type { MeasuredCut } from './split-measurement';

export interface SplitTarget {
  /** Built-in hardware profile of the device that runs the head (hardware-library.ts). */
  device: string;
  /** Built-in hardware profile of the server that runs the tail. */
  server: string;
  link: LinkTechnology;
  /** The link's rate, 10^6 bits per second (default: the technology's). */
  mbps?: number;
}

export interface SplitRow extends Omit<MeasuredCut, 'head_share'> {
  device_ms: number;
  /** Serialising the crossing bytes at the link's rate plus its mean one-way latency; 0 when nothing crosses. */
  transfer_ms: number;
  server_ms: number;
  latency_ms: number;
  /**
   * The device's energy per inference above idle: (active - idle power) x the head's time, plus
   * the radio's energy per megabyte sent. null when the device profile has no power figures.
   */
  device_energy_j: number | null;
}

export interface SplitAnalysis extends Omit<SplitMeasurement, 'cuts'> {
  device: { id: string; label: string; gflops: number; power_w: HardwareProfile['power_w'] | null };
  server: { id: string; label: string; gflops: number; cores: number; executor_gflops: number };
  link: { tech: LinkTechnology; mbps: number; latency_ms: number; energy_j_per_mb: number };
  cuts: SplitRow[];
  /** Positions of the best cuts; energy is null when the device has no power figures. */
  best: { latency: number; energy: number | null };
  /** Positions of the two whole placements, for comparison. */
  all_device: number;
  all_server: number;
  /** Figures the projection lacks, said rather than invented. */
  notes: string[];
}

const known = (list: readonly string[]) => list.join(', ');

/** What is wrong with a target, naming the option; null when nothing is. */
export function splitTargetProblem(target: Partial<SplitTarget>): string | null {
  for (const role of ['device', 'server'] as const) {
    const id = target[role];
    if (id === undefined) return `--${role}: which hardware? (built in: ${known(Object.keys(HARDWARE_LIBRARY))})`;
    if (!Object.hasOwn(HARDWARE_LIBRARY, id)) {
      return `--${role}: unknown hardware '${id}' (built in: ${known(Object.keys(HARDWARE_LIBRARY))})`;
    }
  }
  if (target.link === undefined) return `--link: which link technology? (${known(LINK_TECHNOLOGIES)})`;
  if (!(LINK_TECHNOLOGIES as readonly string[]).includes(target.link)) {
    return `--link: unknown link technology '${target.link}' (${known(LINK_TECHNOLOGIES)})`;
  }
  if (target.mbps !== undefined && !(Number.isFinite(target.mbps) && target.mbps > 0)) {
    return `--mbps must be a positive number, got ${target.mbps}`;
  }
  return null;
}

export function projectSplit(measured: SplitMeasurement, target: SplitTarget): SplitAnalysis {
  const problem = splitTargetProblem(target);
  if (problem) throw new BenchInputError(problem);
  if (!(measured.machine_gflops > 0)) {
    throw new BenchInputError(
      `${measured.model.file}: this machine's throughput is unknown (no calibration, and no FLOPs counted in the model), so its times cannot be projected to other hardware`,
    );
  }
  const device = HARDWARE_LIBRARY[target.device];
  const server = HARDWARE_LIBRARY[target.server];
  const link = LINK_DEFAULTS[target.link];
  const mbps = target.mbps ?? link.mbps;
  const latency = distributionMean(link.latency_ms);
  const serverExecutor = server.gflops / server.cores;
  // This machine's memory bandwidth is not measured: its own time is its roofline.
  const machine: Executor = { gflops: measured.machine_gflops };
  const projected = (ms: number, weightBytes: number, target: Executor) =>
    ms > 0 ? ms * projectionFactor(ms, weightBytes / 1e6, undefined, machine, target) : 0;
  const power = device.power_w ?? null;
  const last = measured.nodes;
  const cuts = measured.cuts.map(({ head_share, ...cut }): SplitRow => {
    const device_ms = projected(measured.p50_ms * head_share, cut.weight_bytes.head, executorOf(device, 1));
    const server_ms = projected(
      measured.p50_ms * (1 - head_share),
      cut.weight_bytes.tail,
      executorOf(server, server.cores),
    );
    const transfer_ms = cut.position === last ? 0 : (cut.bytes * 8) / (mbps * 1000) + latency;
    const radio_j = (cut.position === last ? 0 : cut.bytes / 1e6) * link.energy_j_per_mb;
    return {
      ...cut,
      device_ms: round(device_ms),
      transfer_ms: round(transfer_ms),
      server_ms: round(server_ms),
      latency_ms: round(device_ms + transfer_ms + server_ms),
      device_energy_j: power ? roundEnergy(((power.active - power.idle) * device_ms) / 1000 + radio_j) : null,
    };
  });
  const lowest = (figure: (row: SplitRow) => number) =>
    cuts.reduce((best, row) => (figure(row) < figure(best) ? row : best)).position;
  const { cuts: _measuredCuts, ...figures } = measured;
  return {
    ...figures,
    device: { id: target.device, label: device.label, gflops: device.gflops, power_w: power },
    server: {
      id: target.server,
      label: server.label,
      gflops: server.gflops,
      cores: server.cores,
      executor_gflops: round(serverExecutor),
    },
    link: { tech: target.link, mbps, latency_ms: round(latency), energy_j_per_mb: link.energy_j_per_mb },
    cuts,
    best: { latency: lowest((row) => row.latency_ms), energy: power ? lowest((row) => row.device_energy_j!) : null },
    all_device: last,
    all_server: 0,
    notes: power
      ? []
      : [
          `hardware '${target.device}' has no power figures (power_w), so device energy is not given and no cut is named best for it`,
        ],
  };
}

const round = (value: number) => Math.round(value * 1000) / 1000;
// Energies per inference are millijoules: kept to the microjoule.
const roundEnergy = (value: number) => Math.round(value * 1e6) / 1e6;
