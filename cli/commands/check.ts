// `placewise check <scenario>...`: the architecture fitness function for CI. Exit 1 when a
// scenario's decision breaks a budget, or, with no decision, when no option passes them all.
import type { Command } from 'commander';
import pc from 'picocolors';
import { evaluateScenario, type ScenarioResults } from '../../simulator';
import { nonNegativeInteger, positiveInteger } from '../numeric-options';
import { loadScenarioFile, simulateFile } from '../scenario-file';
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

export function registerCheck(program: Command, setExit: (code: number) => void): void {
  program
    .command('check')
    .description("exit 1 when a scenario's decision breaks a budget (with no decision: when no option passes them all)")
    .argument('<scenario...>', 'scenario files')
    .option('--requests <n>', 'simulated requests per option', positiveInteger)
    .option('--seed <n>', "random seed (default: each scenario's seed)", nonNegativeInteger)
    .action((files: string[], flags: { requests?: number; seed?: number }) => {
      const colour = process.stdout.isTTY === true;
      const problems: string[] = [];
      for (const file of files) {
        let results: ScenarioResults;
        try {
          const scenario = loadScenarioFile(file);
          results = simulateFile(file, () =>
            evaluateScenario(scenario, { requests: flags.requests, seed: flags.seed }),
          );
        } catch (error) {
          if (!(error instanceof UsageError)) throw error;
          problems.push(error.message);
          continue;
        }
        const outcome = checkOutcome(results);
        const mark = outcome.pass ? (colour ? pc.green('pass') : 'pass') : colour ? pc.red('FAIL') : 'FAIL';
        process.stdout.write(`${mark}  ${file}: ${outcome.message}\n`);
        if (!outcome.pass) setExit(1);
      }
      // Invalid files are reported after the others were checked, so one typo does not hide the rest.
      if (problems.length > 0) throw new UsageError(problems.join('\n'));
    });
}
