// The user's commands, the same from the toolbar, the keyboard (browser mode) and the
// Electron application menu.
import type { MenuCommand } from '../electron/api/menu-commands';
import type { PlacewiseSession } from './session';

export function runCommand(session: PlacewiseSession, command: MenuCommand): void {
  const state = session.store.getState();
  switch (command) {
    case 'new':
      state.setNewScenarioPrompt(true);
      break;
    case 'open':
      void session.chooseAndOpen();
      break;
    case 'save':
      void session.save();
      break;
    case 'save-as':
      void session.chooseAndSaveAs();
      break;
    case 'undo':
      state.undo();
      break;
    case 'redo':
      state.redo();
      break;
    case 'view-model':
      state.setView('model');
      break;
    case 'view-compare':
      state.setView('compare');
      break;
    case 'view-capacity':
      state.setView('capacity');
      break;
    case 'view-benchmark':
      state.setView('benchmark');
      break;
    case 'view-export':
      state.setView('export');
      break;
  }
}

/**
 * A command from the Electron menu. Its Undo and Redo shortcuts reach the menu before the page,
 * so in a text field they edit the field's text, as the keyboard does in browser mode.
 */
export function runMenuCommand(session: PlacewiseSession, command: MenuCommand): void {
  if ((command === 'undo' || command === 'redo') && isTextEntry(document.activeElement)) {
    document.execCommand(command);
    return;
  }
  runCommand(session, command);
}

function isTextEntry(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/** The keyboard shortcut's command, if any; text fields keep their own undo. */
export function shortcutCommand(event: KeyboardEvent): MenuCommand | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 's') return event.shiftKey ? 'save-as' : 'save';
  if (key === 'o') return 'open';
  if (isTextEntry(event.target)) return null;
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y') return 'redo';
  return null;
}
