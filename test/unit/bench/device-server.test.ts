// The benchmark server of `placewise bench --on-device`, without a browser: only the URL's token
// opens it, it serves only its few routes with exact types and a strict policy, and it takes
// one result (or refuses a malformed one) and stops.
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { DeviceMeasurement, DevicePlan } from '../../../bench/on-device/device-protocol';
import { type DeviceServer, DeviceResultError, startDeviceServer } from '../../../bench/on-device/device-server';
import { bundledModel } from '../../../bench/models/bundled-models';
import { parseUserAgent } from '../../../bench/on-device/device-host';
import { bundledEntryPath } from '../../../bench/runner/bundled-entry';

const PLAN: DevicePlan = {
  model: 'bundled:paddleocr-cls',
  inputs: [],
  recurrent: {},
  warmup: 0,
  iterations: 3,
  seed: 1,
  overheadModel: '',
};

const MEASUREMENT: DeviceMeasurement = {
  onnxruntime: '1.30.0',
  executionProvider: 'wasm',
  threads: 4,
  crossOriginIsolated: true,
  userAgent:
    'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  hardwareConcurrency: 8,
  load_ms: 120,
  first_run_ms: 30,
  measure_ms: 60,
  latencies_ms: [20, 19, 21],
};

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with the path exactly as given (fetch would normalise `..` away). */
function ask(server: DeviceServer, path: string, method = 'GET', body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method,
        headers: body ? { 'Content-Type': 'application/json' } : {},
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

async function withServer(test: (server: DeviceServer) => Promise<void>, onConnected?: () => void): Promise<void> {
  const server = await startDeviceServer({
    plan: PLAN,
    modelFile: bundledModel('bundled:paddleocr-cls')!.file(),
    lan: false,
    timeoutS: 300,
    onConnected,
  });
  server.report.catch(() => undefined);
  try {
    await test(server);
  } finally {
    await server.close();
  }
}

describe('the on-device benchmark server', () => {
  it('listens on loopback only and serves nothing without the token', async () => {
    await withServer(async (server) => {
      expect(server.address).toBe('127.0.0.1');
      const token = server.path.slice(1, -1);
      expect(token.length).toBeGreaterThanOrEqual(32);
      const wrong = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
      for (const path of [
        '/',
        '/plan.json',
        `/${wrong}/`,
        `/${wrong}/plan.json`,
        `/${token.slice(0, 8)}/`,
        `/${token}`,
      ]) {
        const answer = await ask(server, path);
        expect(answer.status, path).toBe(404);
        expect(answer.body, path).toBe('');
      }
      const posted = await ask(server, `/${wrong}/result`, 'POST', JSON.stringify({ measurement: MEASUREMENT }));
      expect(posted.status).toBe(404);
      // The refused post did not end the run: the page still loads.
      expect((await ask(server, server.path)).status).toBe(200);
    });
  });

  it('serves only its routes, with exact types, isolation headers and a strict policy', async () => {
    await withServer(async (server) => {
      const page = await ask(server, server.path);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.headers['content-security-policy']).toContain("default-src 'none'");
      expect(page.headers['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(page.headers['cross-origin-embedder-policy']).toBe('require-corp');
      expect(page.headers['referrer-policy']).toBe('no-referrer');
      expect((await ask(server, `${server.path}page.js`)).headers['content-type']).toBe(
        'text/javascript; charset=utf-8',
      );
      const plan = await ask(server, `${server.path}plan.json`);
      expect(plan.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(JSON.parse(plan.body)).toEqual(PLAN);
      expect((await ask(server, `${server.path}ort/ort-wasm-simd-threaded.wasm`)).headers['content-type']).toBe(
        'application/wasm',
      );
      for (const path of ['ort/', 'ort/ort.all.min.mjs', 'ort/../package.json', '../package.json', 'page-script.ts']) {
        expect((await ask(server, `${server.path}${path}`)).status, path).toBe(404);
      }
      expect((await ask(server, `${server.path}plan.json`, 'POST', '{}')).status).toBe(405);
    });
  });

  it("serves the page's script built into dist/, and tells once when the device has come", async () => {
    let connected = 0;
    await withServer(
      async (server) => {
        await ask(server, '/plan.json');
        expect(connected).toBe(0);
        const script = await ask(server, `${server.path}page.js`);
        expect(connected).toBe(1);
        // A packaged app has neither the sources nor esbuild: the script is the bundle's.
        expect(script.body).toBe(readFileSync(await bundledEntryPath('device-page'), 'utf8'));
        await ask(server, `${server.path}plan.json`);
        expect(connected).toBe(1);
      },
      () => connected++,
    );
  });

  it('takes one result and then stops: a second post finds no server', async () => {
    await withServer(async (server) => {
      const body = JSON.stringify({ measurement: MEASUREMENT });
      expect((await ask(server, `${server.path}result`, 'POST', body)).status).toBe(204);
      expect(await server.report).toEqual({ measurement: MEASUREMENT });
      await expect(ask(server, `${server.path}result`, 'POST', body)).rejects.toThrow(
        /ECONNREFUSED|socket hang up|ECONNRESET/,
      );
    });
  });

  it('refuses a malformed result, saying what is wrong, and stops', async () => {
    await withServer(async (server) => {
      const bad = JSON.stringify({ measurement: { ...MEASUREMENT, latencies_ms: [20, -1] } });
      const report = server.report;
      expect((await ask(server, `${server.path}result`, 'POST', bad)).status).toBe(400);
      await expect(report).rejects.toThrow(DeviceResultError);
      await expect(report).rejects.toThrow('measurement.latencies_ms.1');
      await expect(ask(server, server.path)).rejects.toThrow();
    });
  });
});

describe('parseUserAgent', () => {
  it('names the browser and the system a device reports', () => {
    expect(parseUserAgent(MEASUREMENT.userAgent)).toEqual({ browser: 'Chrome', version: '131', os: 'Android 14' });
    expect(
      parseUserAgent(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      ),
    ).toEqual({ browser: 'Safari', version: '17', os: 'iPhone iOS 17' });
    expect(
      parseUserAgent(
        'Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36',
      ),
    ).toEqual({ browser: 'Samsung Internet', version: '23', os: 'Android 13' });
    expect(parseUserAgent('Mozilla/5.0 (X11; Linux aarch64; rv:128.0) Gecko/20100101 Firefox/128.0')).toEqual({
      browser: 'Firefox',
      version: '128',
      os: 'Linux',
    });
  });
});
