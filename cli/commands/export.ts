// `placewise export <scenario> --format mmd|svg|png|md|html|adr|csv [--option ID] --out FILE`:
// simulate the scenario, then write a diagram, a decision report, the decision record alone or
// the results as CSV. Reports of a scenario with uncertain values carry a Monte Carlo study.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import {
  ChromiumNotFoundError,
  checkWritable,
  decisionRecordFileName,
  type DiagramKind,
  EXPORT_FORMATS,
  type ExportFormat,
  ExportInputError,
  exportScenario,
  findChromium,
  isExportFormat,
  needsBrowser,
  OutputPathError,
  writeFileAtomic,
} from '../../electron/host/export';
import { evaluateScenario } from '../../simulator';
import { type MonteCarloRun, runMonteCarlo } from '../monte-carlo/run-monte-carlo';
import { MONTE_CARLO_REQUESTS, REPORT_SAMPLES } from '../../simulator/uncertainty/index';
import { nonNegativeInteger, positiveInteger } from '../numeric-options';
import { checkOptionIds } from '../option-ids';
import { readScenarioFile, type ScenarioFile, simulateFile } from '../scenario-file';
import { UsageError } from '../usage-error';

interface ExportFlags {
  format: string;
  out: string;
  option?: string;
  diagram: string;
  requests?: number;
  seed?: number;
  monteCarlo?: number;
  samples?: number;
  workers?: number;
  deciders?: string;
}

const DIAGRAMS: readonly DiagramKind[] = ['architecture', 'sequence'];

export function registerExport(program: Command, setExit: (code: number) => void): void {
  program
    .command('export')
    .description(
      'write the architecture diagram (mmd, svg, png), the decision report (md, html), the decision record alone (adr) or the results as CSV (csv)',
    )
    .argument('<scenario>', 'a scenario file (YAML or JSON)')
    .requiredOption('--format <format>', `one of ${EXPORT_FORMATS.join(', ')}`)
    .requiredOption(
      '--out <file>',
      'the file to write ("-" for standard output; for adr also a folder, where the record gets the next number)',
    )
    .option('--option <id>', 'the option to draw (default: the decision, else the recommendation)')
    .option('--diagram <kind>', 'for mmd, svg and png: architecture or sequence', 'architecture')
    .option('--requests <n>', 'simulated requests per option', positiveInteger)
    .option('--seed <n>', 'random seed (default: the scenario seed)', nonNegativeInteger)
    .option(
      '--monte-carlo <n>',
      `for md and html: Monte Carlo samples of the uncertain values (default ${REPORT_SAMPLES}; 0: none)`,
      nonNegativeInteger,
    )
    .option('--samples <n>', 'for csv: add a row per option for each of n Monte Carlo samples', positiveInteger)
    .option(
      '--workers <n>',
      'threads that evaluate Monte Carlo samples: n - 1 worker threads and this one (default: the available cores)',
      positiveInteger,
    )
    .option('--deciders <names>', "for md, html and adr: the decision record's deciders, comma-separated")
    .action(async (file: string, flags: ExportFlags) => {
      const { format } = flags;
      if (!isExportFormat(format))
        throw new UsageError(`unknown format '${format}': use one of ${EXPORT_FORMATS.join(', ')}`);
      if (!DIAGRAMS.includes(flags.diagram as DiagramKind)) {
        throw new UsageError(`unknown diagram '${flags.diagram}': use architecture or sequence`);
      }
      if (flags.samples !== undefined && format !== 'csv') throw new UsageError('--samples is for --format csv');
      const source = readScenarioFile(file);
      const { scenario } = source;
      // Bad input is reported before the simulation and the browser spend any time.
      if (flags.option !== undefined) checkOptionIds(file, scenario, [flags.option]);
      const record = format === 'adr' ? asUsageError(() => recordTarget(flags.out, scenario.name)) : undefined;
      const out = record?.path ?? flags.out;
      if (out !== '-') asUsageError(() => checkWritable(out));
      if (needsBrowser(format)) asUsageError(() => findChromium());
      const studySamples = format === 'csv' ? (flags.samples ?? 0) : (flags.monteCarlo ?? REPORT_SAMPLES);
      if (flags.samples !== undefined && !source.uncertain)
        throw new UsageError(`${file}: --samples: the scenario has no uncertain values to sample`);

      const progress = (message: string) => {
        if (process.stderr.isTTY && out !== '-') process.stderr.write(`${message}\n`);
      };
      progress('simulating…');
      const results = simulateFile(file, () =>
        evaluateScenario(scenario, { requests: flags.requests, seed: flags.seed }),
      );
      const study =
        source.uncertain && studySamples > 0 && (format === 'md' || format === 'html' || format === 'csv')
          ? await monteCarlo(file, source, results.seed, studySamples, flags, progress)
          : undefined;
      if (needsBrowser(format)) progress('rendering in Chromium…');
      const exported = await asUsageErrorAsync(() =>
        exportScenario({
          scenario,
          results,
          format: format as ExportFormat,
          optionId: flags.option,
          diagram: flags.diagram as DiagramKind,
          scenarioText: source.text,
          scenarioFile: file,
          uncertainValues: source.uncertain?.parameters.length ?? 0,
          monteCarlo: study?.report,
          samples: format === 'csv' ? study?.samples : undefined,
          deciders: flags.deciders
            ?.split(',')
            .map((name) => name.trim())
            .filter(Boolean),
          recordNumber: record?.number,
        }),
      );
      if (out === '-') process.stdout.write(exported.bytes);
      else {
        await asUsageErrorAsync(() => writeFileAtomic(out, exported.bytes));
        progress(`wrote ${out} (${exported.optionId})`);
      }
      setExit(0);
    });
}

function monteCarlo(
  file: string,
  source: ScenarioFile,
  seed: number,
  samples: number,
  flags: ExportFlags,
  progress: (message: string) => void,
): Promise<MonteCarloRun> {
  progress(`Monte Carlo: ${samples} samples of ${source.uncertain!.parameters.length} uncertain values…`);
  return runMonteCarlo(
    file,
    source.uncertain!,
    { samples, seed, requests: flags.requests ?? MONTE_CARLO_REQUESTS },
    { workers: flags.workers },
  );
}

/**
 * Where a decision record goes: `--out` itself, or, when it names a folder (docs/decisions/),
 * the next number there after the records it holds (`0003-placement-for-….md`), as adr-tools
 * and log4brains number theirs.
 */
function recordTarget(out: string, scenarioName: string): { path: string; number?: number } {
  if (out === '-' || !isDirectory(out)) return { path: out };
  const numbers = readdirSync(out)
    .map((name) => /^(\d{4})-.*\.md$/.exec(name)?.[1])
    .filter((number) => number !== undefined)
    .map(Number);
  const number = Math.max(0, ...numbers) + 1;
  return { path: join(out, decisionRecordFileName(scenarioName, number)), number };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

// Errors that are the user's to fix become UsageErrors (exit 2); anything else stays an
// internal error.
function translate(error: unknown): never {
  if (error instanceof ChromiumNotFoundError || error instanceof OutputPathError || error instanceof ExportInputError) {
    throw new UsageError(error.message);
  }
  throw error;
}

function asUsageError<T>(action: () => T): T {
  try {
    return action();
  } catch (error) {
    translate(error);
  }
}

async function asUsageErrorAsync<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    translate(error);
  }
}
