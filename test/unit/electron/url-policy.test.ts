import { describe, expect, test } from 'vitest';
import { appFileFor, isAppUrl, isSafeExternalUrl } from '../../../electron/main/url-policy';

describe('URL policy', () => {
  test('only app://placewise is the app', () => {
    expect(isAppUrl('app://placewise/index.html')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('https://placewise/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  test('external links are http(s) with a host and no credentials', () => {
    expect(isSafeExternalUrl('https://example.com/x')).toBe(true);
    expect(isSafeExternalUrl('http://example.com')).toBe(true);
    expect(isSafeExternalUrl('https://user:pw@example.com')).toBe(false);
    expect(isSafeExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isSafeExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeExternalUrl('smb://share/x')).toBe(false);
  });

  test('app files stay inside the renderer folder', () => {
    expect(appFileFor('app://placewise/')).toBe('index.html');
    expect(appFileFor('app://placewise/assets/index-abc.js')).toBe('assets/index-abc.js');
    // The URL parser resolves dot segments first, so this stays inside the folder.
    expect(appFileFor('app://placewise/%2e%2e/%2e%2e/etc/passwd')).toBe('etc/passwd');
    expect(appFileFor('app://placewise/assets/..%2f..%2fsecret')).toBeNull();
    expect(appFileFor('https://placewise/index.html')).toBeNull();
  });
});
