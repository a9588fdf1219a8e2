// `placewise export` as a user runs it: the real launcher in a child process, exit codes and
// messages for each kind of bad input.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { AR_SCENARIO_FILE } from './ar-scenario';

const root = join(import.meta.dirname, '..', '..', '..');
const launcher = join(root, 'bin', 'placewise.mjs');

async function placewise(args: string[], env: NodeJS.ProcessEnv = {}) {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', [launcher, ...args], {
      env: { ...process.env, ...env },
      cwd: root,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('placewise export', () => {
  let out: string;
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'placewise-export-cli-'));
    // Build the CLI bundle once up front, so no test pays for (or races) the rebuild.
    const { ensureCliBundle } = await import(join(root, 'scripts', 'bundle-cli.mjs'));
    await ensureCliBundle();
  });

  it('writes the Mermaid source of the decision', async () => {
    const target = join(out, 'ar.mmd');
    const result = await placewise(['export', AR_SCENARIO_FILE, '--format', 'mmd', '--out', target]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(target, 'utf8')).toMatch(/^flowchart LR\n/);
    expect(readFileSync(target, 'utf8')).toContain('s_translate["translate · nmt');
  });

  it('writes to standard output with --out -', async () => {
    const result = await placewise([
      'export',
      AR_SCENARIO_FILE,
      '--format',
      'md',
      '--option',
      'cloud',
      '--out',
      '-',
      '--monte-carlo',
      '0',
      '--requests',
      '2000',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('## Architecture: Everything in the cloud');
  });

  it('writes the decision record alone into a decisions folder, numbered after the records there', async () => {
    const decisions = mkdtempSync(join(out, 'decisions-'));
    writeFileSync(join(decisions, '0001-record-architecture-decisions.md'), '# 1. Record architecture decisions\n');
    writeFileSync(join(decisions, '0007-use-postgres.md'), '# 7. Use Postgres\n');
    const args = ['export', AR_SCENARIO_FILE, '--format', 'adr', '--out', decisions, '--requests', '2000'];
    const result = await placewise([...args, '--deciders', 'Ana, Ben']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const written = join(decisions, '0008-placement-for-ar-street-sign-translation.md');
    const record = readFileSync(written, 'utf8');
    expect(record.split('\n').slice(0, 5)).toEqual([
      '# Placement for AR street-sign translation',
      '',
      '- Status: accepted',
      `- Date: ${new Date().toISOString().slice(0, 10)}`,
      '- Deciders: Ana, Ben',
    ]);
    expect(record).toContain('`placewise check ' + AR_SCENARIO_FILE + '`');
    expect(readdirSync(decisions)).toHaveLength(3);
  });

  it('rejects an unknown format with the formats it knows (exit 2)', async () => {
    const result = await placewise(['export', AR_SCENARIO_FILE, '--format', 'pdf', '--out', join(out, 'x.pdf')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("placewise: unknown format 'pdf': use one of mmd, svg, png, md, html, adr, csv\n");
  });

  it('rejects an unknown option with the options it knows (exit 2)', async () => {
    const result = await placewise([
      'export',
      AR_SCENARIO_FILE,
      '--format',
      'mmd',
      '--option',
      'moon',
      '--out',
      join(out, 'x.mmd'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "has no option 'moon' (its options: on-glasses, on-phone, cloud, hybrid, hybrid-cached, small-on-phone, cascade, glasses-cascade)",
    );
  });

  it('rejects an output path it cannot write (exit 2)', async () => {
    const result = await placewise([
      'export',
      AR_SCENARIO_FILE,
      '--format',
      'md',
      '--out',
      join(out, 'no', 'such', 'dir', 'r.md'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot write .*r\.md: the directory .* does not exist \(create it first\)/);
  });

  it('says how to provide a browser when there is none for svg (exit 2)', async () => {
    const result = await placewise(['export', AR_SCENARIO_FILE, '--format', 'svg', '--out', join(out, 'x.svg')], {
      PLACEWISE_CHROMIUM: join(out, 'no-chromium-here'),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PLACEWISE_CHROMIUM is set to');
    expect(result.stderr).toContain('point it at a Chromium or Chrome executable');
  });

  it('requires --format and --out (exit 2)', async () => {
    expect((await placewise(['export', AR_SCENARIO_FILE, '--out', join(out, 'x')])).code).toBe(2);
    expect((await placewise(['export', AR_SCENARIO_FILE, '--format', 'mmd'])).code).toBe(2);
  });
});
