// How a benchmark child process starts. Node's `fork` by default (the CLI; browser mode's host).
// The desktop app installs Electron's utility processes instead: its packaged binary cannot run
// as plain Node (the runAsNode fuse, scripts/electron-fuses.mjs), so `fork` would start a second
// app. A worker thread cannot start either, so the host's threads relay to the main thread's
// launcher (electron/host/work/child-relay.ts).
import { fork } from 'node:child_process';
import type { ChildMessage, MeasureTask } from './protocol';

/** One benchmark child as its parent sees it, whatever started it. */
export interface BenchChild {
  send(task: MeasureTask): void;
  onMessage(listener: (message: ChildMessage) => void): void;
  /** Once, when the child has ended: how, in words for a failure message ("exited with code 1"). */
  onExit(listener: (how: string) => void): void;
  /** The child could not be started or reached. */
  onError(listener: (error: Error) => void): void;
  onStderr(listener: (text: string) => void): void;
  /** Ends it at once: `session.run` cannot be interrupted from inside. */
  kill(): void;
}

export type BenchChildLauncher = (entryPath: string) => BenchChild;

export const forkNodeChild: BenchChildLauncher = (entryPath) => {
  const child = fork(entryPath, [], {
    // The host may run under a TypeScript loader (vitest, tsx); the child is plain bundled JS.
    execArgv: [],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  return {
    send: (task) => child.send(task),
    onMessage: (listener) => child.on('message', (message) => listener(message as ChildMessage)),
    onExit: (listener) =>
      child.once('exit', (code, signal) => listener(signal ? `was killed by ${signal}` : `exited with code ${code}`)),
    onError: (listener) => child.on('error', listener),
    onStderr: (listener) => child.stderr?.on('data', (chunk: Buffer) => listener(chunk.toString())),
    kill: () => child.kill('SIGKILL'),
  };
};

let launcher: BenchChildLauncher = forkNodeChild;

/** Replaces how this process (or thread) starts benchmark children. */
export function setBenchChildLauncher(replacement: BenchChildLauncher): void {
  launcher = replacement;
}

export function launchBenchChild(entryPath: string): BenchChild {
  return launcher(entryPath);
}
