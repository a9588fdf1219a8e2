// Every file Placewise reads because a user named it (a scenario, a results file, a model) is
// read here: only a regular file, and only up to its kind's size limit, so that a device
// (/dev/zero), a FIFO or a huge file can never make the CLI or the host read without end. It
// lives in bench/ because that is the lowest layer with Node's file API that the CLI, the host
// and bench's own readers may all import.
import fs, { constants, type Stats } from 'node:fs';
import { FileProblemError } from '../errors';

export type ReadableKind = 'scenario' | 'results' | 'model';

/** Bytes; README.md, "Limits", documents them. */
export const FILE_SIZE_LIMITS: Record<ReadableKind, number> = {
  scenario: 5_000_000,
  results: 32_000_000,
  // Protocol Buffers cannot hold a larger message: bigger ONNX models keep their weights in
  // external data files, which Placewise does not read.
  model: 2_147_483_648,
};

const NOUN: Record<ReadableKind, string> = {
  scenario: 'a scenario file',
  results: 'a results file',
  model: 'a model file',
};

/** A file that cannot or may not be read; `code` is Node's error code, or ENOTREG/EFBIG for a refusal. */
export class UnreadableFileError extends FileProblemError {
  override name = 'UnreadableFileError';
  constructor(
    file: string,
    problem: string,
    readonly code: string,
  ) {
    super(file, problem);
  }
}

// O_NONBLOCK: opening a FIFO that appeared after the check must not wait for a writer.
// O_NOCTTY: a terminal named as a file must never become this process's controlling terminal.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
const MIN_BUFFER = 64 * 1024;

function megabytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  return `${Number((bytes / 1e6).toFixed(bytes < 10e6 ? 1 : 0))} MB`;
}

function specialFile(info: Stats): string {
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isSocket()) return 'a socket';
  return 'a special file';
}

/** `size` where the stat told it; a file that grew while read only says it passed the limit. */
function tooLarge(file: string, kind: ReadableKind, size?: number): UnreadableFileError {
  const limit = megabytes(FILE_SIZE_LIMITS[kind]);
  const how = size === undefined ? `over ${limit}` : `${size.toLocaleString('en-US')} bytes; the limit is ${limit}`;
  return new UnreadableFileError(file, `too large for ${NOUN[kind]} (${how})`, 'EFBIG');
}

/** Refuses what is not a regular file of at most the kind's limit; `opened` is the same file's fstat. */
function checkFile(file: string, kind: ReadableKind, info: Stats, opened?: Stats): void {
  if (info.isDirectory()) throw new UnreadableFileError(file, `is a folder, not ${NOUN[kind]}`, 'EISDIR');
  if (!info.isFile()) {
    throw new UnreadableFileError(
      file,
      `is ${specialFile(info)}, not a regular file: only regular files are read as ${NOUN[kind]}`,
      'ENOTREG',
    );
  }
  // Swapped for something else between the check and the open.
  if (opened && (opened.dev !== info.dev || opened.ino !== info.ino)) checkFile(file, kind, opened);
  if (info.size > FILE_SIZE_LIMITS[kind]) throw tooLarge(file, kind, info.size);
}

function problemOf(code: string | undefined, error: unknown): string {
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ELOOP':
      return 'too many symbolic links';
    default:
      return `cannot read (${code ?? (error instanceof Error ? error.message : String(error))})`;
  }
}

function unreadable(file: string, error: unknown): UnreadableFileError {
  if (error instanceof UnreadableFileError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  return new UnreadableFileError(file, problemOf(code, error), code ?? 'EIO');
}

/**
 * Collects a file's bytes in one buffer sized from its stat (a model may be gigabytes), grown
 * when the file is longer than it said (a /proc file says 0); past the kind's limit it refuses.
 */
class BoundedBuffer {
  private buffer: Buffer;
  private length = 0;
  constructor(
    private readonly file: string,
    private readonly kind: ReadableKind,
    expected: number,
  ) {
    // One byte more than expected, so that the read that finds the end needs no new buffer.
    this.buffer = Buffer.allocUnsafe(Math.max(MIN_BUFFER, expected + 1));
  }

  /** Where the next read goes: the buffer, the offset and how many bytes fit. */
  space(): [Buffer, number, number] {
    if (this.length === this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.min(FILE_SIZE_LIMITS[this.kind] + 1, this.buffer.length * 2));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    return [this.buffer, this.length, this.buffer.length - this.length];
  }

  /** Counts `read` more bytes; false at the end of the file. */
  advance(read: number): boolean {
    if (read === 0) return false;
    this.length += read;
    if (this.length > FILE_SIZE_LIMITS[this.kind]) throw tooLarge(this.file, this.kind);
    return true;
  }

  bytes(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}

/** The file's bytes; throws an UnreadableFileError saying why not. For the CLI and worker threads. */
export function readRegularFileSync(file: string, kind: ReadableKind): Buffer {
  try {
    const info = fs.statSync(file);
    checkFile(file, kind, info);
    const descriptor = fs.openSync(file, OPEN_FLAGS);
    try {
      checkFile(file, kind, info, fs.fstatSync(descriptor));
      const content = new BoundedBuffer(file, kind, info.size);
      while (content.advance(fs.readSync(descriptor, ...content.space(), null)));
      return content.bytes();
    } finally {
      fs.closeSync(descriptor);
    }
  } catch (error) {
    throw unreadable(file, error);
  }
}

/**
 * As readRegularFileSync, without blocking the event loop: for the host's main thread. Through
 * fs.promises, which loads Node's promise API on first use, not with this module: the CLI's
 * synchronous reads (a scenario for `placewise run`) do not pay for it at start-up.
 */
export async function readRegularFile(file: string, kind: ReadableKind): Promise<Buffer> {
  try {
    const info = await fs.promises.stat(file);
    checkFile(file, kind, info);
    const handle = await fs.promises.open(file, OPEN_FLAGS);
    try {
      checkFile(file, kind, info, await handle.stat());
      const content = new BoundedBuffer(file, kind, info.size);
      while (content.advance((await handle.read(...content.space(), null)).bytesRead));
      return content.bytes();
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw unreadable(file, error);
  }
}
