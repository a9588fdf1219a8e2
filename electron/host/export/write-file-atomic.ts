// Checks an export's output path before any rendering, and writes it atomically.
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { writeFileAtomically } from '../atomic-write';

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

/** Writes an export atomically, after checking the path; a failure is an OutputPathError. */
export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  checkWritable(path);
  try {
    await writeFileAtomically(resolve(path), bytes);
  } catch (error) {
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
