import { describe, expect, test } from 'vitest';
import { ipcChannel } from '../../../electron/api/contract';
import { prepareDesktopApp, startDesktopApp } from '../../../electron/main/desktop-app';
import { APP_START_URL } from '../../../electron/main/url-policy';
import { createFakeElectron, FakeWebContents, ipcEvent } from './fake-electron';

const paths = {
  appDir: '/nowhere/dist-app',
  preloadPath: '/nowhere/preload.cjs',
  startScenarioPath: null,
  version: 'test',
};

describe('the desktop shell', () => {
  test('registers the app scheme as privileged and enables the sandbox before the app is ready', () => {
    const { electron, fake, calls } = createFakeElectron();
    prepareDesktopApp(electron);
    expect(fake.protocol.schemes).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    expect(calls).toContain('enableSandbox');
  });

  test('opens one window with isolation, sandbox and no Node, on the app protocol', async () => {
    const { electron, windows, fake, calls } = createFakeElectron();
    await startDesktopApp(electron, paths);
    expect(windows).toHaveLength(1);
    const preferences = windows[0].options.webPreferences as Record<string, unknown>;
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: paths.preloadPath,
    });
    expect(windows[0].loaded).toEqual([APP_START_URL]);
    expect(fake.protocol.handled).toEqual(['app']);
    expect(calls).toContain('setApplicationMenu');
  });

  test('shows the window once its first frame is ready, not before (no blank flash)', async () => {
    const { electron, windows } = createFakeElectron();
    await startDesktopApp(electron, paths);
    expect(windows[0].options.show).toBe(false);
    expect(windows[0].shown).toBe(false);
    windows[0].emit('ready-to-show');
    expect(windows[0].shown).toBe(true);
  });

  test('registers one IPC channel per API method and nothing generic', async () => {
    const { electron, handlers } = createFakeElectron();
    await startDesktopApp(electron, paths);
    expect([...handlers.keys()]).toContain(ipcChannel('openScenario'));
    expect([...handlers.keys()].every((channel) => /^placewise:[a-zA-Z]+$/.test(channel))).toBe(true);
    expect([...handlers.keys()].some((channel) => /invoke|send/i.test(channel))).toBe(false);
  });

  test('every web contents created later gets the same navigation rules', async () => {
    const { electron, fake, opened } = createFakeElectron();
    prepareDesktopApp(electron);
    const contents = new FakeWebContents();
    fake.app.emit('web-contents-created', {}, contents);
    expect(contents.navigate('will-navigate', 'https://onnxruntime.ai/')).toBe(true);
    expect(contents.navigate('will-frame-navigate', 'https://onnxruntime.ai/')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://onnxruntime.ai/' })).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(opened).toEqual(['https://onnxruntime.ai/']);
  });

  test('the host opens only https links to the allowed hosts through shell.openExternal', async () => {
    const { electron, handlers, opened } = createFakeElectron();
    await startDesktopApp(electron, paths);
    const openExternal = handlers.get(ipcChannel('openExternal'))!;
    for (const url of ['file:///etc/passwd', 'http://onnxruntime.ai/docs/', 'https://placewise.example/docs']) {
      await expect(openExternal(ipcEvent(APP_START_URL), url)).resolves.toMatchObject({
        ok: false,
        error: expect.stringContaining(`refusing to open ${url}: only https links to github.com`),
      });
    }
    await expect(openExternal(ipcEvent(APP_START_URL), 'https://onnxruntime.ai/docs/')).resolves.toEqual({
      ok: true,
      value: null,
    });
    expect(opened).toEqual(['https://onnxruntime.ai/docs/']);
  });
});
