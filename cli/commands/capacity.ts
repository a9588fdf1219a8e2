// `placewise capacity <scenario>`: replicas, p95 and cost of one shared component per load, and
// the load above which always-on replicas are cheaper than serverless.
import type { Command } from 'commander';
import {
  CapacityInputError,
  type CapacitySweep,
  capacitySweep,
  formatScenarioError,
  RunLimitError,
} from '../../simulator';
import { renderCapacityTable } from '../capacity/capacity-table';
import { nonNegativeInteger, positiveInteger } from '../numeric-options';
import { loadScenarioFile } from '../scenario-file';
import { checkOptionIds } from '../option-ids';
import { UsageError } from '../usage-error';

interface CapacityFlags {
  component?: string;
  option?: string;
  json?: boolean;
  points?: number;
  requests?: number;
  seed?: number;
}

export function registerCapacity(program: Command, setExit: (code: number) => void): void {
  program
    .command('capacity')
    .description(
      'sweep the load on a shared component: fewest replicas meeting the latency budget, cost, serverless crossover',
    )
    .argument('<scenario>', 'a scenario file (YAML or JSON)')
    .option('--component <id>', 'the shared component to size (default: the busiest in the decision or recommendation)')
    .option('--option <id>', 'the option whose load counts (default: the decision, else the recommendation)')
    .option('--json', 'print the sweep as JSON')
    .option('--points <n>', 'loads in the sweep (default 20)', positiveInteger)
    .option('--requests <n>', 'simulated requests per trial (default 4000)', positiveInteger)
    .option('--seed <n>', 'random seed (default: the scenario seed)', nonNegativeInteger)
    .action((file: string, flags: CapacityFlags) => {
      const scenario = loadScenarioFile(file);
      if (flags.option !== undefined) checkOptionIds(file, scenario, [flags.option]);
      const progress = !flags.json && process.stderr.isTTY === true;
      let sweep: CapacitySweep;
      try {
        sweep = capacitySweep(scenario, {
          component: flags.component,
          option: flags.option,
          points: flags.points,
          requests: flags.requests,
          seed: flags.seed,
          onProgress: progress ? (done, total) => process.stderr.write(`\rcapacity: load ${done}/${total}`) : undefined,
        });
      } catch (error) {
        if (error instanceof CapacityInputError) throw new UsageError(`${file}: ${error.message}`);
        if (error instanceof RunLimitError) throw new UsageError(formatScenarioError(file, error.scenarioError));
        throw error;
      } finally {
        if (progress) process.stderr.write('\r\x1b[K');
      }
      if (flags.json) process.stdout.write(`${JSON.stringify(sweep, null, 2)}\n`);
      else process.stdout.write(`${renderCapacityTable(sweep, { colour: process.stdout.isTTY === true })}\n`);
      if (sweep.impossible) {
        const best = Math.min(...sweep.points.map((point) => point.p95_ms));
        process.stderr.write(
          `placewise: ${file}: no replica count of ${sweep.component} meets the latency budget ${JSON.stringify(sweep.budget.latency_ms)} at any load of the sweep; the best reachable p95 is ${Math.round(best)} ms\n`,
        );
        setExit(2);
      } else setExit(0);
    });
}
