// Host side of one benchmark child: starts dist/bench-child.mjs (child-launcher.ts says how),
// sends its task, relays progress, and resolves with the child's report. An AbortSignal kills the
// child at once (the app's cancel button): `session.run` cannot be interrupted from inside, so
// the process is the unit to stop.
import { BenchAbortedError } from '../errors';
import { bundledEntryPath } from './bundled-entry';
import { launchBenchChild } from './child-launcher';
import type { ChildMessage, Measurement, MeasureTask, ProfiledNode } from './protocol';

export interface ChildReport {
  measurement?: Measurement;
  nodes?: ProfiledNode[];
  /** The nodes of each profiled run after the first (MeasureTask.profileRuns). */
  timedRuns?: ProfiledNode[][];
  onnxruntime: string;
  sessionOptions: Record<string, unknown>;
}

export type ChildFailure = Extract<ChildMessage, { kind: 'failed' }>;

/** The child reported that onnxruntime refused the model or its inputs. */
export class ChildTaskError extends Error {
  constructor(readonly failure: ChildFailure) {
    super(failure.message);
    this.name = 'ChildTaskError';
  }
}

export type ChildProgress = Extract<ChildMessage, { kind: 'progress' }>;

/** dist/bench-child.mjs, rebuilt first when a source is newer (once per host process). */
export function benchChildPath(): Promise<string> {
  return bundledEntryPath('bench-child');
}

export async function runInChild(
  task: MeasureTask,
  hooks: { onProgress?: (progress: ChildProgress) => void; signal?: AbortSignal } = {},
): Promise<ChildReport> {
  const path = await benchChildPath();
  if (hooks.signal?.aborted) throw new BenchAbortedError();
  return new Promise((resolve, reject) => {
    const child = launchBenchChild(path);
    const report: ChildReport = { onnxruntime: '', sessionOptions: {} };
    let failure: ChildFailure | undefined;
    let stderr = '';
    child.onStderr((text) => {
      stderr = (stderr + text).slice(-4000);
    });
    const abort = () => {
      child.kill();
      reject(new BenchAbortedError());
    };
    hooks.signal?.addEventListener('abort', abort, { once: true });
    child.onMessage((message) => {
      if (message.kind === 'progress') hooks.onProgress?.(message);
      else if (message.kind === 'measured') {
        report.measurement = message.measurement;
        report.onnxruntime = message.onnxruntime;
        report.sessionOptions = message.sessionOptions;
      } else if (message.kind === 'profiled') {
        report.nodes = message.nodes;
        report.timedRuns = message.timedRuns;
        report.onnxruntime ||= message.onnxruntime;
      } else failure = message;
    });
    child.onError((error) => {
      hooks.signal?.removeEventListener('abort', abort);
      reject(error);
    });
    child.onExit((how) => {
      hooks.signal?.removeEventListener('abort', abort);
      if (hooks.signal?.aborted) return;
      if (failure) reject(new ChildTaskError(failure));
      else if ((task.measure && !report.measurement) || (task.profile && !report.nodes)) {
        reject(new Error(`the benchmark process ${how} before reporting${stderr ? `:\n${stderr.trim()}` : ''}`));
      } else resolve(report);
    });
    child.send(task);
  });
}
