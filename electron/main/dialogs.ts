// Native open and save dialogs for scenario files.
import type { BrowserWindow, Dialog } from 'electron';

const SCENARIO_FILTERS = [
  { name: 'Scenarios', extensions: ['yaml', 'yml', 'json'] },
  { name: 'All files', extensions: ['*'] },
];

export function scenarioDialogs(
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>,
  window: () => BrowserWindow | null,
) {
  return {
    async chooseScenarioToOpen(): Promise<string | null> {
      const owner = window();
      const options = { title: 'Open scenario', properties: ['openFile' as const], filters: SCENARIO_FILTERS };
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseSavePath(suggestedPath: string | null): Promise<string | null> {
      const owner = window();
      const options = {
        title: 'Save scenario',
        defaultPath: suggestedPath ?? 'scenario.yaml',
        filters: SCENARIO_FILTERS,
      };
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
  };
}
