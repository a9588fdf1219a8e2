// The benchmark page's script: page-script.ts, built for browsers into dist/device-page.mjs with
// the CLI bundle (scripts/bundle-cli.mjs), rebuilt first when run from changed sources. A
// packaged app serves the one built with it: it has neither the sources nor esbuild to run.
import { readFile } from 'node:fs/promises';
import { bundledEntryPath } from '../runner/bundled-entry';

export async function pageScript(): Promise<string> {
  return readFile(await bundledEntryPath('device-page'), 'utf8');
}
