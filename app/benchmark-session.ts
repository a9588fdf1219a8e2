// Benchmarks from the renderer: start a job on the host (here, a split, or on another device),
// poll its progress until it ends, cancel it, and apply its measurement to the open scenario as
// one undoable edit.
import type { BenchmarkRequest, DeviceBenchmarkRequest, PlacewiseApi, SplitJobRequest } from '../electron/api/contract';
import { documentText } from './store/document-slice';
import type { PlacewiseStore } from './store/store';

const POLL_INTERVAL_MS = 200;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class BenchmarkSession {
  private poll: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly api: PlacewiseApi,
    private readonly store: PlacewiseStore,
  ) {}

  async loadBundledModels(): Promise<void> {
    if (this.store.getState().bundledModels) return;
    try {
      this.store.getState().setBundledModels(await this.api.listBundledModels());
    } catch (error) {
      this.store.getState().setBundledModels([]);
      this.store.getState().setBenchError(messageOf(error));
    }
  }

  run(request: BenchmarkRequest): Promise<void> {
    return this.track(request.model, () => this.api.startBenchmark(request));
  }

  /** A split of the model between a device and a server: a benchmark job whose result carries the split. */
  split(request: SplitJobRequest): Promise<void> {
    return this.track(request.model, () => this.api.startSplit(request));
  }

  /** A benchmark in another device's browser: a job whose status shows the page's URL until the device posts. */
  onDevice(request: DeviceBenchmarkRequest): Promise<void> {
    return this.track(request.model, () => this.api.startDeviceBenchmark(request));
  }

  private async track(model: string, start: () => Promise<{ jobId: string }>): Promise<void> {
    const state = this.store.getState();
    try {
      const { jobId } = await start();
      state.setBenchJob({
        id: jobId,
        model,
        status: { state: 'running', progress: 0, message: 'starting' },
      });
      this.schedulePoll(jobId);
    } catch (error) {
      state.setBenchError(messageOf(error));
    }
  }

  async importReport(path: string): Promise<void> {
    try {
      const { jobId } = await this.api.importBenchmarkReport(path);
      this.store.getState().setBenchJob({ id: jobId, model: path, status: await this.api.benchmarkStatus(jobId) });
    } catch (error) {
      this.store.getState().setBenchError(messageOf(error));
    }
  }

  async cancel(): Promise<void> {
    const job = this.store.getState().benchJob;
    if (job) await this.api.cancelBenchmark(job.id).catch(() => undefined);
  }

  /** Writes the finished job's measurement into the scenario's model `modelId`. */
  async apply(modelId: string): Promise<void> {
    const state = this.store.getState();
    const job = state.benchJob;
    const scenarioText = documentText(state);
    if (!job || scenarioText === null) return;
    try {
      const result = await this.api.applyBenchmark({
        scenarioText,
        jobId: job.id,
        modelId,
        ...(state.path === null ? {} : { scenarioPath: state.path }),
      });
      if (!result.ok) {
        state.setBenchApplyOutcome({ kind: 'refused', modelId, message: result.message });
        state.notify({ kind: 'error', text: result.message });
        return;
      }
      // The host's text keeps the file's comments and layout: it becomes the document's text.
      state.editText(result.text);
      state.setBenchApplyOutcome({ kind: 'applied', modelId, warnings: result.warnings });
      state.notify({ kind: 'info', text: `Model '${modelId}' now uses the measurement of ${job.model}` });
    } catch (error) {
      state.notify({ kind: 'error', text: messageOf(error) });
    }
  }

  dispose(): void {
    if (this.poll) clearTimeout(this.poll);
  }

  private schedulePoll(jobId: string): void {
    this.poll = setTimeout(() => void this.refresh(jobId), POLL_INTERVAL_MS);
  }

  private async refresh(jobId: string): Promise<void> {
    const state = this.store.getState();
    if (state.benchJob?.id !== jobId) return;
    try {
      const status = await this.api.benchmarkStatus(jobId);
      state.setBenchJob({ ...state.benchJob, status });
      if (status.state === 'running') this.schedulePoll(jobId);
    } catch (error) {
      state.setBenchError(messageOf(error));
    }
  }
}
