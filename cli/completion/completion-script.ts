// Shell completion for `placewise`, generated from the command line's own definition (the
// commander program), so that a new command or flag completes without touching this file:
// commands, each command's flags, the values of flags that take one of a few words, and file
// names for scenarios, models and outputs.
import type { Command } from 'commander';
import { EXPORT_FORMATS } from '../../electron/host/export/export-formats';

export const SHELLS = ['bash', 'zsh'] as const;
export type Shell = (typeof SHELLS)[number];

/** Flags whose value is one of a few words. */
const FLAG_WORDS: Record<string, readonly string[]> = {
  '--format': EXPORT_FORMATS,
  '--diagram': ['architecture', 'sequence'],
  '--mode': ['single-stream', 'server', 'offline'],
  '--link': ['bluetooth', 'wifi', 'lte', '5g', 'ethernet', 'wan'],
};

interface CommandSpec {
  name: string;
  description: string;
  flags: { name: string; description: string; takesValue: boolean }[];
}

function commandSpecs(program: Command): CommandSpec[] {
  return program.commands.map((command) => ({
    name: command.name(),
    description: command.description(),
    flags: [
      ...command.options.map((option) => ({
        name: option.long ?? option.short ?? '',
        description: option.description,
        takesValue: option.required || option.optional,
      })),
      { name: '--help', description: 'show help for the command', takesValue: false },
    ],
  }));
}

export function completionScript(program: Command, shell: Shell): string {
  const specs = commandSpecs(program).filter((spec) => spec.name !== 'help');
  return shell === 'bash' ? bashScript(specs) : zshScript(specs);
}

function bashScript(specs: CommandSpec[]): string {
  const flagCases = specs.map(
    (spec) => `    ${spec.name}) flags="${spec.flags.map((flag) => flag.name).join(' ')}" ;;`,
  );
  const wordCases = Object.entries(FLAG_WORDS).map(
    ([flag, words]) => `    ${flag}) COMPREPLY=($(compgen -W "${words.join(' ')}" -- "$cur")); return ;;`,
  );
  const valueFlags = [
    ...new Set(specs.flatMap((spec) => spec.flags.filter((flag) => flag.takesValue).map((flag) => flag.name))),
  ].filter((flag) => !(flag in FLAG_WORDS));
  return `# placewise completion for bash: add to ~/.bashrc
#   eval "$(placewise completion bash)"
_placewise() {
  local cur prev flags
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "${specs.map((spec) => spec.name).join(' ')} --help --version" -- "$cur"))
    return
  fi
  case "$prev" in
${wordCases.join('\n')}
    ${valueFlags.join('|')}) COMPREPLY=($(compgen -f -- "$cur")); return ;;
  esac
  case "\${COMP_WORDS[1]}" in
${flagCases.join('\n')}
    *) flags="" ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$flags" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o filenames -o bashdefault -F _placewise placewise
`;
}

// zsh's own completion system: _arguments per command, with descriptions shown beside each.
function zshScript(specs: CommandSpec[]): string {
  const quote = (text: string) => text.replace(/'/g, "'\\''").replace(/[[\]:]/g, (character) => `\\${character}`);
  const commandList = specs.map((spec) => `    '${spec.name}:${quote(spec.description)}'`);
  const cases = specs.map((spec) => {
    const flags = spec.flags.map((flag) => {
      const words = FLAG_WORDS[flag.name];
      const value = !flag.takesValue ? '' : words ? `:value:(${words.join(' ')})` : ':value:_files';
      return `        '${flag.name}[${quote(flag.description)}]${value}'`;
    });
    return `      ${spec.name})\n        _arguments -s \\\n${flags.join(' \\\n')} \\\n        '*:file:_files' ;;`;
  });
  return `#compdef placewise
# placewise completion for zsh: add to ~/.zshrc (after compinit)
#   eval "$(placewise completion zsh)"
_placewise() {
  local -a commands
  commands=(
${commandList.join('\n')}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  shift words
  (( CURRENT-- ))
  case "$words[1]" in
${cases.join('\n')}
  esac
}
compdef _placewise placewise
`;
}
