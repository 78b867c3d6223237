import { parseColumns } from '../formats/columns.js';
import { treaty } from '../options.js';
import { args, defineCommand, LIST_OPTIONS } from '../options-spec.js';

export const paceSpec = defineCommand({
  name: 'pace',
  summary: 'treaties side by side by days since they opened for signature',
  args: { treaty: args(treaty(), 'treaty ids or aliases (default: the one --treaty names, else every treaty)', true) },
  options: { ...LIST_OPTIONS },
  columns: async () => (await import('./pace.js')).PACE_COLUMNS,
  examples: [
    ['treaty pace hanoi budapest', 'is it moving faster than Budapest did?'],
    ['treaty pace --csv', 'every treaty, for a chart of your own'],
    ['treaty pace --treaty budapest', 'one treaty, like any other command'],
  ],
  notes: 'Days 30, 90, 180, 365, 730, 1095, 1825, 3650, and the day the threshold was met.',
  async run(o, a, { ctx }) {
    const { pace, PACE_COLUMNS } = await import('./pace.js');
    return pace(ctx, { db: o.db, treaties: a.treaty, treaty: o.treaty, asOf: o.asOf, columns: parseColumns(o.columns, PACE_COLUMNS) });
  },
});
