// The renderer's Content-Security-Policy lives in two places: the header every file of the app
// is sent with, and a <meta> tag in app/index.html that tools reading the page see.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../../electron/host/content-security-policy';

const root = join(import.meta.dirname, '..', '..', '..');

test('app/index.html carries the policy as a meta tag, before any script', async () => {
  const html = await readFile(join(root, 'app', 'index.html'), 'utf8');
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html);
  expect(meta?.[1]).toBe(META_CONTENT_SECURITY_POLICY);
  expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
});

test('the meta tag is the header without frame-ancestors, which a meta tag cannot carry', () => {
  expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  expect(META_CONTENT_SECURITY_POLICY).not.toContain('frame-ancestors');
  expect(`${META_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`).toBe(CONTENT_SECURITY_POLICY);
  for (const directive of ["script-src 'self'", "object-src 'none'", "connect-src 'self'"]) {
    expect(META_CONTENT_SECURITY_POLICY).toContain(directive);
  }
});
