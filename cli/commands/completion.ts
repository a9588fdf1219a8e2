// `placewise completion bash|zsh`: prints the shell completion script (see README).
import type { Command } from 'commander';
import { completionScript, type Shell, SHELLS } from '../completion/completion-script';
import { UsageError } from '../usage-error';

export function registerCompletion(program: Command, setExit: (code: number) => void): void {
  program
    .command('completion')
    .description('print shell completion for bash or zsh: eval "$(placewise completion bash)"')
    .argument('<shell>', SHELLS.join(' or '))
    .action((shell: string) => {
      if (!(SHELLS as readonly string[]).includes(shell))
        throw new UsageError(`unknown shell '${shell}': use ${SHELLS.join(' or ')}`);
      process.stdout.write(completionScript(program, shell as Shell));
      setExit(0);
    });
}
