// `placewise run <scenario>`: simulate every option and print the comparison (or its JSON).
// With --monte-carlo N, also sample the scenario's uncertain values N times on worker threads and
// this one; with --replications N, run N seeds and add intervals across them. Exits 1 when no
// option simulated passes every budget (as `check` does for a scenario without a decision).
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
    .option(
      '--workers <n>',
      'threads that evaluate --monte-carlo: n - 1 worker threads and this one, once its own run is done (default: the available cores)',
      positiveInteger,
    )
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
      const progress = !flags.json && process.stderr.isTTY === true;
      // The study needs the run's seed and request count only. A run of a request count measures
      // exactly that many, so its study starts first, on its worker threads, and runs while this
      // thread simulates the scenario itself, then takes samples too; a run of a duration measures
      // its count as it goes.
      const abort = new AbortController();
      let started = () => {};
      const workersStarted = new Promise<void>((resolve) => (started = resolve));
      let simulated = () => {};
      const runDone = new Promise<void>((resolve) => (simulated = resolve));
      const startMonteCarlo = async (samples: number, requests: number) => {
        // Loaded here, not at the top: the pool's worker_threads and os are no part of a plain run's start-up.
        const { runMonteCarlo } = await import('../monte-carlo/run-monte-carlo');
        return runMonteCarlo(
          file,
          uncertain ?? { input: scenario, parameters: [] },
          {
            samples,
            seed: flags.seed ?? scenario.seed,
            requests: flags.requests ?? Math.min(MONTE_CARLO_REQUESTS, requests),
            options: flags.option,
          },
          {
            workers: flags.workers,
            onStarted: started,
            hostJoins: runDone,
            signal: abort.signal,
            onProgress: progress
              ? (done, total) => process.stderr.write(`\rMonte Carlo: ${done}/${total} evaluations`)
              : undefined,
          },
        );
      };
      const knownRequests =
        flags.requests ?? (scenario.workload.duration_s === undefined ? scenario.workload.requests : undefined);
      let study =
        flags.monteCarlo !== undefined && knownRequests !== undefined
          ? startMonteCarlo(flags.monteCarlo, knownRequests)
          : undefined;
      // Until its workers run, the study needs this thread, which the simulation below holds.
      if (study) await Promise.race([workersStarted, study]);
      let results: ReturnType<typeof evaluateScenario>;
      try {
        results = simulateFile(file, () =>
          flags.replications
            ? replicateScenario(scenario, flags.replications, settings)
            : evaluateScenario(scenario, settings),
        );
        simulated();
      } catch (error) {
        abort.abort(error);
        await study?.catch(() => undefined);
        throw error;
      }
      const colour = process.stdout.isTTY === true;
      setExit(results.options.some((option) => option.pass) ? 0 : 1);
      if (flags.monteCarlo === undefined) {
        if (flags.json)
          process.stdout.write(`${JSON.stringify(resultsDocument(results, resultsProvenance(text)), null, 2)}\n`);
        else process.stdout.write(`${renderResultsTable(results, { colour })}\n`);
        return;
      }
      study ??= startMonteCarlo(flags.monteCarlo, results.requests);
      const { report } = await study;
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
