// The worked examples shipped in scenarios/, offered by the app to open: each with its name and
// the question its description asks. A file that does not load is left out, not an error.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseScenarioText } from '../../simulator';
import type { ExampleScenario } from '../api/contract';

export async function listExampleScenarios(directory: string): Promise<ExampleScenario[]> {
  const files = (await readdir(directory).catch(() => [])).filter((name) => /\.ya?ml$/.test(name)).sort();
  const examples: ExampleScenario[] = [];
  for (const name of files) {
    const path = join(directory, name);
    const parsed = parseScenarioText(await readFile(path, 'utf8'));
    if (!parsed.ok) continue;
    const description = parsed.scenario.description ?? '';
    // The first sentence of the description states the question; the rest is detail.
    const summary = /^[^.?!]*[.?!]/.exec(description.trim())?.[0] ?? description.trim();
    examples.push({ path, name: parsed.scenario.name, summary });
  }
  return examples;
}
