import { describe, expect, test } from 'vitest';
import { linkOpener } from '../../../electron/main/open-link';
import { hardenWebContents, secureWindowOptions } from '../../../electron/main/window';
import { FakeWebContents } from './fake-electron';

function hardened() {
  const contents = new FakeWebContents();
  const opened: string[] = [];
  hardenWebContents(contents as never, linkOpener({ openExternal: async (url) => void opened.push(url) }));
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

  test('no frame in the page navigates away from the app either', () => {
    const { contents } = hardened();
    expect(contents.navigate('will-frame-navigate', 'app://placewise/index.html')).toBe(false);
    expect(contents.navigate('will-frame-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.navigate('will-frame-navigate', 'data:text/html,<script>1</script>')).toBe(true);
  });

  test('new windows are denied; allowed links open in the browser, others nowhere', async () => {
    const { contents, opened } = hardened();
    for (const url of [
      'https://onnxruntime.ai/docs/',
      'https://example.com/a',
      'http://onnxruntime.ai/docs/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'app://placewise/index.html',
    ]) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
    await Promise.resolve();
    expect(opened).toEqual(['https://onnxruntime.ai/docs/']);
  });

  test('webviews, permission requests, permission checks and devices are refused, but for copying from the app', () => {
    const { contents } = hardened();
    let prevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    const request = (permission: string, requestingUrl: string) => {
      let granted: boolean | undefined;
      contents.permissionHandler?.({}, permission, (answer) => (granted = answer), { requestingUrl });
      return granted;
    };
    expect(request('media', 'app://placewise/index.html')).toBe(false);
    expect(request('notifications', 'app://placewise/index.html')).toBe(false);
    expect(request('clipboard-sanitized-write', 'app://placewise/index.html')).toBe(true);
    expect(request('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(contents.permissionCheckHandler?.({}, 'clipboard-read', 'app://placewise')).toBe(false);
    expect(contents.permissionCheckHandler?.({}, 'hid', 'app://placewise')).toBe(false);
    expect(contents.permissionCheckHandler?.({}, 'clipboard-sanitized-write', 'app://placewise')).toBe(true);
    expect(contents.permissionCheckHandler?.({}, 'clipboard-sanitized-write', 'https://evil.example')).toBe(false);
    expect(contents.devicePermissionHandler?.({ deviceType: 'usb' })).toBe(false);
  });
});
