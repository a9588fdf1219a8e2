// Requests to a browser-mode server for the tests, answered or abandoned (a client that goes away).
import { request } from 'node:http';
import { TOKEN_HEADER } from '../../../electron/api/contract';
import type { BrowserModeServer } from '../../../electron/host/http-server';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface PendingCall {
  reply: Promise<Reply>;
  /** Closes the connection before the answer, as a closed tab would. */
  abandon(): void;
}

export function sendRequest(
  server: BrowserModeServer,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): PendingCall {
  let abandon = () => undefined as void;
  const reply = new Promise<Reply>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
    abandon = () => req.destroy();
  });
  // A call the test abandons (or the server closes) fails unobserved; one awaited still fails.
  reply.catch(() => undefined);
  return { reply, abandon };
}

/** A call of the API with the server's token. */
export function callApi(
  server: BrowserModeServer,
  method: string,
  args: unknown,
  headers: Record<string, string> = {},
): PendingCall {
  return sendRequest(server, `/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token, ...headers },
    body: JSON.stringify({ args }),
  });
}
