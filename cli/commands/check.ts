// `placewise check <scenario>...`: the architecture fitness function for CI. Exit 1 when a
// scenario's decision breaks a budget, or, with no decision, when no option passes them all.
// --json prints the verdicts for machines; --junit FILE writes them as JUnit XML for CI.
import type { Command } from 'commander';
import pc from 'picocolors';
import { checkWritable, OutputPathError, writeFileAtomic } from '../../electron/host/export/write-file-atomic';
import { generatedAt, placewiseVersion, scenarioSha256 } from '../../electron/host/provenance';
import { evaluateScenario, type ScenarioResults } from '../../simulator';
import {
  CHECK_FORMAT,
  type CheckReport,
  checkedScenario,
  isChecked,
  type ScenarioCheck,
} from '../check/check-verdicts';
import { junitXml } from '../check/junit-xml';
import { nonNegativeInteger, positiveInteger } from '../numeric-options';
import { readScenarioFile, type ScenarioFile, simulateFile } from '../scenario-file';
import { UsageError } from '../usage-error';

export interface CheckOutcome {
  pass: boolean;
  message: string;
}

export function checkOutcome(results: ScenarioResults): CheckOutcome {
  if (results.decision) {
    const chosen = results.options.find((option) => option.id === results.decision)!;
    const broken = chosen.budgets.filter((verdict) => !verdict.pass);
    if (broken.length === 0) return { pass: true, message: `decision '${chosen.id}' passes every budget` };
    const list = broken.map(
      (verdict) => `${verdict.name} ${verdict.value === null ? '-' : round(verdict.value)} (limit ${verdict.limit})`,
    );
    return { pass: false, message: `decision '${chosen.id}' breaks ${list.join(', ')}` };
  }
  const passing = results.options.filter((option) => option.pass).map((option) => option.id);
  return passing.length > 0
    ? {
        pass: true,
        message: `no decision recorded; ${passing.join(', ')} pass${passing.length === 1 ? 'es' : ''} every budget`,
      }
    : { pass: false, message: 'no decision recorded, and no option passes every budget' };
}

function round(value: number): string {
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toPrecision(3);
}

interface CheckFlags {
  requests?: number;
  seed?: number;
  json?: boolean;
  junit?: string;
}

export function registerCheck(program: Command, setExit: (code: number) => void): void {
  program
    .command('check')
    .description("exit 1 when a scenario's decision breaks a budget (with no decision: when no option passes them all)")
    .argument('<scenario...>', 'scenario files')
    .option('--requests <n>', 'simulated requests per option', positiveInteger)
    .option('--seed <n>', "random seed (default: each scenario's seed)", nonNegativeInteger)
    .option('--json', "print each scenario's budgets and verdicts as JSON")
    .option('--junit <file>', 'also write the verdicts as JUnit XML, a test case per scenario and budget')
    .action(async (files: string[], flags: CheckFlags) => {
      if (flags.junit !== undefined) await junitPath(() => checkWritable(flags.junit!));
      const colour = process.stdout.isTTY === true;
      const checks: ScenarioCheck[] = [];
      for (const file of files) {
        let source: ScenarioFile;
        let results: ScenarioResults;
        const started = performance.now();
        try {
          source = readScenarioFile(file);
          results = simulateFile(file, () =>
            evaluateScenario(source.scenario, { requests: flags.requests, seed: flags.seed }),
          );
        } catch (error) {
          if (!(error instanceof UsageError)) throw error;
          checks.push({ file, error: error.message });
          continue;
        }
        const outcome = checkOutcome(results);
        const seconds = (performance.now() - started) / 1000;
        checks.push(checkedScenario(file, scenarioSha256(source.text), results, outcome, seconds));
        if (!flags.json) {
          const mark = outcome.pass ? (colour ? pc.green('pass') : 'pass') : colour ? pc.red('FAIL') : 'FAIL';
          process.stdout.write(`${mark}  ${file}: ${outcome.message}\n`);
        }
        if (!outcome.pass) setExit(1);
      }
      const report: CheckReport = {
        format: CHECK_FORMAT,
        placewise_version: placewiseVersion(),
        generated_at: generatedAt(),
        pass: checks.every((check) => isChecked(check) && check.pass),
        scenarios: checks,
      };
      if (flags.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      if (flags.junit !== undefined) {
        const target = flags.junit;
        await junitPath(() => writeFileAtomic(target, new TextEncoder().encode(junitXml(report))));
      }
      // Invalid files are reported after the others were checked, so one typo does not hide the rest.
      const problems = checks.flatMap((check) => (isChecked(check) ? [] : [check.error]));
      if (problems.length > 0) throw new UsageError(problems.join('\n'));
    });
}

/** An output path the user gave that cannot be written is bad input (exit 2). */
async function junitPath<T>(action: () => T | Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof OutputPathError) throw new UsageError(`--junit: ${error.message}`);
    throw error;
  }
}
