import { describe, expect, test } from 'vitest';
import { isAllowedExternalLink } from '../../../electron/api/external-links';
import { appFileFor, isAppUrl } from '../../../electron/main/url-policy';

describe('URL policy', () => {
  test('only app://placewise is the app', () => {
    expect(isAppUrl('app://placewise/index.html')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('https://placewise/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  test('external links are https to an allowed host, without credentials or another port', () => {
    expect(isAllowedExternalLink('https://onnxruntime.ai/docs/performance/')).toBe(true);
    expect(isAllowedExternalLink('https://github.com/placewise/placewise/issues')).toBe(true);
    expect(isAllowedExternalLink('http://onnxruntime.ai/docs/')).toBe(false);
    expect(isAllowedExternalLink('https://example.com/x')).toBe(false);
    expect(isAllowedExternalLink('https://github.com.evil.example/')).toBe(false);
    expect(isAllowedExternalLink('https://evil.example/?https://github.com/')).toBe(false);
    expect(isAllowedExternalLink('https://user:pw@github.com/')).toBe(false);
    expect(isAllowedExternalLink('https://github.com:8443/')).toBe(false);
    expect(isAllowedExternalLink('file:///etc/passwd')).toBe(false);
    expect(isAllowedExternalLink('javascript:alert(1)')).toBe(false);
    expect(isAllowedExternalLink('smb://github.com/x')).toBe(false);
    expect(isAllowedExternalLink('not a url')).toBe(false);
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
