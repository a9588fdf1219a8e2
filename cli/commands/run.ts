// `placewise run <scenario>`: simulate every option and print the comparison (or its JSON).
import type { Command } from 'commander';
import { evaluateScenario } from '../../simulator';
import { loadScenarioFile } from '../scenario-file';
import { nonNegativeInteger, positiveInteger } from '../numeric-options';
import { renderResultsTable } from '../results-table';
import { UsageError } from '../usage-error';

interface RunFlags {
  json?: boolean;
  requests?: number;
  seed?: number;
  option?: string[];
}

export function registerRun(program: Command, setExit: (code: number) => void): void {
  program
    .command('run')
    .description('simulate every option of a scenario and compare them against its budgets')
    .argument('<scenario>', 'a scenario file (YAML or JSON)')
    .option('--json', 'print the results as JSON')
    .option('--requests <n>', 'simulated requests per option', positiveInteger)
    .option('--seed <n>', 'random seed (default: the scenario seed)', nonNegativeInteger)
    .option('--option <id...>', 'evaluate only these options')
    .action((file: string, flags: RunFlags) => {
      const scenario = loadScenarioFile(file);
      const known = scenario.options.map((option) => option.id);
      for (const id of flags.option ?? []) {
        if (!known.includes(id)) throw new UsageError(`${file}: unknown option '${id}' (known: ${known.join(', ')})`);
      }
      const results = evaluateScenario(scenario, { requests: flags.requests, seed: flags.seed, options: flags.option });
      if (flags.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
      else process.stdout.write(`${renderResultsTable(results, { colour: process.stdout.isTTY === true })}\n`);
      setExit(0);
    });
}
