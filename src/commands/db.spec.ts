import { path } from '../options.js';
import { arg, defineCommand, flag, FORMAT_OPTIONS } from '../options-spec.js';

export const dbPathSpec = defineCommand({
  name: 'db path',
  summary: 'print where the database is',
  args: {},
  options: { ...FORMAT_OPTIONS },
  examples: [
    ['treaty db path', 'the file every command reads'],
    ['TREATY_DB=/tmp/t.db treaty db path', 'the file $TREATY_DB points at'],
  ],
  async run(o, _a, { ctx }) {
    const { dbPath } = await import('./db.js');
    return dbPath(ctx, o.db);
  },
});

export const dbCheckSpec = defineCommand({
  name: 'db check',
  summary: 'integrity check, schema version, row counts, bundled data missing',
  args: {},
  options: { ...FORMAT_OPTIONS },
  examples: [
    ['treaty db check', 'is the file sound, and what does it hold?'],
    ['treaty db check --json', 'the same, for a script'],
  ],
  async run(o, _a, { ctx }) {
    const { dbCheck } = await import('./db.js');
    return dbCheck(ctx, o.db);
  },
});

export const dbBackupSpec = defineCommand({
  name: 'db backup',
  writes: true,
  summary: "a consistent copy of the database, made with SQLite's online backup",
  args: { file: arg(path(), 'where to write it') },
  options: { force: flag('overwrite an existing file'), ...FORMAT_OPTIONS },
  examples: [
    ['treaty db backup treaty-2026-12-03.db', 'a copy, even while another command writes'],
    ['treaty db backup latest.db --force', 'replace yesterday\'s copy'],
  ],
  async run(o, a, { ctx }) {
    const { dbBackup } = await import('./db.js');
    return dbBackup(ctx, o.db, a.file, o.force);
  },
});

export const dbUpdateSpec = defineCommand({
  name: 'db update',
  writes: true,
  summary: "merge this release's bundled data into the database, keeping everything you recorded",
  args: {},
  options: { dryRun: flag('say what would be added, change nothing'), ...FORMAT_OPTIONS },
  examples: [
    ['treaty db update --dry-run', 'what a new release would add'],
    ['treaty db update', 'add it; treaty undo reverses it'],
  ],
  async run(o, _a, { ctx, commandLine }) {
    const { dbUpdate } = await import('./db.js');
    return dbUpdate(ctx, o.db, o.dryRun, commandLine);
  },
});
