import { date, integer } from '../options.js';
import { arg, defineCommand, flag, FORMAT_OPTIONS, LIST_OPTIONS, option } from '../options-spec.js';
import { parseColumns } from '../formats/columns.js';

export const changesSpec = defineCommand({
  name: 'changes',
  summary: 'the change log: every write, with the row before and after',
  args: {},
  options: {
    since: option(date(), '<date>', 'only changes made on or after this date (UTC)'),
    withSeed: flag('also the rows written when the database was created'),
    sinceLast: flag('only changes since the previous --since-last call on this database (it remembers)'),
    ...LIST_OPTIONS,
  },
  columns: async () => (await import('./changes.js')).CHANGE_COLUMNS,
  examples: [
    ['treaty changes --since-last --json', 'for cron: exit 3 when nothing changed'],
    ['treaty changes --since 2026-12-01', 'what was written this month; undo one with treaty undo <id>'],
  ],
  notes: `Exit codes with --since or --since-last: 0 when there are changes, 3 when there are none (1 and 2
mean errors, as for every command). A pipe ignores the code, so for cron keep the output and test it:
  if out=$(treaty changes --since-last --json); then notify "$out"; fi
runs notify only when something changed.`,
  async run(o, _a, { ctx }) {
    const { changes, CHANGE_COLUMNS } = await import('./changes.js');
    return changes(ctx, { db: o.db, since: o.since, treaty: o.treaty, withSeed: o.withSeed, sinceLast: o.sinceLast, columns: parseColumns(o.columns, CHANGE_COLUMNS) });
  },
});

export const undoSpec = defineCommand({
  name: 'undo',
  writes: true,
  summary: 'reverse one logged change to an action (see treaty changes)',
  args: { changeId: arg(integer(1, Number.MAX_SAFE_INTEGER), 'the id shown by treaty changes') },
  options: { dryRun: flag('say what would change, change nothing'), ...FORMAT_OPTIONS },
  examples: [
    ['treaty undo 42', 'reverse change 42'],
    ['treaty undo 42 --dry-run', 'what undoing it would change'],
  ],
  async run(o, a, { ctx, commandLine }) {
    const { undo } = await import('./changes.js');
    return undo(ctx, { db: o.db, id: a.changeId, dryRun: o.dryRun, command: commandLine });
  },
});
