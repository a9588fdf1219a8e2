import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { appProtocolResponse } from '../../../electron/main/app-protocol';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'placewise-protocol-'));
  await writeFile(join(dir, 'index.html'), '<html></html>');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('the app protocol serves the renderer with the Content-Security-Policy', async () => {
  const response = await appProtocolResponse(dir, 'app://placewise/');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/html');
  expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  expect(await response.text()).toBe('<html></html>');
});

test('the app protocol answers 404 outside the renderer and for other hosts', async () => {
  expect((await appProtocolResponse(dir, 'app://placewise/missing.js')).status).toBe(404);
  expect((await appProtocolResponse(dir, 'app://placewise/..%2fsecret')).status).toBe(404);
  expect((await appProtocolResponse(dir, 'app://elsewhere/index.html')).status).toBe(404);
});
