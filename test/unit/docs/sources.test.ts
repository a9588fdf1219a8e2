// Sources a reader can follow: no figure cites a file that is not in this repository (the
// domain notes the project started from), only the lectures, papers, datasheets and price pages
// behind them.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../support/placewise-cli';

const NOTES_OUTSIDE_THE_REPOSITORY = 'DOMAIN.md';
const thisFile = relative(root, import.meta.filename);

describe('sources', () => {
  it('never cite a file outside the repository', () => {
    const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
      cwd: root,
      encoding: 'utf8',
    })
      .split('\n')
      .filter(
        (path) =>
          /\.(ts|tsx|mjs|js|json|ya?ml|md|html|css)$/.test(path) && path !== thisFile && existsSync(join(root, path)),
      );
    expect(tracked.length).toBeGreaterThan(100);
    const citing = tracked.filter((path) =>
      readFileSync(join(root, path), 'utf8').includes(NOTES_OUTSIDE_THE_REPOSITORY),
    );
    expect(citing).toEqual([]);
  });
});
