// The `placewise` command. Each subcommand lives in cli/commands/ and registers itself here.
import { Command, CommanderError } from 'commander';
import { placewiseVersion } from '../electron/host/provenance';
import { UsageError } from './usage-error';

type Register = (program: Command, setExit: (code: number) => void) => void;

// Commands are loaded on demand: `placewise run` should not pay for loading onnxruntime or a
// browser driver. Only help (no or an unknown command) loads them all.
const COMMANDS: Record<string, () => Promise<Register>> = {
  run: async () => (await import('./commands/run')).registerRun,
  check: async () => (await import('./commands/check')).registerCheck,
  bench: async () => (await import('./commands/bench')).registerBench,
  split: async () => (await import('./commands/split')).registerSplit,
  models: async () => (await import('./commands/models')).registerModels,
  export: async () => (await import('./commands/export')).registerExport,
  capacity: async () => (await import('./commands/capacity')).registerCapacity,
  serve: async () => (await import('./commands/serve')).registerServe,
  completion: async () => (await import('./commands/completion')).registerCompletion,
};

/**
 * Commander's parse errors in the CLI's own voice: the one `placewise:` prefix of every error,
 * and an unknown flag called a flag, so it is not mistaken for a scenario's option.
 */
export function commandLineError(text: string): string {
  return text.replace(/^error: /, 'placewise: ').replace(/^placewise: unknown option '/, "placewise: unknown flag '");
}

/**
 * A reader that stops early (`placewise run --json | head`) closes the pipe: the rest of the
 * output has nowhere to go, which ends the run quietly, as other command-line tools do, rather
 * than as an unhandled stream error with a stack trace.
 */
function endQuietlyWhenOutputCloses(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

export async function main(argv: string[]): Promise<number> {
  endQuietlyWhenOutputCloses();
  const program = new Command('placewise')
    .description('Where should each model live? Simulate ML deployment options against their budgets.')
    .version(placewiseVersion())
    .exitOverride()
    .configureOutput({
      writeErr: (text) => process.stderr.write(text),
      outputError: (text, write) => write(commandLineError(text)),
    });
  let exitCode = 0;
  const setExit = (code: number) => {
    exitCode = Math.max(exitCode, code);
  };
  // Completion lists every command, so it loads them all, as help does.
  const named = argv[0] === 'completion' ? undefined : COMMANDS[argv[0] ?? ''];
  for (const load of named ? [named] : Object.values(COMMANDS)) (await load())(program, setExit);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are "errors" to commander; bad arguments are bad input (exit 2).
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`placewise: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`placewise: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 3;
  }
  return exitCode;
}
