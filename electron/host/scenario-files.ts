// Opening and saving scenario files on the host. Parsing and validation are the renderer's
// (the simulator runs there too); the host only moves text and says clearly what went wrong.
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { OpenScenarioResult, SaveScenarioResult, ScenarioFile } from '../api/contract';
import { writeFileAtomically, type WriteOptions } from './atomic-write';
import { describeReadError, describeWriteError } from './file-errors';

const MAX_SCENARIO_BYTES = 5_000_000;

export async function openScenarioFile(requested: string): Promise<OpenScenarioResult> {
  const path = resolve(requested);
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { ok: false, path, message: `${path}: is a folder, not a scenario file` };
    if (info.size > MAX_SCENARIO_BYTES)
      return { ok: false, path, message: `${path}: too large for a scenario (over 5 MB)` };
    return { ok: true, file: { path, text: await readFile(path, 'utf8') } };
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
