import { beforeEach, describe, expect, test, vi } from 'vitest';
import { API_METHODS, ipcChannel } from '../../../electron/api/contract';
import { MENU_COMMAND_CHANNEL, MENU_OPEN_PATH_CHANNEL } from '../../../electron/api/menu-commands';

const exposed = new Map<string, Record<string, unknown>>();
const invoke = vi.fn();
const listeners = new Map<string, (event: unknown, value: unknown) => void>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: Record<string, unknown>) => exposed.set(key, value) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => invoke(...args),
    on: (channel: string, listener: (event: unknown, value: unknown) => void) => listeners.set(channel, listener),
    removeListener: (channel: string) => listeners.delete(channel),
  },
}));

beforeEach(async () => {
  await import('../../../electron/preload');
});

describe('the preload bridge', () => {
  test('exposes exactly the named API methods', () => {
    expect(Object.keys(exposed.get('placewise')!).sort()).toEqual([...API_METHODS].sort());
    expect(Object.values(exposed.get('placewise')!).every((value) => typeof value === 'function')).toBe(true);
  });

  test('each method invokes its own channel and unwraps the reply', async () => {
    invoke.mockResolvedValueOnce({ ok: true, value: { ok: true, path: '/tmp/a.yaml' } });
    const api = exposed.get('placewise')! as Record<string, (...args: unknown[]) => Promise<unknown>>;
    await expect(api.saveScenario({ path: '/tmp/a.yaml', text: 'x' })).resolves.toEqual({
      ok: true,
      path: '/tmp/a.yaml',
    });
    expect(invoke).toHaveBeenCalledWith(ipcChannel('saveScenario'), { path: '/tmp/a.yaml', text: 'x' });
    invoke.mockResolvedValueOnce({ ok: false, error: 'openScenario: invalid arguments' });
    await expect(api.openScenario(1)).rejects.toThrow('openScenario: invalid arguments');
  });

  test('menu commands reach the renderer only when they are known commands', () => {
    const heard: string[] = [];
    const menu = exposed.get('placewiseMenu')! as { onCommand(listener: (command: string) => void): () => void };
    const stop = menu.onCommand((command) => heard.push(command));
    listeners.get(MENU_COMMAND_CHANNEL)?.({}, 'undo');
    listeners.get(MENU_COMMAND_CHANNEL)?.({}, 'rm -rf');
    expect(heard).toEqual(['undo']);
    stop();
    expect(listeners.has(MENU_COMMAND_CHANNEL)).toBe(false);
  });

  test('File › Open Recent paths reach the renderer as strings only', () => {
    const opened: string[] = [];
    const menu = exposed.get('placewiseMenu')! as { onOpenPath(listener: (path: string) => void): () => void };
    menu.onOpenPath((path) => opened.push(path));
    listeners.get(MENU_OPEN_PATH_CHANNEL)?.({}, '/work/a.yaml');
    listeners.get(MENU_OPEN_PATH_CHANNEL)?.({}, { path: '/etc/passwd' });
    expect(opened).toEqual(['/work/a.yaml']);
  });
});
