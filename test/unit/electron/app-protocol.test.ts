import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { appProtocolResponse } from '../../../electron/main/app-protocol';
import { startDesktopApp } from '../../../electron/main/desktop-app';
import { createFakeElectron } from './fake-electron';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'placewise-protocol-'));
  await writeFile(join(dir, 'index.html'), '<html></html>');
  await writeFile(join(dir, 'main.js'), 'export {};');
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

test('the handler the shell registers answers the Requests Electron hands it, from the renderer folder', async () => {
  const { electron, fake } = createFakeElectron();
  await startDesktopApp(electron, {
    appDir: dir,
    preloadPath: join(dir, 'preload.cjs'),
    startScenarioPath: null,
    version: 'test',
  });
  const handler = fake.protocol.handlers.get('app')!;
  // What a page load sends: the URL, plus headers that name other URLs (the page that asked).
  const load = (url: string) => handler(new Request(url, { headers: { Referer: 'app://placewise/index.html' } }));
  const page = await load('app://placewise/index.html');
  expect(page.status).toBe(200);
  expect(await page.text()).toBe('<html></html>');
  const script = await load('app://placewise/main.js');
  expect(script.status).toBe(200);
  expect(script.headers.get('content-type')).toContain('javascript');
  expect(await script.text()).toBe('export {};');
  expect((await load('app://placewise/missing.js')).status).toBe(404);
  expect((await load('app://elsewhere/index.html')).status).toBe(404);
});
