// The one file writer for saves, recovery copies and exports: a crash or a failed write never
// leaves a file half written. write-file-atomic writes a temporary file beside the target,
// fsyncs it, gives it the target's permissions and owner, and renames it over the target
// (atomic within a folder), following a symlink to the file it points at. Around it: the
// folder is fsynced after the rename (so the rename itself survives a power cut), a file with
// several hard links is written in place (a rename would split it from its other names), and
// a journal in the host's data folder names every temporary file until the write ends, so
// that those a crash left behind are removed at the next start (write-journal.ts).
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { open, readFile, realpath, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import writeFileAtomic from 'write-file-atomic';
import type { JournalRecord, WriteJournal } from './write-journal';

export interface WriteOptions {
  /** Where temporary files in flight are recorded; without it (the CLI) a crash may leave one behind. */
  journal?: WriteJournal;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The file a path names: a symlink's target (so the link stays a link), or the path itself when it does not exist yet. */
export async function realTarget(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return join(await realpath(dirname(path)).catch(() => dirname(path)), basename(path));
  }
}

export async function syncDirectory(directory: string): Promise<void> {
  // Windows cannot open a folder to fsync it; there the rename is already durable (NTFS journal).
  if (process.platform === 'win32') return;
  const descriptor = await promisify(fs.open)(directory, 'r');
  try {
    await promisify(fs.fsync)(descriptor);
  } finally {
    await promisify(fs.close)(descriptor);
  }
}

/** Writes `bytes` over the existing file's own inode, then fsyncs it. */
export async function overwriteInPlace(target: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(target, 'r+');
  try {
    await handle.writeFile(bytes);
    await handle.truncate(bytes.length);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function removeIfPresent(path: string): Promise<void> {
  await unlink(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}

export async function writeFileAtomically(
  path: string,
  data: string | Uint8Array,
  options: WriteOptions = {},
): Promise<void> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
  const target = await realTarget(path);
  const hardLinked = await stat(target).then(
    (info) => info.isFile() && info.nlink > 1,
    () => false,
  );
  const record = await options.journal?.begin(target, sha256(bytes), hardLinked);
  if (hardLinked) {
    await writeKeepingHardLinks(target, bytes, record);
    return;
  }
  try {
    await writeFileAtomic(target, bytes, { tmpfileCreated: (temporary) => record?.recordTemporary(temporary) });
    await syncDirectory(dirname(target));
  } finally {
    await record?.end();
  }
}

/**
 * A file with more than one hard link (a scenario shared between two project folders) keeps
 * them: replacing it by a rename would give this name a new inode and leave the other names
 * with the old text. So the new text is first written completely to a copy (atomically) and
 * read back to verify it, and only then written over the file in place and fsynced. A failure
 * or a crash during that in-place write leaves the verified copy: the journal completes the
 * write from it at the next start (without a journal, the copy stays beside the file).
 */
async function writeKeepingHardLinks(target: string, bytes: Buffer, record?: JournalRecord): Promise<void> {
  const copy = record?.copy ?? join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.copy`);
  try {
    await writeFileAtomic(copy, bytes);
    if (!(await readFile(copy)).equals(bytes)) throw new Error(`${copy}: the copy reads back different`);
  } catch (error) {
    await removeIfPresent(copy);
    await record?.end();
    throw error;
  }
  await overwriteInPlace(target, bytes);
  await unlink(copy);
  await record?.end();
}
