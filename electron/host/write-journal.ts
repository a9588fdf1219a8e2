// A small journal, in the host's data folder, of the writes in flight: one entry per write,
// recorded before any temporary file exists and removed when the write ends. A crash between
// writing a temporary file and renaming it (or during an in-place write) leaves the entry, and
// the next start finishes the job: it removes exactly the temporary files the entry names, and
// completes an in-place write from its verified copy. Nothing else is ever touched, so a user's
// file with a similar name is safe. The journal's own folder is the host's: what is left there
// by a write that is over (a torn entry, a copy, write-file-atomic's temporary file of a copy)
// goes too. An entry whose writer still runs (another host sharing the data folder) is left
// alone, with its files.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { overwriteInPlace, removeIfPresent, sha256 } from './atomic-write';

interface JournalEntry {
  /** The file being written (a symlink already resolved). */
  target: string;
  sha256: string;
  /** write-file-atomic's temporary file beside the target, once it exists. */
  temporary: string | null;
  /** For an in-place write (a file with hard links): the verified copy of the new content. */
  copy: string | null;
  started: string;
  /** The writing process; absent in entries of older versions. */
  pid?: number;
}

export interface JournalRecord {
  readonly copy: string | null;
  recordTemporary(path: string): Promise<void>;
  end(): Promise<void>;
}

// write-file-atomic names its temporary file `<target>.<32-bit number>`.
const temporaryName = (target: string) =>
  new RegExp(`^${basename(target).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.\\d{1,10}$`);

export class WriteJournal {
  constructor(readonly directory: string) {}

  /** Records a write about to start; the entry is on disk before this returns. */
  async begin(target: string, contentHash: string, inPlace: boolean): Promise<JournalRecord> {
    await mkdir(this.directory, { recursive: true });
    const id = randomBytes(8).toString('hex');
    const file = join(this.directory, `${id}.json`);
    const entry: JournalEntry = {
      target,
      sha256: contentHash,
      temporary: null,
      copy: inPlace ? join(this.directory, `${id}.copy`) : null,
      started: new Date().toISOString(),
      pid: process.pid,
    };
    await this.store(file, entry);
    return {
      copy: entry.copy,
      recordTemporary: (temporary) => this.store(file, { ...entry, temporary }),
      end: () => removeIfPresent(file),
    };
  }

  /** Finishes what writes interrupted by a crash left behind; run once when the host starts. */
  async recover(): Promise<void> {
    const names = await readdir(this.directory).catch(() => [] as string[]);
    const live = new Set<string>();
    for (const name of names.filter((each) => each.endsWith('.json'))) {
      const file = join(this.directory, name);
      const entry = await readEntry(file);
      // An entry of this very process is a crashed one's whose pid it now has, or a test's that plays a crash.
      if (entry?.pid !== undefined && entry.pid !== process.pid && isRunning(entry.pid)) {
        live.add(entryId(name));
        continue;
      }
      if (entry) await finish(entry);
      await removeIfPresent(file);
    }
    for (const name of names) {
      if (!name.endsWith('.json') && !live.has(entryId(name))) await removeIfPresent(join(this.directory, name));
    }
  }

  // Atomic and durable: a torn entry would lose the name of a temporary file.
  private async store(file: string, entry: JournalEntry): Promise<void> {
    const part = `${file}.part`;
    const handle = await open(part, 'w');
    try {
      await handle.writeFile(JSON.stringify(entry));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(part, file);
  }
}

// Every file of an entry starts with its id: <id>.json, <id>.json.part, <id>.copy, <id>.copy.<n>.
const entryId = (name: string) => name.split('.')[0];

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readEntry(file: string): Promise<JournalEntry | undefined> {
  try {
    const entry = JSON.parse(await readFile(file, 'utf8')) as JournalEntry;
    return typeof entry.target === 'string' && typeof entry.sha256 === 'string' ? entry : undefined;
  } catch {
    return undefined;
  }
}

async function finish(entry: JournalEntry): Promise<void> {
  if (entry.copy) {
    // The in-place write starts only after the copy is verified: a complete copy means the
    // target may be torn, and the user asked for the copy's content.
    const copy = await readFile(entry.copy).catch(() => undefined);
    if (copy && sha256(copy) === entry.sha256) await overwriteInPlace(entry.target, copy).catch(() => undefined);
    await removeIfPresent(entry.copy);
  }
  if (entry.temporary) {
    await removeIfPresent(entry.temporary);
    return;
  }
  // A crash just after write-file-atomic created its (still empty) temporary file, before the
  // journal learnt its name: only an empty file of exactly that pattern, made after the entry.
  const folder = dirname(entry.target);
  const pattern = temporaryName(entry.target);
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    if (!pattern.test(name)) continue;
    const info = await stat(join(folder, name)).catch(() => undefined);
    if (info?.isFile() && info.size === 0 && info.mtime.getTime() >= Date.parse(entry.started) - 1000)
      await removeIfPresent(join(folder, name));
  }
}
