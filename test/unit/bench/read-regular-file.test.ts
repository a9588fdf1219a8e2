// Files named by a user are read only when regular and within their kind's size limit: a device,
// a FIFO or a folder is refused at once with a message, never read (or waited on) without end.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  FILE_SIZE_LIMITS,
  readRegularFile,
  readRegularFileSync,
  UnreadableFileError,
} from '../../../bench/files/read-regular-file';

const dir = mkdtempSync(join(tmpdir(), 'placewise-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const readers = [
  ['sync', async (file: string, kind: 'scenario' | 'model') => readRegularFileSync(file, kind)],
  ['async', readRegularFile],
] as const;

async function refusal(read: (typeof readers)[number][1], file: string, kind: 'scenario' | 'model' = 'scenario') {
  const error = await read(file, kind).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UnreadableFileError);
  return error as UnreadableFileError;
}

describe.each(readers)('reading a file a user named (%s)', (_name, read) => {
  test('a regular file, or a symlink to one, is read whole', async () => {
    const file = join(dir, 'scenario.yaml');
    writeFileSync(file, 'placewise: 1\n');
    symlinkSync(file, join(dir, `link-${_name}.yaml`));
    expect((await read(file, 'scenario')).toString()).toBe('placewise: 1\n');
    expect((await read(join(dir, `link-${_name}.yaml`), 'scenario')).toString()).toBe('placewise: 1\n');
  });

  test('a file whose size the system does not know (/proc) is read to its end', async () => {
    expect((await read('/proc/self/status', 'scenario')).toString()).toContain('Pid:');
  });

  test('devices, FIFOs, sockets and folders are refused, saying what they are', async () => {
    expect((await refusal(read, '/dev/zero')).message).toBe(
      '/dev/zero: is a device, not a regular file: only regular files are read as a scenario file',
    );
    const fifo = join(dir, `pipe-${_name}`);
    execFileSync('mkfifo', [fifo]);
    // No writer ever opens it: a reader that opened it blocking would hang here.
    expect((await refusal(read, fifo, 'model')).message).toBe(
      `${fifo}: is a FIFO (named pipe), not a regular file: only regular files are read as a model file`,
    );
    symlinkSync('/dev/zero', join(dir, `zero-${_name}`));
    expect((await refusal(read, join(dir, `zero-${_name}`))).code).toBe('ENOTREG');
    expect((await refusal(read, dir)).message).toBe(`${dir}: is a folder, not a scenario file`);
  });

  test('a file over its kind’s limit is refused before it is read', async () => {
    const big = join(dir, `big-${_name}.yaml`);
    writeFileSync(big, '');
    truncateSync(big, FILE_SIZE_LIMITS.scenario + 1);
    const error = await refusal(read, big);
    expect(error.message).toBe(`${big}: too large for a scenario file (5,000,001 bytes; the limit is 5 MB)`);
    expect(error.code).toBe('EFBIG');
    // Each kind has its own limit: the same file is a small model.
    expect((await read(big, 'model')).length).toBe(FILE_SIZE_LIMITS.scenario + 1);
  });

  test('a missing file says so', async () => {
    expect((await refusal(read, join(dir, 'nope.yaml'))).message).toBe(`${join(dir, 'nope.yaml')}: no such file`);
  });
});
