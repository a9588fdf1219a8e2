// Only regular files are read: a device (/dev/zero, which never ends), a FIFO (which waits for a
// writer) and a folder are refused at once with a message saying what they are, on every path
// that opens or imports a file, in the CLI and in the host.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { cliMessages, hostMessages, readingHost } from './every-read-path';

const dir = mkdtempSync(join(tmpdir(), 'placewise-special-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fifo = join(dir, 'pipe.yaml');
execFileSync('mkfifo', [fifo]);

const SPECIAL: [string, string, RegExp][] = [
  ['/dev/zero', '/dev/zero', /\/dev\/zero: is a device, not a regular file/],
  ['a FIFO', fifo, /pipe\.yaml: is a FIFO \(named pipe\), not a regular file/],
  ['a folder', dir, /placewise-special-\w+: is a folder, not a/],
];

const host = readingHost(join(dir, 'data'));

test.each(SPECIAL)('the CLI refuses %s on every path', async (_name, file, refusal) => {
  for (const { path, code, message } of await cliMessages(file, mkdtempSync(join(dir, 'cli-')))) {
    expect(code, path).toBe(2);
    expect(message, path).toMatch(refusal);
  }
});

test.each(SPECIAL)('the host refuses %s on every path', async (_name, file, refusal) => {
  for (const { path, message } of await hostMessages(host, file)) expect(message, path).toMatch(refusal);
});
