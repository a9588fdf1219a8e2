// `placewise run --json | head`: the reader closes the pipe after a few bytes. The run must end
// quietly (exit 0, nothing on stderr), not with an unhandled EPIPE and its stack trace.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { buildCliFirst, root } from '../support/placewise-cli';

buildCliFirst();

test('a reader that closes the output early ends the run quietly', async () => {
  const child = spawn(process.execPath, [
    join(root, 'bin', 'placewise.mjs'),
    'run',
    join(root, 'scenarios', 'ar-translation.yaml'),
    '--json',
  ]);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // Like a `head` that has had enough: the pipe is closed before the results are written.
  child.stdout.destroy();
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(stderr).toBe('');
  expect(code).toBe(0);
});
