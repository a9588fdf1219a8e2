// `placewise run` and `placewise check` as a user runs them: whole processes, exit codes and output.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCliFirst, placewise, root, scratchFile } from '../support/placewise-cli';
import type { ScenarioResults } from '../../../simulator';

const ar = join(root, 'scenarios', 'ar-translation.yaml');
const arText = readFileSync(ar, 'utf8');

buildCliFirst();

describe('placewise run', () => {
  it('prints the results JSON with every option and the recommendation', () => {
    const { code, stdout } = placewise('run', ar, '--json', '--requests', '3000');
    expect(code).toBe(0);
    const results = JSON.parse(stdout) as ScenarioResults;
    expect(results.requests).toBe(3000);
    expect(results.options.map((option) => option.id)).toEqual([
      'on-glasses',
      'on-phone',
      'cloud',
      'hybrid',
      'hybrid-cached',
      'small-on-phone',
      'cascade',
      'glasses-cascade',
    ]);
    expect(results.recommendation).toBe('hybrid-cached');
    for (const option of results.options) {
      expect(Object.keys(option)).toEqual(
        expect.arrayContaining([
          'latency_ms',
          'breakdown_ms',
          'steps',
          'links',
          'components',
          'monthly_usd',
          'battery_hours',
          'accuracy',
          'success_rate',
          'offline',
          'budgets',
          'pass',
        ]),
      );
    }
  });

  it('prints a table without colour codes when not on a terminal', () => {
    const { code, stdout } = placewise('run', ar, '--requests', '2000', '--option', 'cloud', '--option', 'hybrid');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^option\s+mean ms/);
    expect(stdout).toContain(' cloud ');
    expect(stdout).not.toContain('on-glasses');
    expect(stdout).not.toContain('\u001b[');
    expect(stdout).toContain('hybrid is the only option of the 2 simulated that passes every budget');
  });

  it('takes one option per --option flag, so the scenario may follow it', () => {
    const { code, stdout } = placewise('run', '--option', 'hybrid', ar, '--requests', '2000');
    expect(code).toBe(0);
    expect(stdout).toMatch(/\n\*hybrid /);
    expect(stdout).not.toContain('cloud');
    // One option simulated: the verdict must not claim it beat others.
    expect(stdout).toContain('hybrid, the only option simulated, passes every budget');
    expect(stdout).not.toContain('the only option that passes');
  });

  it('exits 1 when no option passes every budget, and still prints the comparison', () => {
    const impossible = scratchFile('run-impossible.yaml', arText.replace('monthly_usd: 25000', 'monthly_usd: 1'));
    const { code, stdout } = placewise('run', impossible, '--requests', '2000');
    expect(code).toBe(1);
    expect(stdout).toContain('no option of the 8 simulated passes every budget');
    expect(placewise('run', impossible, '--requests', '2000', '--json').code).toBe(1);
  });

  it('exits 2 with FILE: PATH: message for every problem, range errors and unknown references together', () => {
    const broken = scratchFile(
      'broken.yaml',
      arText.replace('model: nmt\n', 'model: nmt2\n').replace('mbps: { range: [2.1, 3] }', 'mbps: -5'),
    );
    for (const command of ['run', 'check']) {
      const { code, stderr } = placewise(command, broken);
      expect(code).toBe(2);
      // One line each, both with their lines in the file (the CLI may put its name before the first).
      expect(stderr).toMatch(/broken\.yaml: links\[0\]\.mbps: must be greater than 0 \(line \d+\)\n/);
      expect(stderr).toContain(
        `\n${broken}: pipeline[3].model: unknown model 'nmt2' (known: ocr-det, ocr-rec, nmt, nmt-small, nllb) (line `,
      );
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('adds intervals across runs with --replications, and refuses fewer than two', () => {
    const { code, stdout } = placewise(
      'run',
      ar,
      '--json',
      '--requests',
      '2000',
      '--replications',
      '3',
      '--option',
      'hybrid',
    );
    expect(code).toBe(0);
    const [option] = (JSON.parse(stdout) as ScenarioResults).options;
    expect(option.replications?.count).toBe(3);
    expect(option.replications!.latency_ms.p95[0]).toBeLessThanOrEqual(option.replications!.latency_ms.p95[1]);
    expect(placewise('run', ar, '--replications', '1')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('at least 2'),
    });
  });

  it('exits 2 on a missing file, an unknown option and a bad number', () => {
    expect(placewise('run', join(root, 'scenarios', 'nothing-here.yaml'))).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('no such file'),
    });
    expect(placewise('run', ar, '--option', 'teleport')).toMatchObject({
      code: 2,
      stderr: `placewise: --option teleport: ${ar} has no option 'teleport' (its options: on-glasses, on-phone, cloud, hybrid, hybrid-cached, small-on-phone, cascade, glasses-cascade)\n`,
    });
    expect(placewise('run', ar, '--requests', '0').code).toBe(2);
  });
});

describe('command-line errors', () => {
  it('all start with the one placewise: prefix, whoever finds them', () => {
    const mistakes = [
      ['run'], // missing scenario
      ['run', ar, '--requests', 'many'], // bad number
      ['run', ar, '--teleport'], // unknown flag
      ['run', '--option', 'cloud', 'hybrid', ar], // one option per flag: 'hybrid' is the scenario, ar is one too many
      ['teleport'], // unknown command
      ['run', join(root, 'scenarios', 'nothing-here.yaml')], // the CLI's own check
    ];
    for (const args of mistakes) {
      const { code, stderr } = placewise(...args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr, args.join(' ')).toMatch(/^placewise: \S/);
      expect(stderr, args.join(' ')).not.toMatch(/^error:/m);
    }
  });

  it('calls an unknown flag a flag, and a missing scenario option an option of the scenario', () => {
    expect(placewise('run', ar, '--teleport').stderr).toBe("placewise: unknown flag '--teleport'\n");
    expect(placewise('run', ar, '--jsno').stderr).toContain("unknown flag '--jsno'");
    expect(placewise('capacity', ar, '--option', 'teleport').stderr).toContain(`${ar} has no option 'teleport'`);
  });

  it('shows no empty defaults in any command help', () => {
    for (const command of ['run', 'check', 'bench', 'models', 'export', 'capacity', 'serve']) {
      const { code, stdout } = placewise(command, '--help');
      expect(code, command).toBe(0);
      expect(stdout, command).not.toContain('(default: [])');
      expect(stdout, command).not.toMatch(/--[a-z-]+ <[a-z]+\.\.\.>/);
    }
  });
});

describe('placewise check', () => {
  it('passes when the decision meets every budget', () => {
    const { code, stdout } = placewise('check', ar, '--requests', '3000');
    expect(code).toBe(0);
    expect(stdout).toContain("decision 'hybrid-cached' passes every budget");
  });

  it('exits 1 and names the broken budgets when the decision breaks one', () => {
    const file = scratchFile('cloud-decision.yaml', arText.replace('decision: hybrid-cached', 'decision: cloud'));
    const { code, stdout } = placewise('check', file, ar, '--requests', '3000');
    expect(code).toBe(1);
    expect(stdout).toMatch(/FAIL {2}.*cloud-decision\.yaml: decision 'cloud' breaks monthly_usd/);
    expect(stdout).toMatch(/pass {2}.*ar-translation\.yaml/);
  });

  it('with no decision, fails only when no option passes every budget', () => {
    const undecided = arText.replace('decision: hybrid-cached\n', '');
    expect(placewise('check', scratchFile('undecided.yaml', undecided), '--requests', '3000').code).toBe(0);
    const impossible = scratchFile('impossible.yaml', undecided.replace('monthly_usd: 25000', 'monthly_usd: 1'));
    const { code, stdout } = placewise('check', impossible, '--requests', '3000');
    expect(code).toBe(1);
    expect(stdout).toContain('no option passes every budget');
  });
});
