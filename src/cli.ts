// The only file that knows commander: it declares the command line, runs one command, renders its
// result, and turns every error into a line on stderr and an exit code (0 done, 1 failed, 2 usage).
import { Command, CommanderError, Option } from 'commander';
import { isatty } from 'node:tty';
import { createContext } from './context.js';
import { FORMATS, PARTICIPANT_KINDS, PARTICIPANT_STATUSES } from './domain/vocabulary.js';
import { UserError } from './errors.js';
import type { Result } from './formats/result.js';
import { DEFAULT_TREATY, parseAsOf, parseDbPath, parseFormat, parseTreatyRef, type FormatFlags, type GlobalFlags } from './options.js';
import { collectList } from './options-lists.js';
import { parseColumns } from './formats/columns.js';
import { colorLevel } from './ui/color.js';
import { fdSink, type Sink } from './ui/sink.js';

declare const __TREATY_VERSION__: string | undefined;
const VERSION = typeof __TREATY_VERSION__ === 'string' ? __TREATY_VERSION__ : '0.0.0-dev';

const EXAMPLES = `
Examples:
  $ treaty status                                  where the UN Convention against Cybercrime stands today
  $ treaty status --json | jq .counted             the same, for scripts
  $ treaty status --as-of 2025-10-26               as it stood after the Hanoi signing ceremony
  $ treaty participants --status signed            who has signed but not ratified
  $ treaty participants --all --status none --group African
                                                   which African States have not signed
  $ treaty history "Viet Nam"                      what Viet Nam did, and when
  $ treaty participants --csv > participants.csv   for a spreadsheet
  $ treaty export --json | jq '.[0]'               the actions themselves, with their sources
  $ treaty status --treaty budapest --as-of 2004-06-30
                                                   the Budapest Convention the day before it entered into force
  $ treaty treaties                                every treaty in the database
  $ treaty compare hanoi budapest                  who stands where in each

The database is --db, else $TREATY_DB, else ~/.local/share/treaty/treaty.db ($XDG_DATA_HOME is honoured);
it is created from the bundled data on first use.
Exit codes: 0 done, 1 the command could not be carried out, 2 the command line is wrong.`;

export interface Io {
  out: Sink;
  err: Sink;
  isTTY: boolean;
  /** The terminal's width, when stdout is one. */
  columns: number | undefined;
  env: NodeJS.ProcessEnv;
}

type ListFlags = GlobalFlags & FormatFlags & { columns?: string };

function addFormatOptions(cmd: Command, withColumns = true): Command {
  cmd
    .addOption(new Option('--format <format>', `output format: ${FORMATS.join(', ')} (default: table)`))
    .option('--json', 'shortcut for --format json')
    .option('--csv', 'shortcut for --format csv');
  return withColumns ? cmd.option('--columns <list>', 'only these columns, in this order (comma-separated)') : cmd;
}

export function buildProgram(io: Io): Command {
  const ctx = createContext(io.env);
  const program = new Command('treaty')
    .description('Track multilateral treaties on their way to entry into force.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--db <path>', 'database file')
    .option('--treaty <id>', `treaty id or alias (default: ${DEFAULT_TREATY}, the UN Convention against Cybercrime)`)
    .option('--as-of <date>', 'evaluate as of this date, YYYY-MM-DD (default: today)')
    .option('--no-color', 'no colour, even on a terminal')
    .addHelpText('after', EXAMPLES)
    .configureHelp({ showGlobalOptions: true })
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out.write(s), writeErr: (s) => io.err.write(s) })
    .showHelpAfterError('(run "treaty --help" for usage)');

  const globals = (flags: GlobalFlags) => ({ db: parseDbPath(flags.db), treaty: parseTreatyRef(flags.treaty), asOf: parseAsOf(flags.asOf) });

  /** Checks the output format before the command runs (bad flags change nothing), then prints its result. */
  const respond = async (flags: GlobalFlags & FormatFlags, produce: () => Promise<Result>) => {
    parseFormat(flags);
    await emit(await produce(), flags);
  };

  const emit = async (result: Result, flags: GlobalFlags & FormatFlags) => {
    const format = parseFormat(flags);
    const { render } = await import('./formats/render.js');
    const { styleFor } = await import('./ui/style.js');
    const style = await styleFor(format === 'table' ? colorLevel(io.isTTY, io.env, flags.color) : 0);
    render(result, format, io.out, style, io.columns);
    if (result.kind === 'list' && result.notice && (format === 'table' || result.noticeAlways) && !io.out.closed) io.err.write(`${style.dim(result.notice)}\n`);
  };

  addFormatOptions(
    program
      .command('status')
      .description('where the treaty stands: signatories, instruments, threshold, entry into force, signature window')
      .addHelpText('after', '\nThe table is for people. --json prints the status object (snake_case keys, ISO dates); --csv one row with a header.'),
    false,
  ).action(async (_flags, cmd: Command) => {
    const flags = cmd.optsWithGlobals<GlobalFlags & FormatFlags>();
    const options = globals(flags);
    const { status } = await import('./commands/status.js');
    await respond(flags, () => status(ctx, options));
  });

  addFormatOptions(
    program
      .command('participants')
      .description('who signed, who consented, and when; with --all, who has done nothing')
      .option('--status <list>', `only these statuses: ${PARTICIPANT_STATUSES.join(', ')} (comma-separated or repeated)`, collectList)
      .option('--group <name>', 'only this UN regional group (African, Asia-Pacific, Eastern European, GRULAC, WEOG) or membership (eu_member, coe_member); repeatable', collectList)
      .option('--kind <list>', `only these kinds: ${PARTICIPANT_KINDS.join(', ')}`, collectList)
      .option('--all', 'also list participants that have taken no action (status none)')
      .option('--sort <key>', 'sort by name, signed_on or consent_on (default: name)')
      .addHelpText('after', '\nColumns: code, name, kind, un_group, signed_on, consent_on, consent_type, in_force_on, status.'),
  ).action(async (_flags, cmd: Command) => {
    const flags = cmd.optsWithGlobals<ListFlags & { status?: string[]; group?: string[]; kind?: string[]; all?: boolean; sort?: string }>();
    const { participants, PARTICIPANT_COLUMNS, PARTICIPANT_SORTS } = await import('./commands/participants.js');
    const { parseChoices, parseGroups } = await import('./options-lists.js');
    const { parseSort } = await import('./options.js');
    const options = {
      ...globals(flags),
      sort: parseSort(flags.sort, PARTICIPANT_SORTS),
      statuses: parseChoices('--status', flags.status, PARTICIPANT_STATUSES),
      groups: parseGroups(flags.group),
      kinds: parseChoices('--kind', flags.kind, PARTICIPANT_KINDS),
      all: flags.all === true,
      columns: parseColumns(flags.columns, PARTICIPANT_COLUMNS),
    };
    await respond(flags, () => participants(ctx, options));
  });

  addFormatOptions(
    program
      .command('history')
      .description("one or more participants' actions, in date order, with references and sources")
      .argument('<participant...>', 'ISO code (VN, VNM), name ("Viet Nam") or common name ("Vietnam")')
      .addHelpText('after', '\nAcross every treaty unless --treaty is given. Columns: code, name, treaty, date, action, reference, source, note, status, in_force_on.'),
  ).action(async (names: string[], _flags, cmd: Command) => {
    const flags = cmd.optsWithGlobals<ListFlags>();
    const { history, HISTORY_COLUMNS } = await import('./commands/history.js');
    const base = globals(flags);
    const options = { ...base, treaty: flags.treaty === undefined ? undefined : base.treaty, participants: names, columns: parseColumns(flags.columns, HISTORY_COLUMNS) };
    await respond(flags, () => history(ctx, options));
  });

  addFormatOptions(
    program
      .command('export')
      .description('the actions themselves (treaty, code, action, date, reference, source, note), as treaty import reads them')
      .option('--all-treaties', 'every treaty in the database, not only --treaty'),
  ).action(async (_flags, cmd: Command) => {
    const flags = cmd.optsWithGlobals<ListFlags & { allTreaties?: boolean }>();
    const { exportActions, EXPORT_COLUMNS } = await import('./commands/export.js');
    const options = { ...globals(flags), allTreaties: flags.allTreaties === true, columns: parseColumns(flags.columns, EXPORT_COLUMNS) };
    await respond(flags, () => exportActions(ctx, options));
  });

  addFormatOptions(
    program
      .command('treaties')
      .description('the treaties in the database: threshold, counted instruments, entry into force, data date')
      .addHelpText('after', '\nColumns: id, short_title, aliases, threshold, signatories, consents, counted, remaining, state, entry_into_force, data_as_of.'),
  ).action(async (_flags, cmd: Command) => {
    const flags = cmd.optsWithGlobals<ListFlags>();
    const { treaties, TREATIES_COLUMNS } = await import('./commands/treaties.js');
    const options = { db: parseDbPath(flags.db), asOf: parseAsOf(flags.asOf), columns: parseColumns(flags.columns, TREATIES_COLUMNS) };
    await respond(flags, () => treaties(ctx, options));
  });

  addFormatOptions(
    program
      .command('compare')
      .description('participant by participant, the status in two treaties')
      .argument('<first>', 'a treaty id or alias, e.g. hanoi')
      .argument('<second>', 'another, e.g. budapest')
      .option('--first-status <list>', `only participants with these statuses in the first treaty (${PARTICIPANT_STATUSES.join(', ')})`, collectList)
      .option('--second-status <list>', 'only participants with these statuses in the second treaty', collectList)
      .option('--group <name>', 'only this UN regional group or membership; repeatable', collectList)
      .option('--kind <list>', `only these kinds: ${PARTICIPANT_KINDS.join(', ')}`, collectList)
      .option('--all', 'also list participants with no action in either treaty')
      .addHelpText('after', `
Columns: code, name, kind, un_group, then the status in each treaty and its date of entry into force for
the participant (<id>, <id>_in_force_on).

Examples:
  $ treaty compare hanoi budapest --first-status signed,consented,in_force --second-status none
                                   signed the Hanoi Convention, not party to Budapest
  $ treaty compare hanoi budapest --second-status in_force --first-status none
                                   party to Budapest, has not signed Hanoi`),
  ).action(async (first: string, second: string, _flags, cmd: Command) => {
    const flags = cmd.optsWithGlobals<ListFlags & { firstStatus?: string[]; secondStatus?: string[]; group?: string[]; kind?: string[]; all?: boolean }>();
    const { compare } = await import('./commands/compare.js');
    const { parseChoices, parseGroups } = await import('./options-lists.js');
    const options = {
      db: parseDbPath(flags.db),
      asOf: parseAsOf(flags.asOf),
      first: parseTreatyRef(first),
      second: parseTreatyRef(second),
      firstStatuses: parseChoices('--first-status', flags.firstStatus, PARTICIPANT_STATUSES),
      secondStatuses: parseChoices('--second-status', flags.secondStatus, PARTICIPANT_STATUSES),
      groups: parseGroups(flags.group),
      kinds: parseChoices('--kind', flags.kind, PARTICIPANT_KINDS),
      all: flags.all === true,
      columns: flags.columns,
    };
    await respond(flags, () => compare(ctx, options));
  });

  program
    .command('completion')
    .description('print a shell completion script: bash, zsh or fish')
    .argument('<shell>', 'bash, zsh or fish')
    .addHelpText('after', '\nInstall: treaty completion bash > ~/.local/share/bash-completion/completions/treaty\n         treaty completion zsh > "${fpath[1]}/_treaty"\n         treaty completion fish > ~/.config/fish/completions/treaty.fish')
    .action(async (shell: string) => {
      const { completionScript } = await import('./commands/completion.js');
      io.out.write(completionScript(shell, program));
    });

  program
    .command('__complete', { hidden: true })
    .argument('<what>', 'treaties or participants')
    .action(async (what: string, _flags, cmd: Command) => {
      const flags = cmd.optsWithGlobals<GlobalFlags>();
      const { completionWords } = await import('./commands/completion.js');
      io.out.write(await completionWords(ctx, what, parseDbPath(flags.db)));
    });

  return program;
}

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  try {
    await buildProgram(io).parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    return report(e, io);
  }
}

function report(e: unknown, io: Io): number {
  if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2; // commander has printed it; --help and --version are 0
  if (e instanceof UserError) {
    io.err.write(`error: ${e.message}\n${e.hint ? `hint: ${e.hint}\n` : ''}`);
    return e.exitCode;
  }
  const err = e as Error & { code?: unknown };
  if (io.env.TREATY_DEBUG === '1') {
    io.err.write(`${err.stack ?? String(e)}\n`);
  } else if (typeof err.code === 'string' && err.code.startsWith('SQLITE_')) {
    io.err.write(`error: database problem: ${err.message}\nhint: the file may be damaged; point --db or TREATY_DB at another file, or move this one away\n`);
  } else {
    io.err.write(`internal error: ${err.message ?? String(e)}\n(set TREATY_DEBUG=1 for details)\n`);
  }
  return 1;
}

function defaultIo(): Io {
  // isatty, not process.stdout: creating that stream would make a piped stdout non-blocking.
  const isTTY = isatty(1);
  return { out: fdSink(1), err: fdSink(2), isTTY, columns: isTTY ? process.stdout.columns : undefined, env: process.env };
}
