// Serves the packaged renderer from app://placewise/, with the same Content-Security-Policy as
// browser mode. Registered as a standard, secure scheme so that module workers and fetch work.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../host/content-security-policy';
import { contentTypeOf } from '../host/content-types';
import { APP_SCHEME, appFileFor } from './url-policy';

export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

export async function appProtocolResponse(appDir: string, url: string): Promise<Response> {
  const relative = appFileFor(url);
  if (relative === null) return new Response('not found', { status: 404 });
  try {
    const body = await readFile(join(appDir, relative));
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': contentTypeOf(relative),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch {
    return new Response('not found', { status: 404 });
  }
}

export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, appDir: string): void {
  protocol.handle(APP_SCHEME, (request) => appProtocolResponse(appDir, request.url));
}
