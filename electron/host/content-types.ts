// Content types of the renderer's built files, for both the browser-mode server and the
// Electron app protocol, and the one the API accepts.
import { extname } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
}

// Exactly application/json, with at most a UTF-8 charset: not application/jsonx, not a type
// with other parameters a parser might read differently.
const JSON_CONTENT_TYPE = /^application\/json[ \t]*(?:;[ \t]*charset[ \t]*=[ \t]*(?:utf-8|"utf-8")[ \t]*)?$/i;

/** Whether a request's Content-Type header says the body is JSON (the API takes nothing else). */
export function isJsonContentType(header: string | undefined): boolean {
  return header !== undefined && JSON_CONTENT_TYPE.test(header);
}
