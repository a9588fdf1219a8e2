// `placewise check --junit FILE`: the verdicts as JUnit XML, the report format CI systems
// display (GitLab, Jenkins, GitHub Actions' test reporters, Azure Pipelines): a test suite per
// scenario, a test case per budget of the option judged, a failure per broken budget, and an
// error for a file that could not be checked.
import { budgetComparator } from '../../simulator/export/budget-format';
import { type CheckReport, isChecked, type ScenarioCheck } from './check-verdicts';

export function junitXml(report: CheckReport): string {
  const suites = report.scenarios.map((check) => testSuite(check, report.generated_at));
  const count = (pattern: RegExp) => suites.reduce((sum, suite) => sum + (suite.match(pattern)?.length ?? 0), 0);
  const tests = count(/<testcase /g);
  const failures = count(/<failure /g);
  const errors = count(/<error /g);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="placewise check" tests="${tests}" failures="${failures}" errors="${errors}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function testSuite(check: ScenarioCheck, timestamp: string): string {
  const name = attribute(check.file);
  if (!isChecked(check)) {
    return [
      `  <testsuite name="${name}" tests="1" failures="0" errors="1" skipped="0" time="0" timestamp="${timestamp}">`,
      `    <testcase classname="${name}" name="scenario is valid" time="0">`,
      `      <error message="${attribute(firstLine(check.error))}" type="InvalidScenario">${text(check.error)}</error>`,
      '    </testcase>',
      '  </testsuite>',
    ].join('\n');
  }
  const cases = check.budgets.map((verdict) => {
    const caseName = `${check.option}: ${verdict.name} ${budgetComparator(verdict.name)} ${verdict.limit}`;
    const open = `    <testcase classname="${name}" name="${attribute(caseName)}" time="0">`;
    if (verdict.pass) return `${open}</testcase>`;
    const message = `${verdict.name} is ${verdict.value ?? 'not measured'}, ${budgetComparator(verdict.name)} ${verdict.limit} allowed`;
    return [
      open,
      `      <failure message="${attribute(message)}" type="BudgetBroken">${text(`${check.message}\n${message}`)}</failure>`,
      '    </testcase>',
    ].join('\n');
  });
  // With no budget to judge, the one verdict is the check's own.
  if (cases.length === 0) {
    const open = `    <testcase classname="${name}" name="${attribute(check.message)}" time="0">`;
    cases.push(
      check.pass
        ? `${open}</testcase>`
        : `${open}\n      <failure message="${attribute(check.message)}" type="CheckFailed"/>\n    </testcase>`,
    );
  }
  const broken = check.budgets.filter((verdict) => !verdict.pass).length;
  const failures = check.budgets.length === 0 ? Number(!check.pass) : broken;
  return [
    `  <testsuite name="${name}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0" time="${check.seconds.toFixed(3)}" timestamp="${timestamp}">`,
    '    <properties>',
    `      <property name="scenario" value="${attribute(check.scenario)}"/>`,
    `      <property name="scenario_sha256" value="${check.scenario_sha256}"/>`,
    `      <property name="seed" value="${check.seed}"/>`,
    `      <property name="decision" value="${attribute(check.decision ?? '')}"/>`,
    '    </properties>',
    ...cases,
    '  </testsuite>',
  ].join('\n');
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}

// XML 1.0 cannot carry most control characters at all, even escaped: they are dropped.
function text(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function attribute(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;').replace(/\r/g, '&#13;');
}
