// `placewise completion bash|zsh`: the script a shell sources, exercised in a real bash.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildCliFirst, placewise } from '../support/placewise-cli';

buildCliFirst();

const hasZsh = spawnSync('zsh', ['--version']).status === 0;

describe('placewise completion', () => {
  it('completes commands, a command’s flags and a flag’s values in bash', () => {
    const { code, stdout } = placewise('completion', 'bash');
    expect(code).toBe(0);
    // What bash offers for the words typed so far, the cursor on the last one.
    const offer = (...words: string[]) => {
      const probe = `${stdout}\nCOMP_WORDS=(${words.map((word) => `'${word}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _placewise; printf '%s\\n' "\${COMPREPLY[@]}"`;
      const run = spawnSync('bash', ['-c', probe], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      return run.stdout.split('\n').filter(Boolean);
    };
    expect(offer('placewise', 'ex')).toEqual(['export']);
    expect(offer('placewise', 'check', '--j')).toEqual(['--json', '--junit']);
    expect(offer('placewise', 'export', 'a.yaml', '--format', '')).toEqual([
      'mmd',
      'svg',
      'png',
      'md',
      'html',
      'adr',
      'csv',
    ]);
    expect(offer('placewise', 'run', 'scenarios/ar-trans')).toEqual(['scenarios/ar-translation.yaml']);
  });

  it('writes a zsh completion function for every command', () => {
    const { code, stdout } = placewise('completion', 'zsh');
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('#compdef placewise');
    for (const command of ['run', 'check', 'bench', 'split', 'models', 'export', 'capacity', 'serve'])
      expect(stdout).toMatch(new RegExp(`^    '${command}:`, 'm'));
    expect(stdout).toContain(
      "'--format[one of mmd, svg, png, md, html, adr, csv]:value:(mmd svg png md html adr csv)'",
    );
    if (hasZsh) expect(spawnSync('zsh', ['-n'], { input: stdout }).status).toBe(0);
  });

  it('refuses a shell it does not know (exit 2)', () => {
    expect(placewise('completion', 'fish')).toMatchObject({
      code: 2,
      stderr: "placewise: unknown shell 'fish': use bash or zsh\n",
    });
  });
});
