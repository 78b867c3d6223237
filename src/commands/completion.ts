// treaty completion bash|zsh|fish: scripts generated from the command specs, so they never fall
// behind them. Treaty ids and participant names come from the database at completion time, through
// the hidden `treaty __complete`; the scripts treat them as data (never as shell words to expand:
// a name like "$(rm -rf ~)" is offered as that text), and completing never creates or upgrades a
// database.
import { closeSync, openSync, readSync } from 'node:fs';
import type { Ctx } from '../context.js';
import { compareNames } from '../domain/nearest.js';
import { UsageError } from '../errors.js';
import { allOptions, GLOBAL_OPTIONS, longName, type AnySpec, type OptionSpec } from '../options-spec.js';
import { SCHEMA_VERSION } from '../store/migrations.js';
import { SHELLS } from './completion.spec.js';

/** What to offer: fixed words, files, or names read from the database. */
type Offer = { words: readonly string[] } | { from: 'file' | 'treaties' | 'participants' } | undefined;

interface Shape {
  name: string;
  summary: string;
  options: { long: string; help: string; takesValue: boolean; offer: Offer }[];
  /** What each positional argument takes; the last one repeats when `variadic`. */
  positions: Offer[];
  variadic: boolean;
}

function offerOf(value: OptionSpec<unknown>['value']): Offer {
  if (!value) return undefined;
  if (value.choices) return { words: value.choices };
  return value.complete === 'none' ? undefined : { from: value.complete };
}

function shapes(specs: readonly AnySpec[]): Shape[] {
  return specs
    .filter((s) => !s.hidden)
    .map((s) => {
      const args = Object.values(s.args) as { value: OptionSpec<unknown>['value']; variadic: boolean }[];
      return {
        name: s.name,
        summary: s.summary,
        options: [
          ...allOptions(s).map(([key, o]) => ({ long: longName(key, o), help: o.help, takesValue: o.value !== undefined, offer: offerOf(o.value) })),
          { long: '--help', help: 'show help', takesValue: false, offer: undefined },
        ],
        positions: args.map((a) => offerOf(a.value)),
        variadic: args.some((a) => a.variadic),
      };
    });
}

export function completionScript(shell: string, specs: readonly AnySpec[]): string {
  const s = shapes(specs);
  switch (shell) {
    case 'bash':
      return bash(s);
    case 'zsh':
      return `#compdef treaty\n# zsh completion for treaty: the bash function, through zsh's bashcompinit.\nautoload -U +X bashcompinit && bashcompinit\n${bash(s)}`;
    case 'fish':
      return fish(s);
    default:
      throw new UsageError(`completion <shell>: expected one of ${SHELLS.join(', ')}, got "${shell}"`);
  }
}

// Our own words only (commands, options, choices): checked so that no generated line needs quoting.
// The bash script avoids what zsh's bashcompinit lacks (mapfile, extended patterns).
const SAFE = /^[A-Za-z0-9_.:@+-]+$/;
function words(list: readonly string[]): string {
  for (const w of list) if (!SAFE.test(w)) throw new Error(`completion: "${w}" would need quoting`);
  return list.join(' ');
}

function bashOffer(offer: Offer): string {
  if (offer === undefined) return 'return 0';
  if ('words' in offer) return `_treaty_fixed ${words(offer.words)}`;
  return offer.from === 'file' ? '_treaty_files' : `_treaty_names ${offer.from}`;
}

const groupsOf = (s: readonly Shape[]) => [...new Set(s.filter((c) => c.name.includes(' ')).map((c) => c.name.split(' ')[0]!))];

function bash(s: readonly Shape[]): string {
  const global = Object.entries(GLOBAL_OPTIONS).map(([key, o]) => ({ long: longName(key, o), takesValue: o.value !== undefined, offer: offerOf(o.value) }));
  const valued = [...new Set(s.flatMap((c) => c.options.filter((o) => o.takesValue).map((o) => o.long)))];
  const groups = groupsOf(s);
  const top = [...new Set(s.map((c) => c.name.split(' ')[0]!))];
  const valueCases = s.flatMap((c) => c.options.filter((o) => o.takesValue).map((o) => `    "${c.name}|${o.long}") ${bashOffer(o.offer)}; return 0 ;;`));
  const globalValueCases = global.filter((o) => o.takesValue).map((o) => `    "|${o.long}") ${bashOffer(o.offer)}; return 0 ;;`);
  const positionCases = s.map((c) => {
    const at = c.positions.map((p, i) => `${c.variadic && i === c.positions.length - 1 ? `${i}|*` : i}) ${bashOffer(p)} ;;`);
    return `    "${c.name}") case "$n" in ${at.join(' ')} esac ;;`;
  });
  return `# bash completion for treaty, generated from its command specs (treaty completion bash).
# Words read from the database are compared and quoted as data, never expanded by the shell.
_treaty_fixed() {
  local w
  COMPREPLY=()
  for w in "$@"; do [[ "$w" == "$cur"* ]] && COMPREPLY+=("$w"); done
}
_treaty_files() {
  local f
  compopt -o filenames 2>/dev/null
  COMPREPLY=()
  while IFS= read -r f; do COMPREPLY+=("$f"); done < <(compgen -f -- "$cur")
}
_treaty_names() {
  local want="\${cur//\\\\/}" word
  case "$want" in \\"*|\\'*) want="\${want:1}" ;; esac
  COMPREPLY=()
  while IFS= read -r word; do
    [[ "$word" == "$want"* ]] && COMPREPLY+=("$(printf '%q' "$word")")
  done < <(if [[ -n "$db" ]]; then treaty __complete "$1" --db "$db"; else treaty __complete "$1"; fi 2>/dev/null)
}
_treaty() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" cmd="" db="" word i n=0
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    case "$word" in
      --db) db="\${COMP_WORDS[i+1]}"; ((i++)); continue ;;
      ${valued.filter((v) => v !== '--db').join('|')}) ((i++)); continue ;;
      -*) continue ;;
    esac
    if [[ -z "$cmd" ]]; then cmd="$word"; continue; fi
    case "$cmd" in
      ${groups.join('|') || '-'}) cmd="$cmd $word" ;;
      *) n=$((n + 1)) ;;
    esac
  done
  case "$cmd|$prev" in
${valueCases.join('\n')}
  esac
  case "|$prev" in
${globalValueCases.join('\n')}
  esac
  if [[ "$cur" == -* ]]; then
    case "$cmd" in
${s.map((c) => `      "${c.name}") _treaty_fixed ${words(c.options.map((o) => o.long))} ;;`).join('\n')}
      *) _treaty_fixed ${words([...global.map((o) => o.long), '--help', '--version'])} ;;
    esac
    return 0
  fi
  case "$cmd" in
    "") _treaty_fixed ${words(top)} ;;
${groups.map((g) => `    "${g}") _treaty_fixed ${words(s.filter((c) => c.name.startsWith(`${g} `)).map((c) => c.name.slice(g.length + 1)))} ;;`).join('\n')}
${positionCases.join('\n')}
  esac
  return 0
}
complete -F _treaty treaty
`;
}

function fishOffer(offer: Offer): string {
  if (offer === undefined) return '';
  if ('words' in offer) return ` -a "${words(offer.words)}"`;
  return offer.from === 'file' ? ' -F' : ` -a "(__treaty_names ${offer.from})"`;
}

// Descriptions are ours; fish reads them inside single quotes.
const fishText = (t: string) => `'${t.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function fish(s: readonly Shape[]): string {
  const valued = [...new Set(s.flatMap((c) => c.options.filter((o) => o.takesValue).map((o) => o.long)))];
  const groups = groupsOf(s);
  const top = [...new Set(s.map((c) => c.name.split(' ')[0]!))];
  const lines = [
    '# fish completion for treaty, generated from its command specs (treaty completion fish).',
    '# The command and its positional words so far, as "name|count" (db path|0).',
    'function __treaty_where',
    '    set -l words (commandline -opc)',
    '    set -e words[1]',
    "    set -l cmd ''",
    '    set -l n 0',
    '    set -l skip 0',
    '    for w in $words',
    '        if test $skip = 1',
    '            set skip 0',
    '            continue',
    '        end',
    '        switch $w',
    `            case ${valued.join(' ')}`,
    '                set skip 1',
    "            case '-*'",
    "            case '*'",
    '                if test -z "$cmd"',
    '                    set cmd $w',
    `                else if contains -- $cmd ${groups.join(' ') || '-'}`,
    '                    set cmd "$cmd $w"',
    '                else',
    '                    set n (math $n + 1)',
    '                end',
    '        end',
    '    end',
    '    echo "$cmd|$n"',
    'end',
    '# Names from the database, printed one a line: fish offers each line as it is, unexpanded.',
    'function __treaty_names -a what',
    '    set -l words (commandline -opc)',
    '    set -l i (contains -i -- --db $words)',
    '    if test -n "$i"; and test (count $words) -gt $i',
    '        treaty __complete $what --db $words[(math $i + 1)] 2>/dev/null',
    '    else',
    '        treaty __complete $what 2>/dev/null',
    '    end',
    'end',
    'complete -c treaty -f',
    ...top.map((name) => {
      const c = s.find((x) => x.name === name || x.name.startsWith(`${name} `))!;
      return `complete -c treaty -n 'string match -q "|*" (__treaty_where)' -a ${name} -d ${fishText(c.name === name ? c.summary : `the database file: ${s.filter((x) => x.name.startsWith(`${name} `)).map((x) => x.name.slice(name.length + 1)).join(', ')}`)}`;
    }),
    ...groups.flatMap((g) => s.filter((c) => c.name.startsWith(`${g} `)).map((c) => `complete -c treaty -n 'string match -q "${g}|*" (__treaty_where)' -a ${c.name.slice(g.length + 1)} -d ${fishText(c.summary)}`)),
    ...s.flatMap((c) => [
      ...c.options.map((o) => `complete -c treaty -n 'string match -q "${c.name}|*" (__treaty_where)' -l ${o.long.slice(2)}${o.takesValue ? ' -r' : ''}${fishOffer(o.offer)} -d ${fishText(o.help)}`),
      ...c.positions.map((p, i) => {
        if (p === undefined) return '';
        const at = c.variadic && i === c.positions.length - 1 ? `${c.name}|*` : `${c.name}|${i}`;
        return `complete -c treaty -n 'string match -q "${at}" (__treaty_where)'${fishOffer(p)}`;
      }),
    ]),
    '',
  ];
  return lines.filter((l, i) => l !== '' || i === lines.length - 1).join('\n');
}

/** A database this schema reads as it is: neither missing, nor to be created, nor to be upgraded. */
function readableAsIs(path: string): boolean {
  const header = Buffer.alloc(100);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    if (readSync(fd, header, 0, 100, 0) < 100) return false;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  // SQLite's file header keeps PRAGMA user_version at byte 60, big-endian.
  return header.toString('latin1', 0, 16) === 'SQLite format 3\0' && header.readUInt32BE(60) === SCHEMA_VERSION;
}

/** One word per line for the shell: treaty ids and aliases, or participant names; none without a database. */
export async function completionWords(ctx: Ctx, what: 'treaties' | 'participants', db: string | undefined): Promise<string> {
  if (!readableAsIs(ctx.dbPath(db))) return '';
  return ctx.withStore(db, 'read', (store) => {
    const found =
      what === 'treaties'
        ? store.treaties().flatMap((t) => [t.id, ...t.aliases])
        : [...store.participants().values()].map((p) => p.name).sort(compareNames);
    // A line break inside a value would make two words of it.
    const list = found.filter((w) => !/[\n\r]/.test(w));
    return list.length ? `${list.join('\n')}\n` : '';
  });
}
