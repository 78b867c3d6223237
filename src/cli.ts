// The only file that knows commander: it declares the command line, runs one command, renders its
// result, and turns every error into a line on stderr and an exit code (0 done, 1 failed, 2 usage).
import { Command, CommanderError, Option } from 'commander';
import { isatty } from 'node:tty';
import { createContext } from './context.js';
import { isIsoDate } from './domain/dates.js';
import { ACTIONS, FORMATS, PARTICIPANT_KINDS, PARTICIPANT_STATUSES } from './domain/vocabulary.js';
import { UsageError, UserError } from './errors.js';
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
  $ treaty what-if --deposit "Qatar:2026-12-15"    the status if Qatar deposited then
  $ treaty pace hanoi budapest                     is it moving faster than Budapest did?
  $ treaty changes --since-last --json             for cron: exit 3 when nothing changed
  $ treaty calendar > hanoi.ics                    entry-into-force dates for a calendar
  $ treaty explain                                 the rule and the arithmetic of the date

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

export function buildProgram(io: Io, argv: readonly string[] = [], state: { exitCode: number } = { exitCode: 0 }): Command {
  // What the change log records as the command that wrote: the command line, as typed.
  const commandLine = ['treaty', ...argv].map((a) => (/^[\w.,:\/@=+-]+$/.test(a) ? a : JSON.stringify(a))).join(' ');
  const ctx = createContext(io.env);
  // Only the command being run is declared (commander's set-up of every command costs start-up);
  // all of them when the command line names none, for help and "did you mean".
  // The completion script describes every command, so it needs them all.
  const named = commandName(argv);
  const only = named === 'completion' ? undefined : named;
  const wanted = (name: string) => only === undefined || only === name;
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
    if (result.kind === 'list' && result.exitCode !== undefined) state.exitCode = result.exitCode;
    // JSON carries the checks as objects; everyone else reads them here.
    if (result.kind === 'status' && format !== 'json' && format !== 'ndjson') for (const check of result.status.checks) io.err.write(`warning: ${check.message}\n`);
    try {
      render(result, format, io.out, style, io.columns);
    } finally {
      if (result.kind === 'stream') result.release();
    }
    if (result.kind === 'list' && result.notice && (format === 'table' || result.noticeAlways) && !io.out.closed) io.err.write(`${style.dim(result.notice)}\n`);
  };

  if (wanted('status')) {
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
  }

  if (wanted('participants')) {
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
  }

  if (wanted('history')) {
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
  }

  if (wanted('export')) {
    addFormatOptions(
      program
        .command('export')
        .description('the actions themselves (treaty, code, action, date, reference, source, note), as treaty import reads them')
        .option('--all-treaties', 'every treaty in the database, not only --treaty')
        .option('--table <rows>', 'actions (default), published (parties whose dates are unknown) or reports; import reads each back'),
    ).action(async (_flags, cmd: Command) => {
      const flags = cmd.optsWithGlobals<ListFlags & { allTreaties?: boolean; table?: string }>();
      const { exportActions, EXPORT_COLUMNS, EXPORT_TABLES } = await import('./commands/export.js');
      const { PUBLISHED_COLUMNS, REPORT_COLUMNS } = await import('./formats/fact-columns.js');
      if (flags.table !== undefined && !(EXPORT_TABLES as readonly string[]).includes(flags.table)) throw new UsageError(`--table: expected one of ${EXPORT_TABLES.join(', ')}, got "${flags.table}"`);
      const table = (flags.table ?? 'actions') as (typeof EXPORT_TABLES)[number];
      const all = table === 'published' ? PUBLISHED_COLUMNS : table === 'reports' ? REPORT_COLUMNS : EXPORT_COLUMNS;
      const options = { ...globals(flags), allTreaties: flags.allTreaties === true, columns: parseColumns(flags.columns, all), table };
      await respond(flags, () => exportActions(ctx, options));
    });
  }

  if (wanted('treaties')) {
    addFormatOptions(
      program
        .command('treaties')
        .description('the treaties in the database: threshold, counted instruments, entry into force, data date')
        .addHelpText('after', '\nColumns: id, short_title, aliases, threshold, signatories, consents, counted, remaining, state, entry_into_force, data_as_of, checks.'),
    ).action(async (_flags, cmd: Command) => {
      const flags = cmd.optsWithGlobals<ListFlags>();
      const { treaties, TREATIES_COLUMNS } = await import('./commands/treaties.js');
      const options = { db: parseDbPath(flags.db), asOf: parseAsOf(flags.asOf), columns: parseColumns(flags.columns, TREATIES_COLUMNS) };
      await respond(flags, () => treaties(ctx, options));
    });
  }

  if (wanted('compare')) {
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
  }

  const parseAction = (value: string) => {
    if (!(ACTIONS as readonly string[]).includes(value)) throw new UserError(`unknown action "${value}"`, `the actions are: ${ACTIONS.join(', ')}`);
    return value as (typeof ACTIONS)[number];
  };
  const parseDate = (value: string, what: string) => {
    if (!isIsoDate(value)) throw new UsageError(`${what}: expected a real date like 2025-10-25, got "${value}"`);
    return value;
  };

  if (wanted('record')) {
    addFormatOptions(
      program
        .command('record')
        .description('record one action: a signature, ratification, accession... with its source')
        .argument('<participant>', 'ISO code or name, e.g. "Viet Nam"')
        .argument('<action>', `one of: ${ACTIONS.join(', ')}`)
        .argument('<date>', 'the date of the action, YYYY-MM-DD')
        .requiredOption('--source <url>', 'where the fact comes from (required)')
        .option('--reference <ref>', "the depositary's reference, e.g. C.N.123.2026.TREATIES-XVIII.16")
        .option('--note <text>', 'a note')
        .option('--replace', 'replace a stored action of the same kind on another date')
        .option('--dry-run', 'say what would change, change nothing')
        .addHelpText('after', '\nExample:\n  $ treaty record "Viet Nam" ratification 2026-06-15 --source https://treaties.un.org/... --reference C.N.123.2026.TREATIES-XVIII.16'),
      false,
    ).action(async (who: string, action: string, date: string, _flags, cmd: Command) => {
      const flags = cmd.optsWithGlobals<GlobalFlags & FormatFlags & { source: string; reference?: string; note?: string; replace?: boolean; dryRun?: boolean }>();
      const { record } = await import('./commands/record.js');
      const { parseSource } = await import('./options-lists.js');
      const options = {
        ...globals(flags),
        participant: who,
        action: parseAction(action),
        date: parseDate(date, 'date'),
        source: parseSource(flags.source),
        reference: flags.reference?.trim() || null,
        note: flags.note?.trim() || null,
        replace: flags.replace === true,
        dryRun: flags.dryRun === true,
        command: commandLine,
      };
      await respond(flags, () => record(ctx, options));
    });
  }

  if (wanted('remove')) {
    addFormatOptions(
      program
        .command('remove')
        .description('remove one recorded action, by participant, action and date')
        .argument('<participant>', 'ISO code or name')
        .argument('<action>', 'the action, e.g. ratification')
        .argument('<date>', 'its date, YYYY-MM-DD')
        .option('--dry-run', 'say what would change, change nothing'),
      false,
    ).action(async (who: string, action: string, date: string, _flags, cmd: Command) => {
      const flags = cmd.optsWithGlobals<GlobalFlags & FormatFlags & { dryRun?: boolean }>();
      const { removeAction } = await import('./commands/remove.js');
      const options = { ...globals(flags), participant: who, action: parseAction(action), date: parseDate(date, 'date'), dryRun: flags.dryRun === true, command: commandLine };
      await respond(flags, () => removeAction(ctx, options));
    });
  }

  if (wanted('import')) {
    addFormatOptions(
      program
        .command('import')
        .description("import action rows (CSV, TSV, JSON, NDJSON as export writes them) or the depositary's XML status page")
        .argument('<file...>', 'files; all of them land in one transaction, or none does')
        .option('--input-format <format>', 'csv, tsv, json, ndjson or xml (default: from the extension or the content)')
        .option('--source <url>', "for an XML status page: where it comes from (default: the treaty's status page address)")
        .option('--replace', 'let a row replace a stored action of the same kind on another date')
        .option('--data-as-of <date>', 'the date the imported data is as of: sets the data date of each treaty it touches')
        .option('--dry-run', 'say what would be added, changed and left as it is; change nothing'),
      false,
    ).action(async (files: string[], _flags, cmd: Command) => {
      const flags = cmd.optsWithGlobals<GlobalFlags & FormatFlags & { inputFormat?: string; source?: string; replace?: boolean; dryRun?: boolean; dataAsOf?: string }>();
      const { importFiles } = await import('./commands/import.js');
      const { INPUT_FORMATS } = await import('./formats/read-actions.js');
      const { parseSource } = await import('./options-lists.js');
      if (flags.inputFormat !== undefined && !(INPUT_FORMATS as readonly string[]).includes(flags.inputFormat)) {
        throw new UsageError(`--input-format: expected one of ${INPUT_FORMATS.join(', ')}, got "${flags.inputFormat}"`);
      }
      const options = {
        db: parseDbPath(flags.db),
        files,
        format: flags.inputFormat as (typeof INPUT_FORMATS)[number] | undefined,
        source: flags.source === undefined ? undefined : parseSource(flags.source),
        replace: flags.replace === true,
        dryRun: flags.dryRun === true,
        command: commandLine,
        dataAsOf: flags.dataAsOf === undefined ? undefined : parseDate(flags.dataAsOf, '--data-as-of'),
      };
      await respond(flags, () => importFiles(ctx, options));
    });
  }

  if (wanted('changes')) {
    addFormatOptions(
      program
        .command('changes')
        .description('the change log: every write, with the row before and after')
        .option('--since <date>', 'only changes made on or after this date (UTC)')
        .option('--with-seed', 'also the rows written when the database was created')
        .option('--since-last', 'only changes since the previous --since-last call on this database (it remembers)')
        .addHelpText('after', `
Columns: id, at, command, entity, key, before, after. Undo one with: treaty undo <id>

Exit codes with --since or --since-last: 0 when there are changes, 3 when there are none, so that
  treaty sync && treaty changes --since-last --json | notify
runs notify only when something changed (1 and 2 mean errors, as for every command).`),
    ).action(async (_flags, cmd: Command) => {
      const flags = cmd.optsWithGlobals<ListFlags & { since?: string; withSeed?: boolean; sinceLast?: boolean }>();
      const { changes, CHANGE_COLUMNS } = await import('./commands/changes.js');
      const options = {
        db: parseDbPath(flags.db),
        since: flags.since === undefined ? undefined : parseDate(flags.since, '--since'),
        treaty: flags.treaty === undefined ? undefined : parseTreatyRef(flags.treaty),
        withSeed: flags.withSeed === true,
        sinceLast: flags.sinceLast === true,
        columns: parseColumns(flags.columns, CHANGE_COLUMNS),
      };
      await respond(flags, () => changes(ctx, options));
    });
  }

  if (wanted('undo')) {
    addFormatOptions(
      program
        .command('undo')
        .description('reverse one logged change to an action (see treaty changes)')
        .argument('<change-id>', 'the id shown by treaty changes')
        .option('--dry-run', 'say what would change, change nothing'),
      false,
    ).action(async (id: string, _flags, cmd: Command) => {
      const flags = cmd.optsWithGlobals<GlobalFlags & FormatFlags & { dryRun?: boolean }>();
      if (!/^\d+$/.test(id)) throw new UsageError(`undo: expected a change number, got "${id}"`);
      const { undo } = await import('./commands/changes.js');
      const options = { db: parseDbPath(flags.db), id: Number(id), dryRun: flags.dryRun === true, command: commandLine };
      await respond(flags, () => undo(ctx, options));
    });
  }

  if (wanted('sync')) {
    addFormatOptions(
      program
        .command('sync')
        .description("fetch each treaty's status page from the depositary (UN Treaty Collection XML) and import it")
        .option('--from <url-or-file>', 'read this address or file instead of the treaty definition\'s')
        .option('--timeout <seconds>', 'give up on a server after this long (default: 30)')
        .option('--dry-run', 'say what would change, change nothing')
        .addHelpText('after', `
  The only command that uses the network. Where a stored date differs from the depositary's, the
  depositary's wins and the row's note says what it replaced; rows the page confirms are kept as
  they are. Everything lands in one transaction, logged; treaty undo reverses any of it.`),
      false,
    ).action(async (_flags, cmd: Command) => {
      const flags = cmd.optsWithGlobals<GlobalFlags & FormatFlags & { from?: string; timeout?: string; dryRun?: boolean }>();
      const { sync } = await import('./commands/sync.js');
      if (flags.timeout !== undefined && !/^\d+(\.\d+)?$/.test(flags.timeout)) throw new UsageError(`--timeout: expected a number of seconds, got "${flags.timeout}"`);
      const options = {
        db: parseDbPath(flags.db),
        treaty: flags.treaty === undefined ? undefined : parseTreatyRef(flags.treaty),
        from: flags.from,
        timeoutSeconds: flags.timeout === undefined ? 30 : Number(flags.timeout),
        dryRun: flags.dryRun === true,
        command: commandLine,
      };
      await respond(flags, () => sync(ctx, options));
    });
  }

  if (wanted('db')) {
    const db = program.command('db').description('the database file: path, check, backup, update');
    addFormatOptions(db.command('path').description('print where the database is'), false).action(async (_flags, cmd: Command) => {
      const flags = cmd.optsWithGlobals<GlobalFlags & FormatFlags>();
      const { dbPath } = await import('./commands/db.js');
      await respond(flags, async () => dbPath(ctx, parseDbPath(flags.db)));
    });
    addFormatOptions(db.command('check').description('integrity check, schema version, row counts, bundled data missing'), false).action(async (_flags, cmd: Command) => {
      const flags = cmd.optsWithGlobals<GlobalFlags & FormatFlags>();
      const { dbCheck } = await import('./commands/db.js');
      await respond(flags, () => dbCheck(ctx, parseDbPath(flags.db)));
    });
    addFormatOptions(
      db.command('backup').description("a consistent copy of the database, made with SQLite's online backup").argument('<file>', 'where to write it').option('--force', 'overwrite an existing file'),
      false,
    ).action(async (file: string, _flags, cmd: Command) => {
      const flags = cmd.optsWithGlobals<GlobalFlags & FormatFlags & { force?: boolean }>();
      const { dbBackup } = await import('./commands/db.js');
      await respond(flags, () => dbBackup(ctx, parseDbPath(flags.db), file, flags.force === true));
    });
    addFormatOptions(
      db
        .command('update')
        .description("merge this release's bundled data into the database, keeping everything you recorded")
        .option('--dry-run', 'say what would be added, change nothing'),
      false,
    ).action(async (_flags, cmd: Command) => {
      const flags = cmd.optsWithGlobals<GlobalFlags & FormatFlags & { dryRun?: boolean }>();
      const { dbUpdate } = await import('./commands/db.js');
      await respond(flags, () => dbUpdate(ctx, parseDbPath(flags.db), flags.dryRun === true, commandLine));
    });
  }

  if (wanted('explain')) {
    addFormatOptions(
      program
        .command('explain')
        .description('the rule in words, the instruments counted so far in order, and the arithmetic of the date'),
      false,
    ).action(async (_flags, cmd: Command) => {
      const flags = cmd.optsWithGlobals<GlobalFlags & FormatFlags>();
      const { explainCommand } = await import('./commands/explain.js');
      const options = globals(flags);
      await respond(flags, () => explainCommand(ctx, options));
    });
  }

  if (wanted('what-if')) {
    addFormatOptions(
      program
        .command('what-if')
        .description('status as it would be after hypothetical deposits; nothing is stored')
        .option('--deposit <participant:date[:action]>', 'a hypothetical deposit, e.g. "Qatar:2026-12-15" (repeatable; action default ratification)', (v: string, prev: string[] = []) => [...prev, v])
        .option('--add <n>', 'N deposits by participants not named...')
        .option('--on <date>', '...on this date')
        .option('--pipeline <date>', 'every signatory that has taken a domestic step (approval, law, announcement) deposits on this date')
        .addHelpText('after', `
Examples:
  $ treaty what-if --deposit "Qatar:2026-12-15" --deposit "Viet Nam:2027-01-10"
  $ treaty what-if --add 38 --on 2027-06-30 --json
Evaluated as of the latest hypothetical date (or --as-of), with the same engine as status.`),
      false,
    ).action(async (_flags, cmd: Command) => {
      const flags = cmd.optsWithGlobals<GlobalFlags & FormatFlags & { deposit?: string[]; add?: string; on?: string; pipeline?: string }>();
      const { whatIf } = await import('./commands/what-if.js');
      const deposits = (flags.deposit ?? []).map((d) => {
        const m = /^(.+?):(\d{4}-\d{2}-\d{2})(?::([a-z_]+))?$/.exec(d.trim());
        if (!m) throw new UsageError(`--deposit: expected "participant:YYYY-MM-DD" (and optionally ":action"), got "${d}"`);
        const action = m[3] ?? 'ratification';
        if (!['ratification', 'acceptance', 'approval', 'accession'].includes(action)) throw new UsageError(`--deposit: "${action}" is not an instrument (ratification, acceptance, approval, accession)`);
        return { participant: m[1]!, date: parseDate(m[2]!, '--deposit'), action: action as 'ratification' };
      });
      if ((flags.add === undefined) !== (flags.on === undefined)) throw new UsageError('--add and --on go together: --add 5 --on 2027-01-01');
      if (flags.add !== undefined && !/^[1-9]\d{0,2}$/.test(flags.add)) throw new UsageError(`--add: expected a number from 1 to 999, got "${flags.add}"`);
      const options = {
        ...globals(flags),
        deposits,
        anonymous: flags.add === undefined ? undefined : { count: Number(flags.add), on: parseDate(flags.on!, '--on') },
        pipeline: flags.pipeline === undefined ? undefined : parseDate(flags.pipeline, '--pipeline'),
      };
      await respond(flags, () => whatIf(ctx, options));
    });
  }

  if (wanted('timeline')) {
    addFormatOptions(
      program
        .command('timeline')
        .description('cumulative signatories and counted instruments over time, with the threshold and entry into force')
        .addHelpText('after', '\n--json (or --csv) gives the series: date, signatories, counted, one row per date something changed.'),
      false,
    ).action(async (_flags, cmd: Command) => {
      const flags = cmd.optsWithGlobals<GlobalFlags & FormatFlags>();
      const { timeline } = await import('./commands/timeline.js');
      const options = globals(flags);
      await respond(flags, () => timeline(ctx, options));
    });
  }

  if (wanted('report')) {
    program
      .command('report')
      .description('a self-contained HTML page: status, progress chart, regional groups, participants and sources')
      .option('--out <file>', 'write the page to this file (default: standard output, when it is not a terminal)')
      .option('--all-treaties', 'every treaty in the database, not only --treaty')
      .addHelpText('after', `
  The page needs no network and no script: open it in any browser, print it (A4 or Letter), or send it.
  Examples:
    $ treaty report --out hanoi.html
    $ treaty report --all-treaties --as-of 2026-12-31 > treaties.html`)
      .action(async (_flags, cmd: Command) => {
        const flags = cmd.optsWithGlobals<GlobalFlags & { out?: string; allTreaties?: boolean }>();
        const { checkOutputTarget, writeFileAtomic } = await import('./ui/output-file.js');
        const out = flags.out;
        if (out === undefined && io.isTTY) throw new UsageError('report: the page is HTML, not for the terminal; give --out FILE (e.g. --out hanoi.html) or redirect it to a file');
        const options = globals(flags);
        const target = { protect: [ctx.dbPath(options.db)] };
        if (out !== undefined) checkOutputTarget(out, target);
        const { report } = await import('./commands/report.js');
        const { reportHtml } = await import('./formats/report-html.js');
        const result = await report(ctx, { ...options, allTreaties: flags.allTreaties === true, version: VERSION });
        const page = reportHtml(result);
        if (out === undefined) return void io.out.write(page);
        const { special } = writeFileAtomic(out, page, target);
        const what = result.sections.length === 1 ? result.sections[0]!.status.short_title : `${result.sections.length} treaties`;
        // The path on stdout is for scripts; not when stdout may be the very device just written to.
        if (!special) io.out.write(`${out}\n`);
        io.err.write(`wrote ${out} (${Math.ceil(Buffer.byteLength(page) / 1024)} KB): ${what} as of ${result.as_of}; open it in a browser\n`);
      });
  }

  if (wanted('pace')) {
    addFormatOptions(
      program
        .command('pace')
        .description('treaties side by side by days since they opened for signature')
        .argument('[treaty...]', 'treaty ids or aliases (default: every treaty)')
        .addHelpText('after', '\nColumns: treaty, day, date, signatories, counted, event. Days 30, 90, 180, 365, 730, 1095, 1825, 3650, and the day the threshold was met.'),
    ).action(async (names: string[], _flags, cmd: Command) => {
      const flags = cmd.optsWithGlobals<ListFlags>();
      const { pace, PACE_COLUMNS } = await import('./commands/pace.js');
      const options = { db: parseDbPath(flags.db), treaties: names.map((n) => parseTreatyRef(n)), asOf: parseAsOf(flags.asOf), columns: parseColumns(flags.columns, PACE_COLUMNS) };
      await respond(flags, () => pace(ctx, options));
    });
  }

  if (wanted('calendar')) {
    program
      .command('calendar')
      .description('an iCalendar (.ics) file of entry-into-force dates and the signature deadline')
      .option('--all-treaties', 'every treaty in the database, not only --treaty')
      .addHelpText('after', '\nExample: treaty calendar --all-treaties > treaties.ics   (then import the file into any calendar program)')
      .action(async (_flags, cmd: Command) => {
        const flags = cmd.optsWithGlobals<GlobalFlags & { allTreaties?: boolean }>();
        const { calendar } = await import('./commands/calendar.js');
        const options = { ...globals(flags), allTreaties: flags.allTreaties === true };
        await emit(await calendar(ctx, options), { ...flags, format: 'table' });
      });
  }

  if (wanted('add')) {
    addFormatOptions(
      program
        .command('add')
        .description("add a treaty from the UN Treaty Collection's status page (MTDSG XML)")
        .argument('<file>', 'the .xml status page')
        .option('--source <url>', "where the page comes from (default: the treaty's page at treaties.un.org)")
        .option('--threshold <n>', 'instruments needed for entry into force')
        .option('--days <d>', 'entry into force this many days after the threshold instrument')
        .option('--months <m>', '...or this many months after it')
        .option('--first-of-month', 'with --months: then the first day of the next month')
        .option('--later-days <d>', 'for a later party: days after its own instrument (default: the same delay)')
        .option('--rule <file>', 'the rule as JSON (the "rule" object of data/treaties/*.json) instead')
        .option('--alias <name>', 'another name for the treaty (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
        .option('--short-title <text>', 'a short title (default: the page title)')
        .option('--snapshot-date <date>', 'the date the data is as of (default: the latest date on the page, which states none)')
        .option('--dry-run', 'say what would be added, change nothing')
        .addHelpText('after', `
Example (the Arms Trade Treaty: the 50th instrument, then 90 days):
  $ treaty add XXVI-8.en.xml --source https://treaties.un.org/doc/Publication/MTDSG/Volume%20II/Chapter%20XXVI/XXVI-8.en.xml \\
      --threshold 50 --days 90 --alias att --snapshot-date 2018-01-15
The header's counts and its date of entry into force are checked against the table and the rule.
Participants the database does not know (a State that no longer exists) are added under an X code.`),
      false,
    ).action(async (file: string, _flags, cmd: Command) => {
      const flags = cmd.optsWithGlobals<GlobalFlags & FormatFlags & Record<string, string | boolean | string[] | undefined>>();
      const { addTreaty } = await import('./commands/add.js');
      const { parseSource } = await import('./options-lists.js');
      const count = (name: string, value: unknown) => {
        if (value === undefined) return undefined;
        if (typeof value !== 'string' || !/^\d{1,4}$/.test(value)) throw new UsageError(`--${name}: expected a whole number, got "${String(value)}"`);
        return Number(value);
      };
      const options = {
        db: parseDbPath(flags.db),
        file,
        source: flags.source === undefined ? undefined : parseSource(flags.source as string),
        aliases: (flags.alias as string[] | undefined) ?? [],
        shortTitle: flags.shortTitle as string | undefined,
        ruleFile: flags.rule as string | undefined,
        threshold: count('threshold', flags.threshold),
        days: count('days', flags.days),
        months: count('months', flags.months),
        firstOfMonth: flags.firstOfMonth === true,
        laterDays: count('later-days', flags.laterDays),
        snapshotDate: flags.snapshotDate === undefined ? undefined : parseDate(flags.snapshotDate as string, '--snapshot-date'),
        dryRun: flags.dryRun === true,
        command: commandLine,
      };
      await respond(flags, () => addTreaty(ctx, options));
    });
  }

  if (wanted('completion')) {
    program
      .command('completion')
      .description('print a shell completion script: bash, zsh or fish')
      .argument('<shell>', 'bash, zsh or fish')
      .addHelpText('after', '\nInstall: treaty completion bash > ~/.local/share/bash-completion/completions/treaty\n         treaty completion zsh > "${fpath[1]}/_treaty"\n         treaty completion fish > ~/.config/fish/completions/treaty.fish')
      .action(async (shell: string) => {
        const { completionScript } = await import('./commands/completion.js');
        io.out.write(completionScript(shell, program));
      });
  }

  if (wanted('__complete')) {
    program
      .command('__complete', { hidden: true })
      .argument('<what>', 'treaties or participants')
      .action(async (what: string, _flags, cmd: Command) => {
        const flags = cmd.optsWithGlobals<GlobalFlags>();
        const { completionWords } = await import('./commands/completion.js');
        io.out.write(await completionWords(ctx, what, parseDbPath(flags.db)));
      });
  }

  return program;
}

const COMMANDS = ['status', 'participants', 'history', 'export', 'treaties', 'compare', 'explain', 'what-if', 'pace', 'timeline', 'report', 'calendar', 'record', 'remove', 'import', 'add', 'changes', 'undo', 'sync', 'db', 'completion', '__complete'];
const GLOBALS_WITH_VALUE = new Set(['--db', '--treaty', '--as-of']);

/** The command a command line runs, when it names a known one before anything else. */
function commandName(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (GLOBALS_WITH_VALUE.has(arg)) i += 1;
    else if (arg.startsWith('-')) continue;
    else return COMMANDS.includes(arg) ? arg : undefined;
  }
  return undefined;
}

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  try {
    const state = { exitCode: 0 };
    await buildProgram(io, argv, state).parseAsync(argv, { from: 'user' });
    return state.exitCode;
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
