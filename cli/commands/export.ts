// `placewise export <scenario> --format mmd|svg|png|md|html [--option ID] --out FILE`:
// simulate the scenario, then write a diagram or a decision report.
import type { Command } from 'commander';
import {
  ChromiumNotFoundError,
  checkWritable,
  type DiagramKind,
  EXPORT_FORMATS,
  ExportInputError,
  exportScenario,
  findChromium,
  isExportFormat,
  needsBrowser,
  OutputPathError,
  writeFileAtomic,
} from '../../electron/host/export';
import { evaluateScenario } from '../../simulator';
import { nonNegativeInteger, positiveInteger } from '../numeric-options';
import { checkOptionIds } from '../option-ids';
import { loadScenarioFile, simulateFile } from '../scenario-file';
import { UsageError } from '../usage-error';

interface ExportFlags {
  format: string;
  out: string;
  option?: string;
  diagram: string;
  requests?: number;
  seed?: number;
}

const DIAGRAMS: readonly DiagramKind[] = ['architecture', 'sequence'];

export function registerExport(program: Command, setExit: (code: number) => void): void {
  program
    .command('export')
    .description('write the architecture diagram (mmd, svg, png) or the decision report (md, html) of a scenario')
    .argument('<scenario>', 'a scenario file (YAML or JSON)')
    .requiredOption('--format <format>', `one of ${EXPORT_FORMATS.join(', ')}`)
    .requiredOption('--out <file>', 'the file to write ("-" for standard output)')
    .option('--option <id>', 'the option to draw (default: the decision, else the recommendation)')
    .option('--diagram <kind>', 'for mmd, svg and png: architecture or sequence', 'architecture')
    .option('--requests <n>', 'simulated requests per option', positiveInteger)
    .option('--seed <n>', 'random seed (default: the scenario seed)', nonNegativeInteger)
    .action(async (file: string, flags: ExportFlags) => {
      const { format, out } = flags;
      if (!isExportFormat(format))
        throw new UsageError(`unknown format '${format}': use one of ${EXPORT_FORMATS.join(', ')}`);
      if (!DIAGRAMS.includes(flags.diagram as DiagramKind)) {
        throw new UsageError(`unknown diagram '${flags.diagram}': use architecture or sequence`);
      }
      const scenario = loadScenarioFile(file);
      // Bad input is reported before the simulation and the browser spend any time.
      if (flags.option !== undefined) checkOptionIds(file, scenario, [flags.option]);
      if (out !== '-') asUsageError(() => checkWritable(out));
      if (needsBrowser(format)) asUsageError(() => findChromium());

      const progress = (message: string) => {
        if (process.stderr.isTTY && out !== '-') process.stderr.write(`${message}\n`);
      };
      progress('simulating…');
      const results = simulateFile(file, () =>
        evaluateScenario(scenario, { requests: flags.requests, seed: flags.seed }),
      );
      if (needsBrowser(format)) progress('rendering in Chromium…');
      const request = { scenario, results, format, optionId: flags.option, diagram: flags.diagram as DiagramKind };
      const exported = await asUsageErrorAsync(() => exportScenario(request));
      if (out === '-') process.stdout.write(exported.bytes);
      else {
        await asUsageErrorAsync(() => writeFileAtomic(out, exported.bytes));
        progress(`wrote ${out} (${exported.optionId})`);
      }
      setExit(0);
    });
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
