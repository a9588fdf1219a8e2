// The benchmark server of `placewise bench --on-device`: it serves one page that runs one model,
// and takes one result. Every route sits under a one-time random token that only the printed URL
// holds: a request without it gets a bare 404, whatever it asks for. There are no other routes
// and no directory serving: the page, its script, its plan, the model, the two onnxruntime-web
// files it loads, and the result it posts. The server stops after the first posted result or at
// the timeout, and closes every connection then.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type DevicePlan, type DeviceReport, deviceReportSchema, MAX_RESULT_BYTES } from './device-protocol';
import { ORT_FILE_NAMES } from './ort-files';
import { pageScript } from './page-bundle';
import { PAGE_HTML, SECURITY_HEADERS } from './page-html';

export interface DeviceServerOptions {
  plan: DevicePlan;
  modelFile: string;
  /** Listen on every interface (the local network) instead of 127.0.0.1 only. */
  lan: boolean;
  timeoutS: number;
  /** The device has opened the page: the first request that carries the token. */
  onConnected?: () => void;
}

export interface DeviceServer {
  /** The address the server listens on: 127.0.0.1, or 0.0.0.0 with `lan`. */
  address: string;
  port: number;
  /** The page's path, with the token: /TOKEN/. */
  path: string;
  /** What the page posted; rejects with DeviceTimeoutError at the timeout. */
  report: Promise<DeviceReport>;
  /** Stops early (on an interrupt); idempotent. */
  close(): Promise<void>;
}

export class DeviceTimeoutError extends Error {
  constructor(readonly timeoutS: number) {
    super(`no result within ${timeoutS} s`);
  }
}

/** The device posted something that is not a result of the page (it is refused, and the run ends). */
export class DeviceResultError extends Error {}

interface Asset {
  type: string;
  body: () => Buffer;
}

const require = createRequire(import.meta.url);

function assets(plan: DevicePlan, modelFile: string, pageScript: string): Map<string, Asset> {
  const ortFolder = dirname(require.resolve('onnxruntime-web/ort-wasm-simd-threaded.wasm'));
  const text = (value: string) => () => Buffer.from(value, 'utf8');
  const file = (path: string) => () => readFileSync(path);
  const javascript = 'text/javascript; charset=utf-8';
  return new Map<string, Asset>([
    ['', { type: 'text/html; charset=utf-8', body: text(PAGE_HTML) }],
    ['page.js', { type: javascript, body: text(pageScript) }],
    ['plan.json', { type: 'application/json; charset=utf-8', body: text(JSON.stringify(plan)) }],
    ['model.onnx', { type: 'application/octet-stream', body: file(modelFile) }],
    ...ORT_FILE_NAMES.map((name): [string, Asset] => [
      `ort/${name}`,
      { type: name.endsWith('.wasm') ? 'application/wasm' : javascript, body: file(join(ortFolder, name)) },
    ]),
  ]);
}

export async function startDeviceServer(options: DeviceServerOptions): Promise<DeviceServer> {
  const token = randomBytes(24).toString('base64url');
  const routes = assets(options.plan, options.modelFile, await pageScript());
  let settle: { resolve: (report: DeviceReport) => void; reject: (error: Error) => void };
  const report = new Promise<DeviceReport>((resolve, reject) => {
    settle = { resolve, reject };
  });
  let accepting = true;
  let connected = false;

  const server = createServer((request, response) => {
    const route = routeOf(request.url ?? '', token);
    if (route === undefined || !accepting) return refuse(response, 404);
    if (!connected) {
      connected = true;
      options.onConnected?.();
    }
    if (route === 'result') {
      if (request.method !== 'POST') return refuse(response, 405);
      accepting = false;
      // The run ends once the answer is out: closing connections earlier could cut it off.
      void readResult(request).then(
        (posted) => {
          response.once('finish', () => settle.resolve(posted));
          send(response, 204, { Connection: 'close' });
        },
        (error: Error) => {
          response.once('finish', () => settle.reject(error));
          send(response, 400, { Connection: 'close' });
        },
      );
      return;
    }
    const asset = routes.get(route);
    if (!asset) return refuse(response, 404);
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, 405);
    const body = asset.body();
    send(response, 200, { 'Content-Type': asset.type, 'Content-Length': String(body.length) });
    response.end(request.method === 'HEAD' ? undefined : body);
  });

  const address = options.lan ? '0.0.0.0' : '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, address, () => resolve());
  });
  const timer = setTimeout(() => settle.reject(new DeviceTimeoutError(options.timeoutS)), options.timeoutS * 1000);
  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= new Promise<void>((resolve) => {
      accepting = false;
      clearTimeout(timer);
      server.close(() => resolve());
      server.closeAllConnections();
    }));
  // One result or the timeout ends the server; the response to the result is sent first.
  void report.then(close, close);
  return { address, port: (server.address() as AddressInfo).port, path: `/${token}/`, report, close };
}

/** The route under the token (e.g. `plan.json`, or '' for the page), or undefined without the token. */
function routeOf(url: string, token: string): string | undefined {
  const path = url.split('?')[0];
  const match = /^\/([^/]+)\/(.*)$/.exec(path);
  if (!match) return undefined;
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return match[2];
}

function send(response: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  response.writeHead(status, { ...SECURITY_HEADERS, ...headers });
  if (status !== 200) response.end();
}

// Says nothing about why: not whether the token or the route was wrong.
function refuse(response: ServerResponse, status: 404 | 405): void {
  send(response, status);
}

async function readResult(request: IncomingMessage): Promise<DeviceReport> {
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\b/.test(type)) throw new DeviceResultError(`the result was sent as '${type}', not JSON`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_RESULT_BYTES) throw new DeviceResultError(`the result is larger than ${MAX_RESULT_BYTES} bytes`);
    chunks.push(chunk);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new DeviceResultError('the result is not valid JSON');
  }
  const parsed = deviceReportSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DeviceResultError(
      `the result is not a measurement: ${issue.path.join('.') || '(body)'}: ${issue.message}`,
    );
  }
  return parsed.data;
}
