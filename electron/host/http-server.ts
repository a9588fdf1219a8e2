// Browser mode: the built renderer and the API over HTTP, on 127.0.0.1 only. Every API call
// carries a per-server token that only the served page knows, and Host and Origin are checked,
// so other sites in the same browser (or DNS rebinding) cannot reach the user's files. Heavy
// work runs on the host's worker threads: a full queue answers 429 with Retry-After, and a
// call whose client closed its connection is cancelled.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, sep } from 'node:path';
import { describeJsonSyntaxProblem, jsonSyntaxProblem } from '../../simulator/scenario/json-syntax';
import { type HostApi, invokeApi } from '../api/arguments';
import { ApiError, HostBusyError, TOKEN_HEADER } from '../api/contract';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { contentTypeOf, isJsonContentType } from './content-types';

const MAX_BODY_BYTES = 12_000_000;

export interface BrowserModeServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export interface BrowserModeOptions {
  host: HostApi;
  /** The built renderer (dist-app/). */
  appDir: string;
  /** 0 or absent: a free port. */
  port?: number;
}

export async function startBrowserModeServer(options: BrowserModeOptions): Promise<BrowserModeServer> {
  const token = randomBytes(24).toString('hex');
  let port = 0;
  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { ok: false, error: message(error) });
      else response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(request.headers.host ?? '')) return sendText(response, 421, 'unknown host');
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) {
      if (request.method !== 'POST') return sendText(response, 405, 'the API takes POST');
      const origin = request.headers.origin;
      if (origin !== undefined && !allowedHosts.some((allowed) => origin === `http://${allowed}`)) {
        return sendText(response, 403, 'cross-origin calls are refused');
      }
      if (request.headers[TOKEN_HEADER] !== token) return sendText(response, 403, 'missing or wrong API token');
      if (!isJsonContentType(request.headers['content-type'])) {
        return sendText(response, 415, 'the API takes application/json');
      }
      return handleApi(url.pathname.slice('/api/'.length), request, response);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, 'method not allowed');
    return serveStatic(url.pathname, response);
  }

  async function handleApi(method: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    let body: unknown;
    let text = '';
    try {
      text = await readBody(request);
      body = JSON.parse(text);
    } catch (error) {
      const problem = text === '' ? message(error) : describeJsonSyntaxProblem(jsonSyntaxProblem(error, text));
      return sendJson(response, 400, { ok: false, error: `the request body is not JSON: ${problem}` });
    }
    const args = typeof body === 'object' && body !== null && 'args' in body ? body.args : undefined;
    // The client may give up (a closed tab, a timeout): its work is then dropped or stopped.
    const gone = new AbortController();
    response.on('close', () => {
      if (!response.writableFinished) gone.abort();
    });
    try {
      const value = await invokeApi(options.host, method, args, { signal: gone.signal });
      sendJson(response, 200, { ok: true, value: value ?? null });
    } catch (error) {
      if (gone.signal.aborted) return;
      if (error instanceof HostBusyError) response.setHeader('Retry-After', String(error.retryAfterS));
      const status = error instanceof HostBusyError ? 429 : error instanceof ApiError ? 400 : 500;
      sendJson(response, status, { ok: false, error: message(error) });
    }
  }

  async function serveStatic(pathname: string, response: ServerResponse): Promise<void> {
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = normalize(join(options.appDir, relative));
    if (!file.startsWith(normalize(options.appDir) + sep)) return sendText(response, 404, 'not found');
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch {
      return sendText(response, 404, 'not found');
    }
    const type = contentTypeOf(file);
    if (relative === 'index.html') {
      const meta = `<meta name="placewise-token" content="${token}">`;
      content = Buffer.from(content.toString('utf8').replace('</head>', `${meta}</head>`));
      response.setHeader('Cache-Control', 'no-store');
    }
    response.writeHead(200, {
      'Content-Type': type,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
    response.end(content);
  }

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, rejectBody) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        rejectBody(new Error('the request is too large'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    request.on('error', rejectBody);
  });
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(value));
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(text);
}
