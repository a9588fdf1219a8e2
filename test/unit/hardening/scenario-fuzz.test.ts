// The fuzz test (issue 16, point 6): seeded mutations of every library scenario (deleted keys,
// swapped types, extreme numbers, alias bombs and cycles, garbage, huge lists, deep nesting, long
// text, built-in names as ids, fast outages, huge counts) each get results whose figures are
// numbers, or a refusal naming the file, never anything else. In-process, through the calls the
// command makes, in child processes that a file taking unbounded time would stall; then a few
// whole `placewise run` processes, for the exit codes and the output as a user gets them.
// `npm run fuzz` is the long run.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseScenarioText } from '../../../simulator';
import { ruleViolations } from '../../fuzz/answer-rule';
import { runFuzz } from '../../fuzz/run-fuzz';
import { MUTATION_KINDS, scenarioMutations } from '../../fuzz/scenario-mutations';
import { buildCliFirst, placewise, root, scratchFile } from '../support/placewise-cli';

buildCliFirst();

const scenarios = readdirSync(join(root, 'scenarios'))
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => join(root, 'scenarios', name));
const PER_SCENARIO = 96;
// A file that takes this long has no bound: the fuzzing review gave each 20 s on a quiet
// machine; a machine busy with other tests gets three times that.
const STALL_MS = 60_000;

describe('mutated library scenarios', () => {
  test(
    `${PER_SCENARIO} of each get results with numbers, or a refusal naming the file`,
    async () => {
      const jobs = scenarios.map((scenario) => ({ scenario, from: 0, to: PER_SCENARIO }));
      const report = await runFuzz({ jobs, seed: 16, requests: 200 }, STALL_MS, 2);
      expect(report.violations).toEqual([]);
      expect(report.files).toBe(PER_SCENARIO * scenarios.length);
      // The mutations reach both sides of the rule.
      expect(report.answers.results).toBeGreaterThan(scenarios.length * 10);
      expect(report.answers.refused).toBeGreaterThan(scenarios.length * 10);
    },
    15 * 60_000,
  );
});

describe('the command line', () => {
  const ar = readFileSync(join(root, 'scenarios', 'ar-translation.yaml'), 'utf8');
  const mutation = scenarioMutations(ar, 16);
  /** The first mutation of a kind (kinds take turns) that the reader or validation refuses. */
  const firstRefused = (kind: string) => {
    for (let index = MUTATION_KINDS.indexOf(kind); ; index += MUTATION_KINDS.length) {
      const { text } = mutation(index);
      if (!parseScenarioText(text).ok) return text;
    }
  };

  test.each(['alias bomb', 'alias cycle', 'unresolved alias', 'deep nesting', 'garbage', 'huge list'])(
    '%s: exit 2 and one `FILE: PATH: message` line per problem on stderr, nothing on stdout',
    (kind) => {
      const file = scratchFile(`${kind.replace(' ', '-')}.yaml`, firstRefused(kind));
      const { code, stdout, stderr } = placewise('run', file, '--json', '--requests', '200');
      expect(code).toBe(2);
      expect(stdout).toBe('');
      // The first line carries the command's name; every line, one problem, names the file.
      const [first, ...rest] = stderr.trimEnd().split('\n');
      expect(first.startsWith(`placewise: ${file}: `)).toBe(true);
      for (const line of rest) expect(line.startsWith(`${file}: `)).toBe(true);
      expect(stderr).not.toMatch(/internal error|\n {4}at /);
    },
  );

  test('built-in names as ids: results as JSON, every figure a number', () => {
    const { text } = mutation(MUTATION_KINDS.indexOf('built-in id'));
    expect(text).toMatch(/\b(toString|valueOf|constructor|hasOwnProperty)\b/);
    const file = scratchFile('built-in-id.yaml', text);
    const { code, stdout, stderr } = placewise('run', file, '--json', '--requests', '200');
    expect(stderr).toBe('');
    expect([0, 1]).toContain(code);
    expect(ruleViolations(file, { kind: 'results', json: stdout })).toEqual([]);
    expect(JSON.parse(stdout).options).toHaveLength(8);
  });
});
