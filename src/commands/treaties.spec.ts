import { parseColumns } from '../formats/columns.js';
import { defineCommand, LIST_OPTIONS } from '../options-spec.js';

export const treatiesSpec = defineCommand({
  name: 'treaties',
  summary: 'the treaties in the database: threshold, counted instruments, entry into force, data date',
  args: {},
  options: { ...LIST_OPTIONS },
  columns: async () => (await import('./treaties.js')).TREATIES_COLUMNS,
  examples: [
    ['treaty treaties', 'every treaty in the database'],
    ['treaty treaties --columns id,state,entry_into_force --csv', 'for a script: which are in force, since when'],
  ],
  async run(o, _a, { ctx }) {
    const { treaties, TREATIES_COLUMNS } = await import('./treaties.js');
    return treaties(ctx, { db: o.db, asOf: o.asOf, columns: parseColumns(o.columns, TREATIES_COLUMNS) });
  },
});
