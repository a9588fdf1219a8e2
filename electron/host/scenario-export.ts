// Exports for the app: the scenario arrives as the text being edited, is validated and
// simulated at full fidelity on a worker thread of the host's simulation pool (the simulator is
// the only source of figures, and the host's event loop stays free), and the export engine
// renders it while the job keeps its place in the pool, so that no more browsers render at once
// than the pool has workers. A report of a scenario with uncertain values carries a Monte Carlo
// study of them, as `placewise export` makes it (REPORT_SAMPLES samples, on the same worker).
// The bytes go back to the renderer, which offers them as a download.
import { REPORT_SAMPLES } from '../../simulator/uncertainty/monte-carlo-defaults';
import { ApiError, type ExportProgress, type ExportRequest, type ExportResult } from '../api/contract';
import type { WorkPool } from './work/work-pool';
import { WorkerTaskError } from './work/work-pool';

export function exportScenarioText(
  request: ExportRequest,
  pool: WorkPool,
  signal?: AbortSignal,
  onProgress?: (progress: ExportProgress) => void,
): Promise<ExportResult> {
  return pool.run(async (worker) => {
    const report = request.format === 'md' || request.format === 'html';
    const { scenario, results, uncertainValues, monteCarlo } = await worker
      .call(
        'simulate',
        { scenarioText: request.scenarioText, monteCarloSamples: report ? REPORT_SAMPLES : undefined },
        { onProgress },
      )
      .catch((error: unknown) => {
        // A scenario that does not read or validate is the caller's to fix (HTTP 400).
        throw error instanceof WorkerTaskError && error.failure.input ? new ApiError(error.message) : error;
      });
    const { exportScenario } = await import('./export/index');
    try {
      const file = await exportScenario({
        scenario,
        results,
        format: request.format,
        optionId: request.optionId,
        diagram: request.diagram,
        scenarioText: request.scenarioText,
        scenarioFile: request.scenarioFile,
        uncertainValues,
        monteCarlo,
      });
      return { ok: true, fileName: file.fileName, mime: file.mime, base64: Buffer.from(file.bytes).toString('base64') };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }, signal);
}
