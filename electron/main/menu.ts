// The application menu with the usual shortcuts. Document commands go to the renderer, which
// owns the open scenario and its undo history.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../api/menu-commands';

export interface MenuActions {
  send(command: MenuCommand): void;
  openPath(path: string): void;
}

function openRecentMenu(recent: readonly string[], openPath: (path: string) => void): MenuItemConstructorOptions {
  return {
    label: 'Open Recent',
    submenu:
      recent.length === 0
        ? [{ label: 'No recent files', enabled: false }]
        : recent.map((path) => ({ label: path, click: () => openPath(path) })),
  };
}

export function menuTemplate(
  actions: MenuActions,
  platform: NodeJS.Platform,
  recent: readonly string[],
): MenuItemConstructorOptions[] {
  const { send } = actions;
  const item = (label: string, accelerator: string, command: MenuCommand): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => send(command),
  });
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        item('New…', 'CmdOrCtrl+N', 'new'),
        item('Open…', 'CmdOrCtrl+O', 'open'),
        openRecentMenu(recent, actions.openPath),
        { type: 'separator' },
        item('Save', 'CmdOrCtrl+S', 'save'),
        item('Save As…', 'CmdOrCtrl+Shift+S', 'save-as'),
        { type: 'separator' },
        platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        item('Undo', 'CmdOrCtrl+Z', 'undo'),
        item('Redo', platform === 'darwin' ? 'Cmd+Shift+Z' : 'Ctrl+Y', 'redo'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        item('Model', 'CmdOrCtrl+1', 'view-model'),
        item('Compare', 'CmdOrCtrl+2', 'view-compare'),
        item('Capacity', 'CmdOrCtrl+3', 'view-capacity'),
        item('Benchmark', 'CmdOrCtrl+4', 'view-benchmark'),
        item('Export', 'CmdOrCtrl+5', 'view-export'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
      ],
    },
  ];
}
