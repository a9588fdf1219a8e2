import { describe, expect, test } from 'vitest';
import { hardenWebContents, secureWindowOptions } from '../../../electron/main/window';
import { FakeWebContents } from './fake-electron';

function hardened() {
  const contents = new FakeWebContents();
  const opened: string[] = [];
  hardenWebContents(contents as never, async (url) => {
    opened.push(url);
  });
  return { contents, opened };
}

describe('window security', () => {
  test('the web preferences isolate the renderer from Node', () => {
    const preferences = secureWindowOptions('/preload.cjs').webPreferences!;
    expect(preferences.contextIsolation).toBe(true);
    expect(preferences.sandbox).toBe(true);
    expect(preferences.nodeIntegration).toBe(false);
    expect(preferences.webviewTag).toBe(false);
  });

  test('navigation stays on the app', () => {
    const { contents } = hardened();
    expect(contents.navigate('will-navigate', 'app://placewise/index.html')).toBe(false);
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.navigate('will-redirect', 'http://127.0.0.1:8080/')).toBe(true);
  });

  test('new windows are denied; safe links open in the browser, others nowhere', () => {
    const { contents, opened } = hardened();
    for (const url of [
      'https://example.com/a',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'app://placewise/index.html',
    ]) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://example.com/a']);
  });

  test('webviews and permission requests are refused', () => {
    const { contents } = hardened();
    let prevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    let granted: boolean | undefined;
    contents.permissionHandler?.({}, 'media', (answer) => (granted = answer));
    expect(granted).toBe(false);
  });
});
