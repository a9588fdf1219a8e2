// The one implementation of the API (electron/api/contract.ts), shared by the Electron main
// process and the browser-mode server. What differs between them (dialogs, opening links)
// comes in as options.
import { join, resolve } from 'node:path';
import { BUNDLED_PREFIX } from '../../bench/models/bundled-models';
import type { HostApi } from '../api/arguments';
import { ApiError, type ExportProgress, type HostInfo } from '../api/contract';
import { AppDataStore } from './app-data';
import { type BenchmarkService, unavailableBenchmarks } from './benchmark-service';
import { listExampleScenarios } from './example-scenarios';
import { OwnFiles } from './own-files';
import { findPackageRoot } from './package-root';
import { exportScenarioText } from './scenario-export';
import { openScenarioFile, saveScenarioFile } from './scenario-files';
import { type HostWork, sharedHostWork } from './work/host-work';

export interface HostOptions {
  transport: HostInfo['transport'];
  /** Where the recovery copy and the recent files live; the file API never touches it. */
  dataDir: string;
  /** More folders of the host's own that the file API must not touch (Electron's profile). */
  privateFolders?: string[];
  startScenarioPath: string | null;
  version: string;
  dialogs?: {
    chooseScenarioToOpen(): Promise<string | null>;
    chooseSavePath(suggestedPath: string | null): Promise<string | null>;
  };
  /** Opens an external link (it checks the link); absent where the host cannot (browser mode opens links itself). */
  openLink?: (url: string) => Promise<void>;
  benchmarks?: BenchmarkService;
  /** Where the worked examples are (default: the package's scenarios/). */
  examplesDir?: string;
  /** The worker threads that simulate for exports (default: the process's own pools). */
  work?: HostWork;
}

export function createPlacewiseHost(options: HostOptions): HostApi {
  const data = new AppDataStore(options.dataDir);
  const benchmarks = options.benchmarks ?? unavailableBenchmarks;
  const work = options.work ?? sharedHostWork();
  const own = new OwnFiles([options.dataDir, ...(options.privateFolders ?? [])]);
  // The Monte Carlo progress of each export in flight that the caller named.
  const exportProgress = new Map<string, ExportProgress>();
  const refuseOwn = async (path: string) => {
    const refusal = await own.refusal(path);
    if (refusal) throw new ApiError(refusal);
  };
  return {
    hostInfo: async () => {
      await data.ready;
      return {
        transport: options.transport,
        startScenarioPath: options.startScenarioPath && resolve(options.startScenarioPath),
        nativeDialogs: options.dialogs !== undefined,
        version: options.version,
      };
    },
    listExamples: () =>
      listExampleScenarios(options.examplesDir ?? join(findPackageRoot(import.meta.url).root, 'scenarios')),
    openScenario: async (path) => {
      const refusal = await own.refusal(path);
      if (refusal) return { ok: false, path: resolve(path), message: refusal };
      const result = await openScenarioFile(path);
      if (result.ok) await data.addRecentFile(result.file.path).catch(() => undefined);
      return result;
    },
    saveScenario: async (file) => {
      const refusal = await own.refusal(file.path);
      if (refusal) return { ok: false, path: resolve(file.path), message: refusal };
      await data.ready;
      const result = await saveScenarioFile(file, { journal: data.journal });
      if (result.ok) await data.addRecentFile(result.path).catch(() => undefined);
      return result;
    },
    recentFiles: () => data.recentFiles(),
    chooseScenarioToOpen: async () => (options.dialogs ? options.dialogs.chooseScenarioToOpen() : null),
    chooseSavePath: async (suggested) => (options.dialogs ? options.dialogs.chooseSavePath(suggested) : null),
    writeRecovery: (record) => data.writeRecovery(record),
    readRecovery: () => data.readRecovery(),
    clearRecovery: () => data.clearRecovery(),
    listBundledModels: () => benchmarks.listBundledModels(),
    startBenchmark: async (request) => {
      if (!request.model.startsWith(BUNDLED_PREFIX)) await refuseOwn(request.model);
      return benchmarks.start(request);
    },
    startSplit: async (request) => {
      if (!request.model.startsWith(BUNDLED_PREFIX)) await refuseOwn(request.model);
      return benchmarks.startSplit(request);
    },
    startDeviceBenchmark: async (request) => {
      if (!request.model.startsWith(BUNDLED_PREFIX)) await refuseOwn(request.model);
      return benchmarks.startOnDevice(request);
    },
    benchmarkStatus: (jobId) => benchmarks.status(jobId),
    cancelBenchmark: (jobId) => benchmarks.cancel(jobId),
    importBenchmarkReport: async (path, context) => {
      await refuseOwn(path);
      return benchmarks.importReport(path, context?.signal);
    },
    applyBenchmark: (request, context) => benchmarks.apply(request, context?.signal),
    exportScenario: (request, context) => {
      const { progressId } = request;
      const onProgress = progressId
        ? (progress: ExportProgress) => exportProgress.set(progressId, progress)
        : undefined;
      return exportScenarioText(request, work.simulations, context?.signal, onProgress).finally(() => {
        if (progressId) exportProgress.delete(progressId);
      });
    },
    exportProgress: async (progressId) => exportProgress.get(progressId) ?? null,
    openExternal: async (url) => {
      if (!options.openLink) throw new ApiError('this host does not open links; open it from the browser');
      await options.openLink(url);
    },
  };
}
