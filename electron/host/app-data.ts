// The host's own small files in its data folder: the recovery copy of the open work, the
// list of recent files, and the journal of writes in flight. Files are written atomically; a
// damaged one reads as absent.
import { mkdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { RecoveryRecord } from '../api/contract';
import { writeFileAtomically } from './atomic-write';
import { WriteJournal } from './write-journal';

const MAX_RECENT = 10;

export class AppDataStore {
  /** Every write of the host (saves included) is recorded here until it ends. */
  readonly journal: WriteJournal;
  /**
   * Settles once the temporary files of writes a crash interrupted are removed; every write
   * waits for it, so that the clean-up never meets a write of this run.
   */
  readonly ready: Promise<void>;

  constructor(readonly dataDir: string) {
    this.journal = new WriteJournal(join(dataDir, 'writes-in-flight'));
    this.ready = this.journal.recover().catch(() => undefined);
  }

  private async readJson(name: string): Promise<unknown> {
    try {
      return JSON.parse(await readFile(join(this.dataDir, name), 'utf8'));
    } catch {
      return undefined;
    }
  }

  private async writeJson(name: string, value: unknown): Promise<void> {
    await this.ready;
    await mkdir(this.dataDir, { recursive: true });
    await writeFileAtomically(join(this.dataDir, name), JSON.stringify(value), { journal: this.journal });
  }

  async writeRecovery(record: { path: string | null; text: string }): Promise<void> {
    const entry: RecoveryRecord = { ...record, saved_at: new Date().toISOString() };
    await this.writeJson('recovery.json', entry);
  }

  async readRecovery(): Promise<RecoveryRecord | null> {
    const value = await this.readJson('recovery.json');
    if (typeof value !== 'object' || value === null) return null;
    const { path, text, saved_at } = value as Record<string, unknown>;
    if (typeof text !== 'string' || typeof saved_at !== 'string' || !(path === null || typeof path === 'string'))
      return null;
    return { path, text, saved_at };
  }

  async clearRecovery(): Promise<void> {
    await unlink(join(this.dataDir, 'recovery.json')).catch(() => undefined);
  }

  async recentFiles(): Promise<string[]> {
    const value = await this.readJson('recent.json');
    return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
  }

  async addRecentFile(path: string): Promise<void> {
    const recent = [path, ...(await this.recentFiles()).filter((entry) => entry !== path)].slice(0, MAX_RECENT);
    await this.writeJson('recent.json', recent);
  }
}
