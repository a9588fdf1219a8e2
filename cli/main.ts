// The `placewise` command. Each subcommand lives in cli/commands/ and registers itself here.
import { Command, CommanderError } from 'commander';
import { registerBench } from './commands/bench';
import { registerCheck } from './commands/check';
import { registerModels } from './commands/models';
import { registerRun } from './commands/run';
import { UsageError } from './usage-error';

export async function main(argv: string[]): Promise<number> {
  const program = new Command('placewise')
    .description('Where should each model live? Simulate ML deployment options against their budgets.')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  let exitCode = 0;
  const setExit = (code: number) => {
    exitCode = Math.max(exitCode, code);
  };
  registerRun(program, setExit);
  registerCheck(program, setExit);
  registerBench(program, setExit);
  registerModels(program, setExit);
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
