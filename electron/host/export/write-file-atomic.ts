// Writes an export so that the target is either the old file or the whole new one, never a
// half-written file: a temporary file beside it, then a rename (atomic within a directory).
import { randomBytes } from 'node:crypto';
import { accessSync, constants, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** The output path cannot be written; the message says why and what to do. */
export class OutputPathError extends Error {
  override name = 'OutputPathError';
}

/**
 * Fails early, before any rendering, when `path` cannot be written: its directory is
 * missing or read-only, or the path is a directory.
 */
export function checkWritable(path: string): void {
  const target = resolve(path);
  const directory = dirname(target);
  const existing = statOrUndefined(target);
  if (existing?.isDirectory())
    throw new OutputPathError(`${path} is a directory: give a file name, e.g. ${join(path, 'report.html')}`);
  const parent = statOrUndefined(directory);
  if (!parent)
    throw new OutputPathError(`cannot write ${path}: the directory ${directory} does not exist (create it first)`);
  if (!parent.isDirectory()) throw new OutputPathError(`cannot write ${path}: ${directory} is not a directory`);
  try {
    accessSync(directory, constants.W_OK);
    if (existing) accessSync(target, constants.W_OK);
  } catch {
    throw new OutputPathError(`cannot write ${path}: permission denied (choose another --out path)`);
  }
}

export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  checkWritable(path);
  const target = resolve(path);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, target);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // The temporary file was never created; nothing to clean up.
    }
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new OutputPathError(`cannot write ${path} (${code}): choose another --out path`);
  }
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
