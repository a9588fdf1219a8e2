// A host process that dies in the middle of a save: it saves argv[2] (journaled in the data
// folder argv[3]), tells its parent when the temporary file is written and about to be renamed,
// and hangs there until the parent kills it.
import fs from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomically } from '../../../electron/host/atomic-write';
import { WriteJournal } from '../../../electron/host/write-journal';

const [target, dataDir] = process.argv.slice(2);
fs.rename = ((from: string) => {
  process.send?.({ renaming: from });
}) as unknown as typeof fs.rename;
// Nothing else keeps this process alive: without it, it would end (and clean up) by itself.
setInterval(() => undefined, 60_000);
void writeFileAtomically(target, 'the new text of the save\n', {
  journal: new WriteJournal(join(dataDir, 'writes-in-flight')),
});
