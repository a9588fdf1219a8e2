import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TOKEN_HEADER } from '../../../electron/api/contract';
import { createPlacewiseHost } from '../../../electron/host/host';
import { type BrowserModeServer, startBrowserModeServer } from '../../../electron/host/http-server';
import { callApi, sendRequest } from './http-call';

let dir: string;
let server: BrowserModeServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'placewise-http-'));
  const appDir = join(dir, 'app');
  await mkdir(join(appDir, 'assets'), { recursive: true });
  await writeFile(join(appDir, 'index.html'), '<html><head></head><body></body></html>');
  await writeFile(join(appDir, 'assets', 'main.js'), 'console.log(1)');
  await writeFile(join(dir, 'secret.txt'), 'secret');
  await writeFile(join(dir, 'scenario.yaml'), 'placewise: 1');
  const host = createPlacewiseHost({
    transport: 'http',
    dataDir: join(dir, 'data'),
    startScenarioPath: null,
    version: 'test',
  });
  server = await startBrowserModeServer({ host, appDir });
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const send = (path: string, options: Parameters<typeof sendRequest>[2] = {}) =>
  sendRequest(server, path, options).reply;
const api = (method: string, args: unknown, headers: Record<string, string> = {}) =>
  callApi(server, method, args, headers).reply;

describe('the browser-mode server', () => {
  test('listens on 127.0.0.1 on a free port and serves the app with its token and CSP', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await send('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta name="placewise-token" content="${server.token}">`);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await send('/assets/main.js')).headers['content-type']).toContain('text/javascript');
  });

  test('does not serve files outside the app folder', async () => {
    expect((await send('/../secret.txt')).status).toBe(404);
    expect((await send('/%2e%2e/secret.txt')).status).toBe(404);
    expect((await send('/assets/..%2f..%2fsecret.txt')).status).toBe(404);
  });

  test('answers API calls that carry the token', async () => {
    const reply = await api('openScenario', [join(dir, 'scenario.yaml')]);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({
      ok: true,
      value: { ok: true, file: { path: join(dir, 'scenario.yaml'), text: 'placewise: 1' } },
    });
  });

  test('refuses calls without the token, from other origins, with other hosts, or not JSON', async () => {
    expect((await api('hostInfo', [], { [TOKEN_HEADER]: 'wrong' })).status).toBe(403);
    expect((await api('hostInfo', [], { origin: 'https://evil.example' })).status).toBe(403);
    expect((await api('hostInfo', [], { host: 'evil.example' })).status).toBe(421);
    const plain = await send('/api/hostInfo', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', [TOKEN_HEADER]: server.token },
      body: '{}',
    });
    expect(plain.status).toBe(415);
    expect((await send('/api/hostInfo')).status).toBe(405);
  });

  test('the API takes exactly application/json, at most with a UTF-8 charset', async () => {
    for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset="UTF-8"'])
      expect((await api('hostInfo', [], { 'content-type': type })).status, type).toBe(200);
    for (const type of [
      'application/jsonx',
      'application/json-patch+json',
      'application/json; charset=latin1',
      'application/json; boundary=x',
      'application/json, text/plain',
      'text/json',
    ])
      expect((await api('hostInfo', [], { 'content-type': type })).status, type).toBe(415);
  });

  test('bad arguments and unknown methods get a 400 with the reason', async () => {
    const bad = await api('saveScenario', [{ path: 7, text: 'x' }]);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error).toBe(
      'saveScenario: invalid arguments at argument 0.path: Invalid input: expected string, received number',
    );
    const unknown = await api('deleteEverything', []);
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.body).error).toBe("unknown API method 'deleteEverything'");
    const garbage = await send('/api/hostInfo', {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token },
      body: '{',
    });
    expect(garbage.status).toBe(400);
  });
});
