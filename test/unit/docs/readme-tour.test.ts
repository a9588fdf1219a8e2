// The README's tour leaves the checkout as it was: its commands that write files are run as
// written, and `git status` shows nothing new afterwards; every file the README tells a reader
// to write goes where git and the format check ignore it, and no command edits a tracked file.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { buildCliFirst, root } from '../support/placewise-cli';

const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** The shell commands of the README's code blocks between `heading` and the next `## `. */
function commandsUnder(heading: string): string[] {
  const start = readme.indexOf(`\n${heading}\n`);
  const section = readme.slice(start, readme.indexOf('\n## ', start + heading.length + 2));
  const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]);
  return blocks.flatMap((block) => block.split('\n')).map((line) => line.replace(/\s+#.*$/, '').trim());
}

const status = () =>
  execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: root, encoding: 'utf8' });

buildCliFirst();

describe("the README's tour", () => {
  it('writes nothing git sees: its file-writing commands run as written leave `git status` unchanged', () => {
    const tour = commandsUnder('## A one-minute tour');
    const writers = tour.filter((line) => line.startsWith('mkdir') || line.includes(' --out '));
    expect(writers.length).toBeGreaterThanOrEqual(3);
    const before = status();
    for (const line of writers) {
      const run = spawnSync('sh', ['-c', line.replace(/^npx placewise /, `"${process.execPath}" bin/placewise.mjs `)], {
        cwd: root,
        encoding: 'utf8',
      });
      expect(run.status, `${line}\n${run.stderr}`).toBe(0);
    }
    expect(status()).toBe(before);
  }, 180_000);

  it('sends every file the README writes where git and the format check ignore it, and edits no tracked file', async () => {
    const outputs = [...readme.matchAll(/ --out (\S+)/g)].map((match) => match[1].replace(/`$/, ''));
    expect(outputs.length).toBeGreaterThanOrEqual(4);
    for (const output of outputs) {
      const ignored = spawnSync('git', ['check-ignore', '-q', output], { cwd: root });
      expect(ignored.status, `${output} is not ignored by git`).toBe(0);
      const info = await prettier.getFileInfo(join(root, output), { ignorePath: join(root, '.prettierignore') });
      expect(info.ignored, `${output} is not ignored by prettier`).toBe(true);
    }
    // `bench --into FILE` edits FILE in place unless --out names another.
    for (const line of readme.split('\n').filter((text) => text.includes(' --into '))) {
      expect(line, 'an --into without --out edits a scenario of the checkout').toContain(' --out ');
    }
  });
});
