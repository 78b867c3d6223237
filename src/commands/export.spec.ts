import { parseColumns } from '../formats/columns.js';
import { DEFAULT_TREATY, defineCommand, flag, LIST_OPTIONS } from '../options-spec.js';

export const exportSpec = defineCommand({
  name: 'export',
  summary: 'the actions themselves (treaty, code, action, date, reference, source, note), as treaty import reads them',
  args: {},
  options: { allTreaties: flag('every treaty in the database, not only --treaty'), ...LIST_OPTIONS },
  columns: async () => (await import('./export.js')).EXPORT_COLUMNS,
  examples: [
    ["treaty export --json | jq '.[0]'", 'the actions themselves, with their sources'],
    ['treaty export --all-treaties --csv > actions.csv', 'every action, to edit and import again'],
  ],
  async run(o, _a, { ctx }) {
    const { exportActions, EXPORT_COLUMNS } = await import('./export.js');
    const columns = parseColumns(o.columns, EXPORT_COLUMNS);
    return exportActions(ctx, { db: o.db, treaty: o.treaty ?? DEFAULT_TREATY, allTreaties: o.allTreaties, asOf: o.asOf, columns });
  },
});
