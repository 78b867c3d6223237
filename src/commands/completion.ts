// treaty completion bash|zsh|fish: scripts generated from the command line's own definition, so
// they never fall behind it. Treaty ids and participant names come from the database at completion
// time, through the hidden `treaty __complete` command.
import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { compareNames } from '../domain/nearest.js';
import { FORMATS, PARTICIPANT_KINDS, PARTICIPANT_STATUSES } from '../domain/vocabulary.js';
import { UsageError } from '../errors.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;

/** Fixed values of options, by long name; `@treaties` and `@participants` are looked up live. */
const VALUES: Record<string, string> = {
  '--format': FORMATS.join(' '),
  '--status': PARTICIPANT_STATUSES.join(' '),
  '--kind': PARTICIPANT_KINDS.join(' '),
  '--sort': 'name signed_on consent_on',
  '--group': 'African Asia-Pacific Eastern-European GRULAC WEOG eu_member coe_member un_member',
  '--treaty': '@treaties',
};

interface Spec {
  name: string;
  options: { long: string; takesValue: boolean }[];
}

function specs(program: Command): { globals: Spec['options']; commands: Spec[] } {
  const optionsOf = (cmd: Command) =>
    cmd.options.filter((o) => o.long).map((o) => ({ long: o.long!, takesValue: o.required || o.optional }));
  const commands = program.commands
    .filter((c) => !c.name().startsWith('__'))
    .map((c) => ({ name: c.name(), options: [...optionsOf(c), { long: '--help', takesValue: false }] }));
  return { globals: optionsOf(program), commands };
}

export function completionScript(shell: string, program: Command): string {
  const s = specs(program);
  switch (shell) {
    case 'bash':
      return bash(s);
    case 'zsh':
      return `#compdef treaty\n# zsh completion for treaty: the bash function, through zsh's bashcompinit.\nautoload -U +X bashcompinit && bashcompinit\n${bash(s)}`;
    case 'fish':
      return fish(s);
    default:
      throw new UsageError(`completion: expected one of ${SHELLS.join(', ')}, got "${shell}"`);
  }
}

function valueWords(long: string): string {
  const v = VALUES[long];
  if (v === '@treaties') return '$(treaty __complete treaties 2>/dev/null)';
  return v ?? '';
}

// Names hold spaces and apostrophes, which compgen -W would split or choke on: match by hand.
const HISTORY_NAMES = [
  '    local want="${cur//\\\\/}" name',
  '    case "$want" in \\"*|\\\'*) want="${want:1}" ;; esac',
  '    COMPREPLY=()',
  '    while IFS= read -r name; do',
  '      [[ "$name" == "$want"* ]] && COMPREPLY+=("$(printf \'%q\' "$name")")',
  '    done < <(treaty __complete participants 2>/dev/null)',
  '',
].join('\n');

function bash({ globals, commands }: ReturnType<typeof specs>): string {
  const withValue = [...new Set([...globals, ...commands.flatMap((c) => c.options)].filter((o) => o.takesValue).map((o) => o.long))];
  const valueCases = withValue
    .map((long) => {
      if (long === '--db') return `    --db) COMPREPLY=($(compgen -f -- "$cur")); return ;;`;
      const words = valueWords(long);
      return words ? `    ${long}) COMPREPLY=($(compgen -W "${words}" -- "$cur")); return ;;` : `    ${long}) return ;;`;
    })
    .join('\n');
  const commandCases = commands
    .map((c) => `    ${c.name}) opts="${c.options.map((o) => o.long).join(' ')} ${globals.map((o) => o.long).join(' ')}" ;;`)
    .join('\n');
  return `# bash completion for treaty
_treaty() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" cmd="" i opts
  case "$prev" in
${valueCases}
  esac
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      ${withValue.join('|')}) ((i++)) ;;
      -*) ;;
      *) cmd="\${COMP_WORDS[i]}"; break ;;
    esac
  done
  case "$cmd" in
    "") opts="${globals.map((o) => o.long).join(' ')} --help" ;;
${commandCases}
  esac
  if [[ -z "$cmd" && "$cur" != -* ]]; then
    COMPREPLY=($(compgen -W "${commands.map((c) => c.name).join(' ')}" -- "$cur"))
  elif [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  elif [[ "$cmd" == history ]]; then
${HISTORY_NAMES}  elif [[ "$cmd" == completion ]]; then
    COMPREPLY=($(compgen -W "${SHELLS.join(' ')}" -- "$cur"))
  fi
}
complete -F _treaty treaty
`;
}

function fish({ globals, commands }: ReturnType<typeof specs>): string {
  const names = commands.map((c) => c.name).join(' ');
  const line = (condition: string, o: { long: string; takesValue: boolean }) => {
    const flag = o.long.slice(2);
    if (!o.takesValue) return `complete -c treaty ${condition} -l ${flag}`;
    if (o.long === '--db') return `complete -c treaty ${condition} -l ${flag} -r -F`;
    const words = VALUES[o.long] === '@treaties' ? '(treaty __complete treaties 2>/dev/null)' : (VALUES[o.long] ?? '');
    return `complete -c treaty ${condition} -l ${flag} -x${words ? ` -a "${words}"` : ''}`;
  };
  return [
    '# fish completion for treaty',
    'complete -c treaty -f',
    `complete -c treaty -n "not __fish_seen_subcommand_from ${names}" -a "${names}"`,
    ...globals.map((o) => line('', o)),
    ...commands.flatMap((c) => c.options.map((o) => line(`-n "__fish_seen_subcommand_from ${c.name}"`, o))),
    'complete -c treaty -n "__fish_seen_subcommand_from history" -a "(treaty __complete participants 2>/dev/null)"',
    `complete -c treaty -n "__fish_seen_subcommand_from completion" -a "${SHELLS.join(' ')}"`,
    '',
  ].join('\n');
}

/** One word per line for the shell: treaty ids and aliases, or participant names. */
export async function completionWords(ctx: Ctx, what: string, db: string | undefined): Promise<string> {
  if (what !== 'treaties' && what !== 'participants') throw new UsageError(`__complete: expected treaties or participants, got "${what}"`);
  return ctx.withStore(db, 'read', (store) => {
    const words =
      what === 'treaties'
        ? store.treaties().flatMap((t) => [t.id, ...t.aliases])
        : [...store.participants().values()].map((p) => p.name).sort(compareNames);
    return words.length ? `${words.join('\n')}\n` : '';
  });
}
