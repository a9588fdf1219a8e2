// Commands the Electron application menu sends to the renderer (main → renderer, one way).
export const MENU_COMMANDS = [
  'new',
  'open',
  'save',
  'save-as',
  'undo',
  'redo',
  'view-model',
  'view-compare',
  'view-capacity',
  'view-benchmark',
  'view-export',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
export const MENU_COMMAND_CHANNEL = 'placewise:menu-command';
/** File › Open Recent: the path to open travels on its own channel. */
export const MENU_OPEN_PATH_CHANNEL = 'placewise:menu-open-path';

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

/** What the preload exposes besides the API: a way to hear menu commands. */
export interface MenuBridge {
  onCommand(listener: (command: MenuCommand) => void): () => void;
  onOpenPath(listener: (path: string) => void): () => void;
}
