// Opening and saving scenario files on the host. Parsing and validation are the renderer's
// (the simulator runs there too); the host only moves text and says clearly what went wrong.
import { resolve } from 'node:path';
import { readRegularFile } from '../../bench/files/read-regular-file';
import type { OpenScenarioResult, SaveScenarioResult, ScenarioFile } from '../api/contract';
import { writeFileAtomically, type WriteOptions } from './atomic-write';
import { describeReadError, describeWriteError } from './file-errors';

export async function openScenarioFile(requested: string): Promise<OpenScenarioResult> {
  const path = resolve(requested);
  try {
    return { ok: true, file: { path, text: (await readRegularFile(path, 'scenario')).toString('utf8') } };
  } catch (error) {
    return { ok: false, path, message: describeReadError(path, error) };
  }
}

export async function saveScenarioFile(file: ScenarioFile, options: WriteOptions = {}): Promise<SaveScenarioResult> {
  const path = resolve(file.path);
  try {
    await writeFileAtomically(path, file.text, options);
    return { ok: true, path };
  } catch (error) {
    return { ok: false, path, message: describeWriteError(path, error) };
  }
}
