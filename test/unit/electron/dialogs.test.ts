import type { BrowserWindow, Dialog } from 'electron';
import { expect, test } from 'vitest';
import { scenarioDialogs } from '../../../electron/main/dialogs';

function fakeDialog(open: { canceled: boolean; filePaths: string[] }, save: { canceled: boolean; filePath?: string }) {
  const calls: unknown[][] = [];
  const dialog = {
    showOpenDialog: async (...args: unknown[]) => {
      calls.push(args);
      return open;
    },
    showSaveDialog: async (...args: unknown[]) => {
      calls.push(args);
      return save;
    },
  } as unknown as Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  return { dialog, calls };
}

test('the open and save dialogs return the chosen path, or null when cancelled', async () => {
  const window = {} as BrowserWindow;
  const chosen = fakeDialog({ canceled: false, filePaths: ['/s/a.yaml'] }, { canceled: false, filePath: '/s/b.yaml' });
  const dialogs = scenarioDialogs(chosen.dialog, () => window);
  await expect(dialogs.chooseScenarioToOpen()).resolves.toBe('/s/a.yaml');
  await expect(dialogs.chooseSavePath('/s/a.yaml')).resolves.toBe('/s/b.yaml');
  expect(chosen.calls[0][0]).toBe(window);
  expect(chosen.calls[1][1]).toMatchObject({ defaultPath: '/s/a.yaml' });

  const cancelled = scenarioDialogs(
    fakeDialog({ canceled: true, filePaths: [] }, { canceled: true }).dialog,
    () => null,
  );
  await expect(cancelled.chooseScenarioToOpen()).resolves.toBeNull();
  await expect(cancelled.chooseSavePath(null)).resolves.toBeNull();
});
