// Errors name the problem, never the content: files that are not scenarios or results files
// (a password file, an environment file, a key, binary data) are read through every path that
// opens or imports a file, in the CLI, the host and the app, and no message quotes a byte of them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { cliMessages, hostMessages, readingHost } from './every-read-path';

// Short, so that a quoted fragment of a line (V8 quotes ten characters) holds it whole.
const MARKER = 'Xq7Zk';
const dir = mkdtempSync(join(tmpdir(), 'placewise-secret-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CONTENTS: Record<string, string | Buffer> = {
  shadow: `root:${MARKER}:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n`,
  env: `API_KEY=${MARKER}\nDEBUG=1\n`,
  'yaml-config': `${MARKER}: ${MARKER}\nother: [${MARKER}]\n`,
  'yaml-alias': `a: *${MARKER}\n`,
  'yaml-tag': `a: !${MARKER} x\nb: |${MARKER}\n`,
  'yaml-broken': `a: [${MARKER}\nb: "${MARKER}\\q"\n`,
  'json-bare-token': `{"token": ${MARKER}}`,
  'json-unterminated': `{"token": "${MARKER}`,
  'json-not-results': JSON.stringify({ [MARKER]: { [MARKER]: MARKER }, model: MARKER }),
  binary: Buffer.concat([Buffer.from([0, 255, 8, 1]), Buffer.from(MARKER), Buffer.from([0, 0, 254])]),
};
const files = Object.entries(CONTENTS).map(([name, content]) => {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, content);
  return [name, file] as const;
});

const host = readingHost(join(dir, 'data'));

test.each(files)('the CLI quotes nothing of a %s file', async (_name, file) => {
  const messages = await cliMessages(file, dir);
  for (const { path, code, message } of messages) {
    expect(code, path).toBe(2);
    expect(message, path).toMatch(/\S/);
  }
  expect(messages.filter(({ message }) => message.includes(MARKER))).toEqual([]);
});

test.each(files)('the host and the app quote nothing of a %s file', async (_name, file) => {
  const messages = await hostMessages(host, file);
  expect(messages.map(({ message }) => message)).not.toContain('imported');
  expect(messages.map(({ message }) => message)).not.toContain('exported');
  expect(messages.filter(({ message }) => message.includes(MARKER))).toEqual([]);
});
