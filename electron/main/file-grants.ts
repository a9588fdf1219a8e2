// In the desktop app the page names files by path only, so a compromised renderer could read or
// overwrite any file the user can. The main process therefore opens and saves only the paths the
// user chose in a native Open or Save dialog, the ones on the recent list (files opened or saved
// that way before), and the ones the app itself offered (the scenario named on the command line,
// the bundled examples); anything else is refused here, before the host touches the disk.
// Browser mode has no native dialogs: there the page, which only the served token reaches, may
// name any path (README, "The desktop app's security").
import { resolve } from 'node:path';
import type { OpenScenarioResult, PlacewiseApi, SaveScenarioResult } from '../api/contract';

export function guardFileAccess(host: PlacewiseApi, startScenarioPath: string | null): PlacewiseApi {
  const granted = new Set<string>();
  const grant = (path: string | null): string | null => {
    if (path !== null) granted.add(resolve(path));
    return path;
  };
  grant(startScenarioPath);
  const allowed = async (path: string): Promise<boolean> =>
    granted.has(path) || (await host.recentFiles().catch((): string[] => [])).includes(path);

  return {
    ...host,
    listExamples: async () => {
      const examples = await host.listExamples();
      for (const example of examples) grant(example.path);
      return examples;
    },
    chooseScenarioToOpen: async () => grant(await host.chooseScenarioToOpen()),
    chooseSavePath: async (suggested) => grant(await host.chooseSavePath(suggested)),
    openScenario: async (requested): Promise<OpenScenarioResult> => {
      const path = resolve(requested);
      if (await allowed(path)) return host.openScenario(path);
      return {
        ok: false,
        path,
        message: `${path}: not opened: the desktop app opens only files chosen with File › Open or on the recent list`,
      };
    },
    saveScenario: async (file): Promise<SaveScenarioResult> => {
      const path = resolve(file.path);
      if (await allowed(path)) return host.saveScenario({ ...file, path });
      return {
        ok: false,
        path,
        message: `${path}: not saved: the desktop app saves only to a file chosen with File › Save As or on the recent list; your work is untouched`,
      };
    },
  };
}
