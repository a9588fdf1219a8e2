// The one writer of saves, recovery copies and exports: whole or not at all, durable, and
// respectful of what the file is (its permissions, a symlink, its hard links).
import fs, { fstatSync } from 'node:fs';
import {
  chmod,
  link,
  lstat,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { sha256, writeFileAtomically } from '../../../electron/host/atomic-write';
import { WriteJournal } from '../../../electron/host/write-journal';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'placewise-write-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomically', () => {
  test("keeps the file's permissions", async () => {
    const path = join(dir, 's.yaml');
    await writeFile(path, 'old');
    await chmod(path, 0o640);
    await writeFileAtomically(path, 'new');
    expect((await stat(path)).mode & 0o777).toBe(0o640);
    expect(await readFile(path, 'utf8')).toBe('new');
  });

  test('writes through a symlink to its target, and the link stays a link', async () => {
    await fs.promises.mkdir(join(dir, 'shared'));
    const target = join(dir, 'shared', 'real.yaml');
    const path = join(dir, 'linked.yaml');
    await writeFile(target, 'old');
    await symlink(target, path);
    await writeFileAtomically(path, 'new');
    expect((await lstat(path)).isSymbolicLink()).toBe(true);
    expect(await readlink(path)).toBe(target);
    expect(await readFile(target, 'utf8')).toBe('new');
    expect((await readdir(dir)).sort()).toEqual(['linked.yaml', 'shared']);
  });

  test('keeps hard links: every name still holds the one inode, with the new text', async () => {
    const path = join(dir, 's.yaml');
    const other = join(dir, 'other-name.yaml');
    await writeFile(path, 'old text, longer than the new one');
    await link(path, other);
    const before = await stat(path);
    const journal = new WriteJournal(join(dir, 'journal'));
    await writeFileAtomically(path, 'new', { journal });
    const after = await stat(path);
    expect(after.ino).toBe(before.ino);
    expect(after.nlink).toBe(2);
    expect((await stat(other)).ino).toBe(before.ino);
    expect(await readFile(other, 'utf8')).toBe('new');
    expect((await readdir(dir)).sort()).toEqual(['journal', 'other-name.yaml', 's.yaml']);
    expect(await readdir(join(dir, 'journal'))).toEqual([]);
  });

  test('fsyncs the file before the rename and the folder after it', async () => {
    const calls: string[] = [];
    const fsync = fs.fsync;
    vi.spyOn(fs, 'fsync').mockImplementation(((descriptor: number, callback: (error: Error | null) => void) => {
      calls.push(fstatSync(descriptor).isDirectory() ? 'fsync folder' : 'fsync file');
      fsync(descriptor, callback);
    }) as typeof fs.fsync);
    const rename = fs.rename;
    vi.spyOn(fs, 'rename').mockImplementation(((from: string, to: string, callback: (error: Error | null) => void) => {
      calls.push('rename');
      rename(from, to, callback);
    }) as typeof fs.rename);
    await writeFileAtomically(join(dir, 's.yaml'), 'text');
    expect(calls).toEqual(['fsync file', 'rename', 'fsync folder']);
  });

  test('a failed write leaves the old file whole, or no file, and no temporary file', async () => {
    vi.spyOn(fs, 'rename').mockImplementation(((_from: string, _to: string, callback: (error: Error) => void) => {
      callback(Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' }));
    }) as typeof fs.rename);
    const existing = join(dir, 'existing.yaml');
    await writeFile(existing, 'the old text');
    await expect(writeFileAtomically(existing, 'the new text')).rejects.toThrow(/EIO/);
    await expect(writeFileAtomically(join(dir, 'new.yaml'), 'the new text')).rejects.toThrow(/EIO/);
    expect(await readFile(existing, 'utf8')).toBe('the old text');
    expect(await readdir(dir)).toEqual(['existing.yaml']);
  });
});

describe('the journal of writes in flight', () => {
  test('completes an in-place write that a crash interrupted, from its verified copy', async () => {
    const path = join(dir, 's.yaml');
    await writeFile(path, 'torn');
    const journal = new WriteJournal(join(dir, 'journal'));
    const record = await journal.begin(path, sha256(Buffer.from('the whole new text')), true);
    await writeFile(record.copy!, 'the whole new text');
    // The process dies here; the next start recovers.
    await new WriteJournal(join(dir, 'journal')).recover();
    expect(await readFile(path, 'utf8')).toBe('the whole new text');
    expect(await readdir(join(dir, 'journal'))).toEqual([]);
  });

  test('drops an incomplete copy and leaves the file as it was', async () => {
    const path = join(dir, 's.yaml');
    await writeFile(path, 'the old text');
    const journal = new WriteJournal(join(dir, 'journal'));
    const record = await journal.begin(path, sha256(Buffer.from('the whole new text')), true);
    await writeFile(record.copy!, 'the whole n');
    await new WriteJournal(join(dir, 'journal')).recover();
    expect(await readFile(path, 'utf8')).toBe('the old text');
    expect(await readdir(join(dir, 'journal'))).toEqual([]);
  });

  test('removes an empty temporary file made before its name was journaled, and no older file like it', async () => {
    const path = join(dir, 's.yaml');
    await writeFile(path, 'text');
    const users = join(dir, 's.yaml.2024');
    await writeFile(users, '');
    const past = new Date(Date.now() - 60_000);
    await fs.promises.utimes(users, past, past);
    await new WriteJournal(join(dir, 'journal')).begin(path, sha256(Buffer.from('x')), false);
    await writeFile(join(dir, 's.yaml.3141592653'), '');
    await new WriteJournal(join(dir, 'journal')).recover();
    expect((await readdir(dir)).sort()).toEqual(['journal', 's.yaml', 's.yaml.2024']);
  });
});
