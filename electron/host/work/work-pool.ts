// A bounded pool of worker threads for the host's heavy work, so that the event loop that
// answers the app (and a trivial hostInfo) never waits behind a simulation. At most `workers`
// jobs run at once; at most `queue` more wait, in order; one more is refused at once with a
// HostBusyError that says when to try again. A job whose caller went away (its AbortSignal)
// leaves the queue, or, running, is stopped: a benchmark is told to cancel (it kills its child
// process itself), any other task ends with its thread, which is replaced on the next job.
import { Worker } from 'node:worker_threads';
import { bundledEntryPath } from '../../../bench/runner/bundled-entry';
import { HostBusyError } from '../../api/contract';
import { ChildRelay } from './child-relay';
import type {
  FromWorker,
  TaskFailure,
  TaskInput,
  TaskKind,
  TaskOutput,
  TaskProgress,
  ToWorker,
  WorkerReply,
} from './protocol';

export interface PoolLimits {
  workers: number;
  /** Jobs that may wait for a worker; the next is refused. */
  queue: number;
  /** What the jobs are, for the busy message: "simulations", "benchmarks". */
  what: string;
}

/** The caller went away (or the pool closed): the job was dropped or stopped. */
export class WorkCancelledError extends Error {
  override name = 'AbortError';
  constructor() {
    super('cancelled');
  }
}

/** A task that failed in its worker; `failure.input` says whether the user's input was the cause. */
export class WorkerTaskError extends Error {
  override name = 'WorkerTaskError';
  constructor(readonly failure: TaskFailure) {
    super(failure.message);
  }
}

export interface CallOptions<P = unknown> {
  onProgress?: (progress: P) => void;
  /** Stop it by a cancel message rather than by ending the thread (it has child processes to end). */
  cooperative?: boolean;
}

/** The worker a job was given: its tasks run there, one after another. */
export interface PoolWorker {
  call<K extends TaskKind>(
    kind: K,
    input: TaskInput<K>,
    options?: CallOptions<TaskProgress<K>>,
  ): Promise<TaskOutput<K>>;
}

interface Call extends CallOptions {
  id: number;
  resolve(output: unknown): void;
  reject(error: Error): void;
}

let nextCallId = 1;
const WORKER_HEAP_MB = 4096;

/** One thread of the pool, started on first use and again after it was ended or crashed. */
class PoolThread implements PoolWorker {
  private worker?: Worker;
  // The benchmark children this thread asked for; they end with the thread.
  private relay?: ChildRelay;
  private current?: Call;
  private cancelled = false;

  constructor(private readonly entry: () => Promise<string>) {}

  /** A new job starts on this thread. */
  begin(): void {
    this.cancelled = false;
  }

  async call<K extends TaskKind>(
    kind: K,
    input: TaskInput<K>,
    options: CallOptions<TaskProgress<K>> = {},
  ): Promise<TaskOutput<K>> {
    const worker = this.worker ?? (await this.start());
    if (this.cancelled) throw new WorkCancelledError();
    return new Promise((resolve, reject) => {
      this.current = {
        ...(options as CallOptions),
        id: nextCallId++,
        resolve: resolve as (output: unknown) => void,
        reject,
      };
      this.post(worker, { id: this.current.id, kind, input });
    });
  }

  /** Stops the job's task in flight, and any it would start after. */
  cancel(): void {
    this.cancelled = true;
    const call = this.current;
    if (!call) return;
    if (call.cooperative && this.worker) this.post(this.worker, { id: call.id, cancel: true });
    else this.end();
  }

  /** Ends the thread (its task in flight is cancelled); the next call starts a new one. */
  end(): void {
    const worker = this.worker;
    this.worker = undefined;
    this.relay?.killAll();
    worker?.removeAllListeners();
    void worker?.terminate();
    const call = this.current;
    if (call) this.settle(call.id, (pending) => pending.reject(new WorkCancelledError()));
  }

  private async start(): Promise<Worker> {
    const path = await this.entry();
    if (this.worker) return this.worker;
    // The host may run under a TypeScript loader (vitest, tsx); the worker is plain bundled JS.
    // With a heap limit of its own, a run that outgrows memory ends its thread, not the host.
    const worker = new Worker(path, { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    // Idle threads must not keep a process alive that has nothing else to do.
    worker.unref();
    const relay = new ChildRelay((event) => this.post(worker, event));
    worker.on('message', (message: FromWorker) => {
      if ('relay' in message) relay.handle(message);
      else this.receive(message);
    });
    const lost = (why: string) => {
      relay.killAll();
      if (this.worker !== worker) return;
      this.worker = undefined;
      const call = this.current;
      if (call) this.settle(call.id, (pending) => pending.reject(new Error(`a host worker thread ${why}`)));
    };
    worker.on('error', (error) => lost(`failed: ${error.message}`));
    worker.on('exit', (code) => lost(`exited with code ${code}`));
    this.worker = worker;
    this.relay = relay;
    return worker;
  }

  private post(worker: Worker, message: ToWorker): void {
    worker.postMessage(message);
  }

  private receive(reply: WorkerReply): void {
    if ('progress' in reply) {
      if (this.current?.id === reply.id) this.current.onProgress?.(reply.progress);
    } else if ('output' in reply) {
      this.settle(reply.id, (call) => call.resolve(reply.output));
    } else {
      const failure = reply.failure;
      this.settle(reply.id, (call) =>
        call.reject(failure.cancelled ? new WorkCancelledError() : new WorkerTaskError(failure)),
      );
    }
  }

  private settle(id: number, how: (call: Call) => void): void {
    const call = this.current;
    if (call?.id !== id) return;
    this.current = undefined;
    how(call);
  }
}

interface Waiting {
  begin(thread: PoolThread): void;
  drop(): void;
}

export class WorkPool {
  private readonly idle: PoolThread[];
  private readonly all: PoolThread[];
  private readonly waiting: Waiting[] = [];
  private closed = false;
  // A running mean of how long a job takes, for the retry hint; a guess until the first ends.
  private meanJobMs = 2000;

  constructor(
    readonly limits: PoolLimits,
    entry: () => Promise<string> = () => bundledEntryPath('host-worker'),
  ) {
    this.all = Array.from({ length: limits.workers }, () => new PoolThread(entry));
    this.idle = [...this.all];
  }

  /** Jobs waiting for a worker. */
  get queued(): number {
    return this.waiting.length;
  }

  /** Jobs that have a worker. */
  get running(): number {
    return this.all.length - this.idle.length;
  }

  /**
   * Runs `job` on a free worker, or when one frees up. Throws a HostBusyError at once (not
   * through the promise) when the queue is full, so that a caller knows before it answers.
   */
  run<T>(job: (worker: PoolWorker) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (this.idle.length === 0 && this.waiting.length >= this.limits.queue) {
      const retryAfterS = Math.max(1, Math.ceil(this.meanJobMs / this.limits.workers / 1000));
      throw new HostBusyError(
        `the host is busy: ${this.waiting.length} ${this.limits.what} are waiting already; try again in ${retryAfterS} s`,
        retryAfterS,
      );
    }
    return new Promise<T>((resolve, reject) => {
      if (signal?.aborted || this.closed) {
        reject(new WorkCancelledError());
        return;
      }
      const leaveQueue = () => {
        this.waiting.splice(this.waiting.indexOf(entry), 1);
        entry.drop();
      };
      const entry: Waiting = {
        begin: (thread) => {
          signal?.removeEventListener('abort', leaveQueue);
          void this.perform(thread, job, signal).then(resolve, reject);
        },
        drop: () => {
          signal?.removeEventListener('abort', leaveQueue);
          reject(new WorkCancelledError());
        },
      };
      const thread = this.idle.pop();
      if (thread) entry.begin(thread);
      else {
        this.waiting.push(entry);
        signal?.addEventListener('abort', leaveQueue, { once: true });
      }
    });
  }

  /** Drops the waiting jobs, stops the running ones and ends every thread. */
  close(): void {
    this.closed = true;
    for (const entry of this.waiting.splice(0)) entry.drop();
    for (const thread of this.all) {
      thread.cancel();
      thread.end();
    }
  }

  private async perform<T>(thread: PoolThread, job: (worker: PoolWorker) => Promise<T>, signal?: AbortSignal) {
    const started = performance.now();
    const stop = () => thread.cancel();
    thread.begin();
    signal?.addEventListener('abort', stop, { once: true });
    try {
      const value = await job(thread);
      if (signal?.aborted) throw new WorkCancelledError();
      return value;
    } finally {
      signal?.removeEventListener('abort', stop);
      this.meanJobMs = 0.8 * this.meanJobMs + 0.2 * (performance.now() - started);
      this.release(thread);
    }
  }

  private release(thread: PoolThread): void {
    const next = this.closed ? undefined : this.waiting.shift();
    if (next) next.begin(thread);
    else this.idle.push(thread);
  }
}
