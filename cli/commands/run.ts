// `placewise run <scenario>`: simulate every option and print the comparison (or its JSON).
// With --monte-carlo N, also sample the scenario's uncertain values N times on worker threads;
// with --replications N, run N seeds and add intervals across them. Exits 1 when no option
// simulated passes every budget (as `check` does for a scenario without a decision).
import { type Command, InvalidArgumentError } from 'commander';
import { evaluateScenario, replicateScenario, requestsPastLimit, resultsDocument } from '../../simulator';
import { resultsProvenance } from '../../electron/host/provenance';
import { renderMonteCarloTable } from '../monte-carlo/monte-carlo-table';
import { MONTE_CARLO_REQUESTS } from '../../simulator/uncertainty/index';
import { nonNegativeInteger, positiveInteger } from '../numeric-options';
import { checkOptionIds } from '../option-ids';
import { repeatable } from '../repeatable-flag';
import { renderResultsTable } from '../results-table';
import { readScenarioFile, simulateFile } from '../scenario-file';
import { UsageError } from '../usage-error';

interface RunFlags {
  json?: boolean;
  requests?: number;
  seed?: number;
  option?: string[];
  monteCarlo?: number;
  workers?: number;
  replications?: number;
}

function atLeastTwo(value: string): number {
  const count = positiveInteger(value);
  if (count < 2) throw new InvalidArgumentError('replications need at least 2 runs');
  return count;
}

export function registerRun(program: Command, setExit: (code: number) => void): void {
  program
    .command('run')
    .description('simulate every option of a scenario and compare them against its budgets')
    .argument('<scenario>', 'a scenario file (YAML or JSON)')
    .option('--json', 'print the results as JSON')
    .option(
      '--requests <n>',
      `simulated requests per option (with --monte-carlo: per sample, default ${MONTE_CARLO_REQUESTS})`,
      positiveInteger,
    )
    .option('--seed <n>', 'random seed (default: the scenario seed)', nonNegativeInteger)
    .option('--option <id>', 'evaluate only this option (repeatable)', repeatable)
    .option(
      '--monte-carlo <n>',
      'sample the uncertain values n times; report spreads, budget odds and a tornado',
      positiveInteger,
    )
    .option('--workers <n>', 'worker threads for --monte-carlo (default: the available cores)', positiveInteger)
    .option(
      '--replications <n>',
      'run n times with seeds seed, seed + 1, ...; add 95% intervals across the runs',
      atLeastTwo,
    )
    .action(async (file: string, flags: RunFlags) => {
      const { text, scenario, uncertain } = readScenarioFile(file);
      checkOptionIds(file, scenario, flags.option ?? []);
      const past =
        flags.requests === undefined ? undefined : requestsPastLimit(scenario.workload.users, flags.requests);
      if (past) throw new UsageError(`--requests ${flags.requests}: ${past}`);
      const settings = { requests: flags.requests, seed: flags.seed, options: flags.option };
      const results = simulateFile(file, () =>
        flags.replications
          ? replicateScenario(scenario, flags.replications, settings)
          : evaluateScenario(scenario, settings),
      );
      const colour = process.stdout.isTTY === true;
      setExit(results.options.some((option) => option.pass) ? 0 : 1);
      if (flags.monteCarlo === undefined) {
        if (flags.json)
          process.stdout.write(`${JSON.stringify(resultsDocument(results, resultsProvenance(text)), null, 2)}\n`);
        else process.stdout.write(`${renderResultsTable(results, { colour })}\n`);
        return;
      }
      const progress = !flags.json && process.stderr.isTTY === true;
      // Loaded here, not at the top: the pool's worker_threads and os are no part of a plain run's start-up.
      const { runMonteCarlo } = await import('../monte-carlo/run-monte-carlo');
      const { report } = await runMonteCarlo(
        file,
        uncertain ?? { input: scenario, parameters: [] },
        {
          samples: flags.monteCarlo,
          seed: results.seed,
          requests: flags.requests ?? Math.min(MONTE_CARLO_REQUESTS, results.requests),
          options: flags.option,
        },
        {
          workers: flags.workers,
          onProgress: progress
            ? (done, total) => process.stderr.write(`\rMonte Carlo: ${done}/${total} evaluations`)
            : undefined,
        },
      );
      if (progress) process.stderr.write('\r\x1b[K');
      if (flags.json) {
        const document = resultsDocument(results, resultsProvenance(text), report);
        process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
      } else {
        process.stdout.write(`${renderResultsTable(results, { colour })}\n\n`);
        process.stdout.write(`${renderMonteCarloTable(report, { colour })}\n`);
      }
    });
}
