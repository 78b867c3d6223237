// Commander, declared from the specs: it renders --help and --version, reads the command lines the
// fast parser leaves to it, and words their mistakes. Loaded only then, so a command that runs never
// pays for it. Values are not checked here: they reach the same finishValues as the fast path's.
import { visibleText } from './formats/visible-text.js';
import { fitHelpText } from './ui/help-text.js';
import { Command, CommanderError, Help, Option } from 'commander';
import type { Io } from './io.js';
import type { RawCommandLine } from './options-argv.js';
import { allOptions, argName, GLOBAL_OPTIONS, longName, type AnySpec, type OptionSpec } from './options-spec.js';

export interface Program {
  specs: readonly AnySpec[];
  /** Group commands (`db`) and what they hold. */
  groups: Readonly<Record<string, string>>;
  version: string;
  /** Shown under the top-level help. */
  epilogue: string;
}

/** What the help says about an option: its words, its choices. */
export function optionHelp(opt: OptionSpec<unknown>): string {
  const choices = opt.value?.choices ? `: ${opt.value.choices.join(', ')}` : '';
  const many = opt.many === 'list' ? ' (comma-separated or repeated)' : opt.many === 'repeat' ? ' (repeatable)' : '';
  return `${opt.help}${choices}${many}`;
}

export function examplesText(spec: AnySpec, columns: readonly string[] | undefined): string {
  const lines = spec.examples.map(([line, what]) => (line.length <= 44 ? `  $ ${line.padEnd(44)} ${what}` : `  $ ${line}\n      ${what}`));
  const notes = [columns ? `Columns: ${columns.join(', ')}.` : '', spec.notes ?? ''].filter(Boolean).join('\n');
  return `\nExamples:\n${lines.join('\n')}${notes ? `\n\n${notes}` : ''}`;
}

/** The column lists of list commands, loaded with their command modules: only when help shows them. */
export async function columnsOf(specs: readonly AnySpec[]): Promise<Map<string, readonly string[]>> {
  const found = new Map<string, readonly string[]>();
  for (const spec of specs) if (spec.columns) found.set(spec.name, await spec.columns());
  return found;
}

function declare(cmd: Command, key: string, opt: OptionSpec<unknown>): void {
  const long = longName(key, opt);
  const o = new Option(opt.value ? `${long} ${opt.placeholder ?? '<value>'}` : long, optionHelp(opt));
  // Every raw value is kept, in order: finishValues decides what repeating means.
  if (opt.value) o.argParser((v: string, prev: unknown) => [...(Array.isArray(prev) ? (prev as string[]) : []), v]);
  if (opt.required) o.makeOptionMandatory();
  cmd.addOption(o);
}

function build(p: Program, only: string | undefined, io: Io, run: (raw: RawCommandLine) => Promise<void>, columns: ReadonlyMap<string, readonly string[]>): Command {
  // On a terminal, examples and notes are fitted to its width as commander fits its own part; piped,
  // they stay as written (commander's part then takes 80 columns).
  const helpWidth = io.columns ?? 80;
  const fit = (text: string) => (io.columns === undefined ? text : fitHelpText(text, io.columns));
  const program = new Command('treaty')
    .description('Track multilateral treaties on their way to entry into force.')
    .version(p.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .configureHelp({
      showGlobalOptions: true,
      // Every command has options: "[options]" in the list of commands only widened its first column
      // (to 48, which left commander too little room to wrap the summaries at 80 columns).
      subcommandTerm(this: Help, cmd: Command) {
        return Help.prototype.subcommandTerm.call(this, cmd).replace(' [options]', '');
      },
      minWidthToWrap: 20,
    })
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out.write(s), writeErr: (s) => io.err.write(visibleText(s)), getOutHelpWidth: () => helpWidth, getErrHelpWidth: () => 80 })
    .showHelpAfterError('(run "treaty --help" for usage)')
    .addHelpText('after', () => fit(p.epilogue));
  for (const [key, opt] of Object.entries(GLOBAL_OPTIONS)) declare(program, key, opt);
  const groups = new Map<string, Command>();
  for (const spec of p.specs) {
    const [first, second] = spec.name.split(' ') as [string, string | undefined];
    if (only !== undefined && only !== first) continue;
    let parent = program;
    if (second !== undefined) {
      parent = groups.get(first) ?? program.command(first).description(p.groups[first] ?? '');
      groups.set(first, parent);
    }
    const cmd = parent.command(second ?? first, { hidden: spec.hidden === true }).description(spec.summary).addHelpText('after', () => fit(examplesText(spec, columns.get(spec.name))));
    for (const [key, a] of Object.entries(spec.args) as [string, AnySpec['args'][string]][]) {
      const name = `${argName(key)}${a.variadic ? '...' : ''}`;
      cmd.argument(a.optional ? `[${name}]` : `<${name}>`, a.help);
    }
    for (const [key, opt] of Object.entries(spec.options) as [string, OptionSpec<unknown>][]) declare(cmd, key, opt);
    cmd.action(async (...given: unknown[]) => {
      const self = given[given.length - 1] as Command;
      const values = self.optsWithGlobals();
      const options: Record<string, string[]> = {};
      for (const [key, opt] of allOptions(spec)) {
        const v: unknown = values[key];
        if (opt.negated ? v === false : opt.value ? Array.isArray(v) : v === true) options[key] = Array.isArray(v) ? (v as string[]) : [];
      }
      const positional = given.slice(0, Object.keys(spec.args).length).flatMap((v) => (v === undefined ? [] : Array.isArray(v) ? (v as string[]) : [v as string]));
      await run({ spec, options, args: positional });
    });
  }
  return program;
}

/** The command a command line names, when it names a known one before anything else. */
function named(argv: readonly string[], p: Program): string | undefined {
  const withValue = new Set(Object.entries(GLOBAL_OPTIONS).filter(([, o]) => o.value).map(([k, o]) => longName(k, o)));
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (withValue.has(word)) i += 1;
    else if (word.startsWith('-')) continue;
    else return p.specs.some((s) => s.name === word || s.name.startsWith(`${word} `)) ? word : undefined;
  }
  return undefined;
}

/**
 * Reads the command line with commander and runs the command it names. Returns the exit code of a
 * command line commander refused or answered itself (help, version), or undefined after a run.
 */
export async function commanderRun(argv: readonly string[], p: Program, io: Io, run: (raw: RawCommandLine) => Promise<void>): Promise<number | undefined> {
  // Only the command named is declared (the others cost start-up); all of them for top-level help
  // and "did you mean", when the command line names none.
  const only = named(argv, p);
  const declared = p.specs.filter((s) => only === undefined || s.name.split(' ')[0] === only);
  // A command's help lists its columns; the top-level help (`treaty --help`) shows none, so it loads no command module.
  const help = argv.some((a) => a === '-h' || a === '--help' || a === 'help');
  const columns = help && (only !== undefined || argv.includes('help')) ? await columnsOf(declared) : new Map<string, readonly string[]>();
  try {
    await build(p, only, io, run, columns).parseAsync([...argv], { from: 'user' });
    return undefined;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2; // commander has printed it
    throw e;
  }
}
