// Turns the errors of Node's file system calls into sentences a user can act on.
import { UnreadableFileError } from '../../bench/files/read-regular-file';

function code(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

export function describeReadError(path: string, error: unknown): string {
  switch (code(error)) {
    case 'ENOENT':
      return `${path}: the file does not exist (moved or deleted?)`;
    case 'EACCES':
    case 'EPERM':
      return `${path}: permission denied`;
    default:
      // A refusal (a folder, a device, too large) already says what and where.
      if (error instanceof UnreadableFileError) return error.message;
      return `${path}: cannot read: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export function describeWriteError(path: string, error: unknown): string {
  switch (code(error)) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `${path}: cannot save here: the location is read-only or permission is denied; your work is untouched, save it elsewhere`;
    case 'ENOENT':
      return `${path}: cannot save: the folder does not exist; your work is untouched`;
    case 'EISDIR':
      return `${path}: cannot save: is a folder; your work is untouched`;
    case 'ENOSPC':
      return `${path}: cannot save: the disk is full; your work is untouched`;
    default:
      return `${path}: cannot save: ${error instanceof Error ? error.message : String(error)}; your work is untouched`;
  }
}
