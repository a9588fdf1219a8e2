// `placewise check --json` and `--junit FILE`: the verdicts CI reads. The JUnit file is read with
// a real XML parser and held to the shape CI systems read (JUnit's XSD as Jenkins and GitLab
// take it): testsuites > testsuite > testcase > failure | error, with counts that add up.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport, CheckedScenario } from '../../../cli/check/check-verdicts';
import { buildCliFirst, placewise, root, scratchFile } from '../support/placewise-cli';

const ar = join(root, 'scenarios', 'ar-translation.yaml');
const arText = readFileSync(ar, 'utf8');
const broken = join(root, 'test', 'e2e', 'fixtures', 'broken.yaml');

buildCliFirst();

describe('placewise check --json --junit', () => {
  const cloud = scratchFile('cloud-decision.yaml', arText.replace('decision: hybrid-cached', 'decision: cloud'));
  const junit = scratchFile('junit.xml', '');
  let result: ReturnType<typeof placewise>;
  let report: CheckReport;
  let document: ReturnType<DOMParser['parseFromString']>;
  beforeAll(() => {
    result = placewise('check', ar, cloud, broken, '--requests', '1500', '--json', '--junit', junit);
    report = JSON.parse(result.stdout) as CheckReport;
    const problems: string[] = [];
    document = new DOMParser({
      onError: (level, message) => void problems.push(`${level}: ${message}`),
    }).parseFromString(readFileSync(junit, 'utf8'), 'text/xml');
    expect(problems).toEqual([]);
  });

  it('exits 2 for the file that does not validate, after checking the others', () => {
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("broken.yaml: components[0].hardware: unknown hardware 'no-such-box'");
  });

  it('prints each scenario with the option judged and its verdict against every budget', () => {
    expect(report).toMatchObject({ format: 'placewise-check/1', pass: false });
    const [good, bad, invalid] = report.scenarios as [
      CheckedScenario,
      CheckedScenario,
      { file: string; error: string },
    ];
    expect(good).toMatchObject({ file: ar, decision: 'hybrid-cached', option: 'hybrid-cached', pass: true, seed: 7 });
    expect(good.scenario_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(good.budgets.map((verdict) => verdict.name)).toEqual([
      'latency_ms.p95',
      'monthly_usd',
      'battery_hours.glasses',
      'battery_hours.phone',
      'offline_success',
      'success_rate',
      'accuracy',
    ]);
    expect(bad).toMatchObject({ decision: 'cloud', pass: false });
    expect(bad.message).toMatch(/^decision 'cloud' breaks monthly_usd/);
    expect(bad.budgets.filter((verdict) => !verdict.pass).map((verdict) => verdict.name)).toContain('monthly_usd');
    expect(invalid.file).toBe(broken);
    expect(invalid.error).toContain('unknown hardware');
  });

  it('writes JUnit XML: a suite per scenario, a case per budget, a failure per broken budget', () => {
    const root = document.documentElement!;
    expect(root.tagName).toBe('testsuites');
    const suites = Array.from(root.getElementsByTagName('testsuite')) as Element[];
    expect(suites.map((suite) => suite.getAttribute('name'))).toEqual([ar, cloud, broken]);
    for (const suite of suites) {
      // Test cases are the suite's children, each failure or error inside a test case.
      const cases = Array.from(suite.childNodes).filter(
        (node) => (node as Element).tagName === 'testcase',
      ) as Element[];
      expect(suite.getAttribute('tests')).toBe(String(cases.length));
      const failures = cases.filter((testcase) => testcase.getElementsByTagName('failure').length > 0);
      const errors = cases.filter((testcase) => testcase.getElementsByTagName('error').length > 0);
      expect(suite.getAttribute('failures')).toBe(String(failures.length));
      expect(suite.getAttribute('errors')).toBe(String(errors.length));
      for (const testcase of cases) {
        expect(testcase.getAttribute('classname')).toBe(suite.getAttribute('name'));
        expect(testcase.getAttribute('name')).not.toBe('');
      }
    }
    const [good, bad, invalid] = suites;
    const names = (suite: Element, inside?: string) =>
      (Array.from(suite.getElementsByTagName('testcase')) as Element[])
        .filter((testcase) => !inside || testcase.getElementsByTagName(inside).length > 0)
        .map((testcase) => testcase.getAttribute('name'));
    // One case per budget of the JSON report's verdicts (seven for the AR scenario).
    expect(names(good)).toHaveLength((report.scenarios[0] as CheckedScenario).budgets.length);
    expect(names(good)).toHaveLength(7);
    expect(names(good, 'failure')).toEqual([]);
    const badReport = report.scenarios[1] as CheckedScenario;
    expect(names(bad, 'failure')).toHaveLength(badReport.budgets.filter((verdict) => !verdict.pass).length);
    expect(names(bad, 'failure')).toContain('cloud: monthly_usd at most 25000');
    const failure = bad.getElementsByTagName('failure')[0] as Element;
    expect(failure.getAttribute('type')).toBe('BudgetBroken');
    expect(failure.getAttribute('message')).toMatch(/ is [\d.]+, at (most|least) [\d.]+ allowed$/);
    expect(names(invalid, 'error')).toEqual(['scenario is valid']);
    const totals = ['tests', 'failures', 'errors'].map((name) => Number(root.getAttribute(name)));
    const sums = ['tests', 'failures', 'errors'].map((name) =>
      suites.reduce((sum, suite) => sum + Number(suite.getAttribute(name)), 0),
    );
    expect(totals).toEqual(sums);
  });
});

describe('placewise check --junit', () => {
  it('refuses a path it cannot write before simulating (exit 2)', () => {
    const { code, stderr } = placewise('check', ar, '--junit', join(root, 'no', 'such', 'dir', 'junit.xml'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/^placewise: --junit: cannot write .*junit\.xml: the directory .* does not exist/);
  });
});
