// One long job at a time in its own worker (a load sweep, a Monte Carlo study): starting a new
// one or stopping ends the running worker, and replies from an ended worker are ignored.
export type JobReply<Done> =
  { kind: 'progress'; done: number; total: number } | Done | { kind: 'failed'; message: string };

/** The part of a Worker used here, so that tests can give a fake. */
export interface JobWorker<Reply> {
  postMessage(request: unknown): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<Reply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface JobHandlers<Done> {
  progress(done: number, total: number): void;
  done(reply: Done): void;
  failed(message: string): void;
}

export class WorkerJob<Done extends { kind: 'done' }> {
  private worker: JobWorker<JobReply<Done>> | null = null;

  constructor(
    private readonly createWorker: () => JobWorker<JobReply<Done>>,
    /** Names the worker in the message when it dies, e.g. "capacity". */
    private readonly name: string,
  ) {}

  get running(): boolean {
    return this.worker !== null;
  }

  start(request: unknown, handlers: JobHandlers<Done>): void {
    this.stop();
    const worker = this.createWorker();
    this.worker = worker;
    worker.onmessage = ({ data }) => {
      if (this.worker !== worker) return;
      if (data.kind === 'progress') {
        handlers.progress(data.done, data.total);
        return;
      }
      this.stop();
      if (data.kind === 'failed') handlers.failed(data.message);
      else handlers.done(data);
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      if (this.worker !== worker) return;
      this.stop();
      handlers.failed(`the ${this.name} worker failed: ${event.message || 'unknown error'}`);
    };
    worker.postMessage(request);
  }

  stop(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
