// The registry of commands, and main: read the command line (from the specs, or through commander for
// help and mistakes), run the one command, print its result, and turn every error into a line on
// stderr and an exit code (0 done, 1 failed, 2 the command line is wrong).
import { fstatSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createContext } from './context.js';
import { UserError } from './errors.js';
import type { Io } from './io.js';
import { fastParse, type RawCommandLine } from './options-argv.js';
import { finishValues, formatOf, type AnySpec, type RunEnv } from './options-spec.js';
import { exitAfterOutput } from './output-failure.js';
import { describeSqliteError, isSqliteError } from './store/sqlite-errors.js';
import { fdSink } from './ui/sink.js';
import { visibleText } from './formats/visible-text.js';
import { terminalWidth } from './ui/terminal-width.js';
import { addSpec } from './commands/add.spec.js';
import { calendarSpec } from './commands/calendar.spec.js';
import { changesSpec, undoSpec } from './commands/changes.spec.js';
import { compareSpec } from './commands/compare.spec.js';
import { completeSpec, completionSpec } from './commands/completion.spec.js';
import { dropSpec } from './commands/drop.spec.js';
import { editSpec } from './commands/edit.spec.js';
import { dbBackupSpec, dbCheckSpec, dbPathSpec, dbUpdateSpec } from './commands/db.spec.js';
import { explainSpec } from './commands/explain.spec.js';
import { exportSpec } from './commands/export.spec.js';
import { historySpec } from './commands/history.spec.js';
import { importSpec } from './commands/import.spec.js';
import { paceSpec } from './commands/pace.spec.js';
import { participantsSpec } from './commands/participants.spec.js';
import { recordSpec } from './commands/record.spec.js';
import { removeSpec } from './commands/remove.spec.js';
import { reportSpec } from './commands/report.spec.js';
import { statusSpec } from './commands/status.spec.js';
import { syncSpec } from './commands/sync.spec.js';
import { textsSpec } from './commands/texts.spec.js';
import { timelineSpec } from './commands/timeline.spec.js';
import { treatiesSpec } from './commands/treaties.spec.js';
import { whatIfSpec } from './commands/what-if.spec.js';

export type { Io } from './io.js';

declare const __TREATY_VERSION__: string | undefined;
export const VERSION = typeof __TREATY_VERSION__ === 'string' ? __TREATY_VERSION__ : '0.0.0-dev';

/** Every command, in the order help and the README list them. */
export const COMMANDS: readonly AnySpec[] = [
  statusSpec, participantsSpec, historySpec, textsSpec, exportSpec, treatiesSpec, compareSpec, explainSpec, whatIfSpec, paceSpec, timelineSpec,
  reportSpec, calendarSpec, recordSpec, removeSpec, importSpec, addSpec, editSpec, dropSpec, changesSpec, undoSpec, syncSpec,
  dbPathSpec, dbCheckSpec, dbBackupSpec, dbUpdateSpec, completionSpec, completeSpec,
];

export const GROUPS: Readonly<Record<string, string>> = { db: 'the database file: path, check, backup, update' };
const GROUP_NAMES = new Set(Object.keys(GROUPS));

/** Under the top-level help: one example of each command, where the database is, the exit codes. */
const epilogue = () => `
Examples:
${COMMANDS.filter((s) => !s.hidden && s.examples[0]).map((s) => `  $ ${s.examples[0]![0]}`).join('\n')}

Run "treaty <command> --help" for a command's options and more examples.
The database is --db, else $TREATY_DB, else ~/.local/share/treaty/treaty.db ($XDG_DATA_HOME is honoured);
it is created from the bundled data on first use.
Exit codes: 0 done, 1 the command could not be carried out, 2 the command line is wrong.`;

/** What the change log records as the command that wrote: the command line, as typed. */
function commandLineOf(argv: readonly string[]): string {
  return ['treaty', ...argv].map((a) => (/^[\w.,:\/@=+-]+$/.test(a) ? a : JSON.stringify(a))).join(' ');
}

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  try {
    const env: RunEnv = { ctx: createContext(io.env, (message) => io.err.write(message)), io, commandLine: commandLineOf(argv), version: VERSION, specs: COMMANDS };
    let code = 0;
    const run = async (raw: RawCommandLine) => {
      code = await execute(raw, env);
    };
    const fast = fastParse(argv, COMMANDS, GROUP_NAMES);
    if (fast) {
      await run(fast);
      return code;
    }
    const { commanderRun } = await import('./options-commander.js');
    const refused = await commanderRun(argv, { specs: COMMANDS, groups: GROUPS, version: VERSION, epilogue: epilogue() }, io, run);
    return refused ?? code;
  } catch (e) {
    return report(e, io);
  }
}

/** `error: …` and `hint: …`, each wrapped to the terminal stderr is, when it is one. */
async function writeError(io: Io, message: string, hint: string | undefined): Promise<void> {
  const lines = [`error: ${visibleText(message)}`, ...(hint ? [`hint: ${visibleText(hint)}`] : [])];
  const width = io.errColumns?.();
  // The wrapping code comes with the renderer's bundle: loaded only for an error on a terminal.
  const fit = width === undefined ? (line: string) => `${line}\n` : (await import('./respond.js')).fitLine;
  io.err.write(lines.map((line) => fit(line, width)).join(''));
}

/** Every value is checked (and the output format chosen) before the command does anything. */
async function execute(raw: RawCommandLine, env: RunEnv): Promise<number> {
  const { o, a } = finishValues(raw.spec, raw);
  const format = 'format' in raw.spec.options ? formatOf(o) : 'table';
  const result = await raw.spec.run(o, a, env);
  // The renderer loads only once there is a result to show.
  const code = result ? await (await import('./respond.js')).respond(result, format, { color: o.color !== false, wide: 'wide' in o && o.wide === true, command: raw.spec.name.split(' ')[0]! }, env.io) : 0;
  return exitAfterOutput(code, env.io, raw.spec.writes === true && o.dryRun !== true);
}

async function report(e: unknown, io: Io): Promise<number> {
  if (e instanceof UserError) {
    // Messages quote what the user gave (a CSV header, a file name, a value): shown, never obeyed, by the terminal.
    await writeError(io, e.message, e.hint);
    return e.exitCode;
  }
  const err = e as Error & { code?: unknown };
  if (io.env.TREATY_DEBUG === '1') {
    io.err.write(`${err.stack ?? String(e)}\n`);
  } else if (err.code === 'MODULE_NOT_FOUND' && /^Cannot find module '\.\/[\w-]+\.cjs'/.test(err.message ?? '')) {
    // A bundle loaded on demand, gone: `npm run build` is replacing dist/ (bin/treaty.js says the same).
    io.err.write('error: treaty is being rebuilt or not built: run npm run build\n');
  } else if (isSqliteError(e)) {
    // From a result read while it is written out (export): the file is not known here.
    const told = describeSqliteError(e, undefined);
    await writeError(io, told.message, told.hint);
  } else {
    io.err.write(`internal error: ${err.message ?? String(e)}\n(set TREATY_DEBUG=1 for details)\n`);
  }
  return 1;
}

/**
 * isatty, not process.stdout: creating that stream would make a piped stdout non-blocking. node:tty
 * loads node:net and the streams (a tenth of a read command's start-up), so it is asked only when
 * the stream (stdout at start, stderr for an error) is a character device other than /dev/null:
 * never for a pipe or a file, which is what scripts give.
 */
function isTerminal(fd: 1 | 2): boolean {
  try {
    const out = fstatSync(fd);
    if (!out.isCharacterDevice()) return false;
    // /dev/null is a character device too, and what a script that wants only the exit code gives.
    if (out.rdev === statSync('/dev/null', { throwIfNoEntry: false })?.rdev) return false;
  } catch {
    return false;
  }
  const { isatty } = createRequire(import.meta.url)('node:tty') as typeof import('node:tty');
  return isatty(fd);
}

function defaultIo(): Io {
  const isTTY = isTerminal(1);
  return {
    out: fdSink(1),
    err: fdSink(2),
    isTTY,
    columns: terminalWidth(isTTY, () => process.stdout.columns, process.env),
    errColumns: () => terminalWidth(isTerminal(2), () => process.stderr.columns, process.env),
    env: process.env,
  };
}
