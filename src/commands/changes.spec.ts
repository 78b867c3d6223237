import { date, integer } from '../options.js';
import { arg, defineCommand, flag, FORMAT_OPTIONS, LIST_OPTIONS, option } from '../options-spec.js';
import { parseColumns } from '../formats/columns.js';

export const changesSpec = defineCommand({
  name: 'changes',
  summary: 'the change log: one line per write (a change set), its rows with --rows',
  args: {},
  options: {
    since: option(date(), '<date>', 'only changes made on or after this date (UTC)'),
    withSeed: flag('also the rows written when the database was created'),
    sinceLast: flag('only sets since the previous --since-last call on this database (it remembers)'),
    rows: flag('the rows the sets wrote (set, table, key, before, after) instead of one line per set'),
    ...LIST_OPTIONS,
  },
  columns: async () => {
    const { CHANGE_COLUMNS, ROW_COLUMNS } = await import('./changes.js');
    return [...CHANGE_COLUMNS, ...ROW_COLUMNS.filter((c) => c !== 'set')];
  },
  examples: [
    ['treaty changes --since-last --json', 'for cron: exit 3 when nothing changed'],
    ['treaty changes --since 2026-12-01', 'what was written this month; undo a set with treaty undo <id>'],
    ['treaty changes --rows --treaty hanoi', 'the rows each write changed for one treaty'],
  ],
  notes: `Exit codes with --since or --since-last: 0 when there are changes, 3 when there are none (1 and 2
mean errors, as for every command). A pipe ignores the code, so for cron keep the output and test it:
  if out=$(treaty changes --since-last --json); then notify "$out"; fi
runs notify only when something changed.`,
  async run(o, _a, { ctx }) {
    const { changes, CHANGE_COLUMNS, ROW_COLUMNS } = await import('./changes.js');
    return changes(ctx, { db: o.db, since: o.since, treaty: o.treaty, withSeed: o.withSeed, sinceLast: o.sinceLast, rows: o.rows, columns: parseColumns(o.columns, o.rows ? ROW_COLUMNS : CHANGE_COLUMNS) });
  },
});

export const undoSpec = defineCommand({
  name: 'undo',
  writes: true,
  summary: 'reverse a whole change set: an import, a sync, an add, an edit, a drop, a db update',
  args: { setId: arg(integer(1, Number.MAX_SAFE_INTEGER), 'the id of a set, as treaty changes shows it') },
  options: { dryRun: flag('say what would change, change nothing'), ...FORMAT_OPTIONS },
  examples: [
    ['treaty undo 42', 'reverse set 42, every row it wrote'],
    ['treaty undo 42 --dry-run', 'what undoing it would change'],
  ],
  async run(o, a, { ctx, commandLine }) {
    const { undo } = await import('./changes.js');
    return undo(ctx, { db: o.db, id: a.setId, dryRun: o.dryRun, command: commandLine });
  },
});
