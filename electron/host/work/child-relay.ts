// Benchmark children of the host's worker threads, started by the main thread. A worker thread
// cannot start an Electron utility process (only the main process can), so a thread's bench code
// gets a launcher that asks the main thread by message, and the main thread starts the child with
// its own launcher (bench/runner/child-launcher.ts) and relays the child's messages back.
import { type BenchChild, type BenchChildLauncher, launchBenchChild } from '../../../bench/runner/child-launcher';
import type { ChildMessage, MeasureTask } from '../../../bench/runner/protocol';

/** From a worker thread to the main thread. */
export type RelayRequest =
  | { relay: 'start'; child: number; entryPath: string }
  | { relay: 'send'; child: number; task: MeasureTask }
  | { relay: 'kill'; child: number };

/** From the main thread back to the worker thread. */
export type RelayEvent =
  | { relay: 'message'; child: number; message: ChildMessage }
  | { relay: 'stderr'; child: number; text: string }
  | { relay: 'error'; child: number; error: string }
  | { relay: 'exit'; child: number; how: string };

interface Listeners {
  message: ((message: ChildMessage) => void)[];
  stderr: ((text: string) => void)[];
  error: ((error: Error) => void)[];
  exit: ((how: string) => void)[];
}

/** The worker thread's side: a launcher whose children live in the main thread. */
export function relayedChildren(post: (request: RelayRequest) => void): {
  launcher: BenchChildLauncher;
  receive(event: RelayEvent): void;
} {
  const children = new Map<number, Listeners>();
  let nextChild = 1;
  return {
    launcher: (entryPath) => {
      const child = nextChild++;
      const listeners: Listeners = { message: [], stderr: [], error: [], exit: [] };
      children.set(child, listeners);
      post({ relay: 'start', child, entryPath });
      return {
        send: (task) => post({ relay: 'send', child, task }),
        onMessage: (listener) => listeners.message.push(listener),
        onExit: (listener) => listeners.exit.push(listener),
        onError: (listener) => listeners.error.push(listener),
        onStderr: (listener) => listeners.stderr.push(listener),
        kill: () => post({ relay: 'kill', child }),
      };
    },
    receive: (event) => {
      const listeners = children.get(event.child);
      if (!listeners) return;
      if (event.relay === 'message') for (const listener of listeners.message) listener(event.message);
      else if (event.relay === 'stderr') for (const listener of listeners.stderr) listener(event.text);
      else if (event.relay === 'error') for (const listener of listeners.error) listener(new Error(event.error));
      else {
        children.delete(event.child);
        for (const listener of listeners.exit) listener(event.how);
      }
    },
  };
}

/** The main thread's side for one worker thread: starts, feeds and ends that thread's children. */
export class ChildRelay {
  private readonly children = new Map<number, BenchChild>();

  constructor(private readonly reply: (event: RelayEvent) => void) {}

  handle(request: RelayRequest): void {
    if (request.relay === 'start') this.start(request.child, request.entryPath);
    else if (request.relay === 'send') this.children.get(request.child)?.send(request.task);
    else this.children.get(request.child)?.kill();
  }

  /** The thread ended or was lost: its children must not outlive it. */
  killAll(): void {
    for (const child of this.children.values()) child.kill();
    this.children.clear();
  }

  private start(id: number, entryPath: string): void {
    let child: BenchChild;
    try {
      child = launchBenchChild(entryPath);
    } catch (error) {
      this.reply({ relay: 'error', child: id, error: (error as Error).message });
      this.reply({ relay: 'exit', child: id, how: 'could not be started' });
      return;
    }
    this.children.set(id, child);
    child.onMessage((message) => this.reply({ relay: 'message', child: id, message }));
    child.onStderr((text) => this.reply({ relay: 'stderr', child: id, text }));
    child.onError((error) => this.reply({ relay: 'error', child: id, error: error.message }));
    child.onExit((how) => {
      this.children.delete(id);
      this.reply({ relay: 'exit', child: id, how });
    });
  }
}
