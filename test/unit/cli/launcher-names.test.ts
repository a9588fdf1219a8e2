// The `placewise` command is bin/placewise.cjs (CommonJS, so that a run never starts Node's ES
// module loader); bin/placewise.mjs, its earlier name, stays for the scripts that call it and
// must behave the same: the same arguments reach the CLI and the same exit code comes back.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { buildCliFirst, launcher, root } from '../support/placewise-cli';

buildCliFirst();

const run = (file: string, ...args: string[]) => {
  // A fixed time (SOURCE_DATE_EPOCH), so that the same run gives the same bytes.
  const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' };
  const result = spawnSync(process.execPath, [file, ...args], { cwd: root, encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

test('the earlier name runs the same command with the same output and exit codes', () => {
  expect(launcher).toBe(join(root, 'bin', 'placewise.cjs'));
  const earlier = join(root, 'bin', 'placewise.mjs');
  const scenario = join(root, 'test', 'perf', 'fixtures', 'mm10.yaml');
  for (const args of [['run', scenario, '--requests', '500', '--json'], ['no-such-command'], ['run', 'missing.yaml']]) {
    const [now, before] = [run(launcher, ...args), run(earlier, ...args)];
    expect(before).toEqual(now);
  }
  expect(run(launcher, 'no-such-command').code).toBe(2);
  expect(run(launcher, 'run', 'missing.yaml').code).not.toBe(0);
});
