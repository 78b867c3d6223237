import { parseColumns } from '../formats/columns.js';
import { choice } from '../options.js';
import { DEFAULT_TREATY, defineCommand, flag, LIST_OPTIONS, option } from '../options-spec.js';

export const exportSpec = defineCommand({
  name: 'export',
  summary: 'the actions themselves (treaty, code, action, date, reference, source, note), as treaty import reads them',
  args: {},
  options: {
    allTreaties: flag('every treaty in the database, not only --treaty'),
    table: option(choice(['actions', 'published', 'reports'] as const), '<rows>', 'actions (default), published (parties whose dates are unknown) or reports; import reads each back'),
    safe: flag('for a spreadsheet: an apostrophe before a cell that would be read as a formula (=, +, -, @)'),
    ...LIST_OPTIONS,
  },
  columns: async () => (await import('./export.js')).EXPORT_COLUMNS,
  examples: [
    ["treaty export --json | jq '.[0]'", 'the actions themselves, with their sources'],
    ['treaty export --all-treaties --csv > actions.csv', 'every action, to edit and import again'],
    ['treaty export --csv --safe > for-excel.csv', 'for a spreadsheet: no cell read as a formula'],
  ],
  async run(o, _a, { ctx }) {
    const { exportActions, EXPORT_COLUMNS } = await import('./export.js');
    const { PUBLISHED_COLUMNS, REPORT_COLUMNS } = await import('../formats/fact-columns.js');
    const table = o.table ?? 'actions';
    const columns = parseColumns(o.columns, table === 'published' ? PUBLISHED_COLUMNS : table === 'reports' ? REPORT_COLUMNS : EXPORT_COLUMNS);
    const result = await exportActions(ctx, { db: o.db, treaty: o.treaty ?? DEFAULT_TREATY, allTreaties: o.allTreaties, asOf: o.asOf, columns, table });
    if (!o.safe) return result;
    const { safeRows } = await import('../formats/spreadsheet-safe.js');
    return { ...result, rows: safeRows(result.rows) };
  },
});
