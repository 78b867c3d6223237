// The only file that knows commander: it declares the command line, runs one command, renders its
// result, and turns every error into a line on stderr and an exit code (0 done, 1 failed, 2 usage).
import { Command, CommanderError, Option } from 'commander';
import { createContext } from './context.js';
import { FORMATS } from './domain/vocabulary.js';
import { UserError } from './errors.js';
import type { Result } from './formats/result.js';
import { DEFAULT_TREATY, parseAsOf, parseDbPath, parseFormat, parseTreatyRef, type FormatFlags, type GlobalFlags } from './options.js';
import { colorLevel } from './ui/color.js';
import { fdSink, type Sink } from './ui/sink.js';

declare const __TREATY_VERSION__: string | undefined;
const VERSION = typeof __TREATY_VERSION__ === 'string' ? __TREATY_VERSION__ : '0.0.0-dev';

const EXAMPLES = `
Examples:
  $ treaty status                          where the UN Convention against Cybercrime stands today
  $ treaty status --json | jq .counted     the same, for scripts
  $ treaty status --as-of 2025-10-26       as it stood after the Hanoi signing ceremony

The database is --db, else $TREATY_DB, else ~/.local/share/treaty/treaty.db ($XDG_DATA_HOME is honoured);
it is created from the bundled data on first use.
Exit codes: 0 done, 1 the command could not be carried out, 2 the command line is wrong.`;

interface Io {
  out: Sink;
  err: Sink;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

function addFormatOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--format <format>', `output format: ${FORMATS.join(', ')} (default: table)`))
    .option('--json', 'shortcut for --format json')
    .option('--csv', 'shortcut for --format csv');
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

  const emit = async (result: Result, flags: GlobalFlags & FormatFlags) => {
    const format = parseFormat(flags);
    const { render } = await import('./formats/render.js');
    const { styleFor } = await import('./ui/style.js');
    const style = await styleFor(format === 'table' ? colorLevel(io.isTTY, io.env, flags.color) : 0);
    render(result, format, io.out, style);
  };

  addFormatOptions(
    program
      .command('status')
      .description('where the treaty stands: signatories, instruments, threshold, entry into force, signature window')
      .addHelpText('after', '\nThe table is for people. --json prints the status object (snake_case keys, ISO dates); --csv one row with a header.'),
  ).action(async (_flags, cmd: Command) => {
    const flags = cmd.optsWithGlobals<GlobalFlags & FormatFlags>();
    const options = { db: parseDbPath(flags.db), treaty: parseTreatyRef(flags.treaty), asOf: parseAsOf(flags.asOf) };
    parseFormat(flags);
    const { status } = await import('./commands/status.js');
    await emit(await status(ctx, options), flags);
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
  return { out: fdSink(1), err: fdSink(2), isTTY: process.stdout.isTTY === true, env: process.env };
}
