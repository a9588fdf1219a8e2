// dist/monte-carlo-worker.mjs, rebuilt first when a source is newer.
import { bundledEntryPath } from '../../bench/runner/bundled-entry';

export function monteCarloWorkerPath(): Promise<string> {
  return bundledEntryPath('monte-carlo-worker');
}
