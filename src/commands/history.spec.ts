import { parseColumns } from '../formats/columns.js';
import { participant } from '../options.js';
import { args, defineCommand, LIST_OPTIONS } from '../options-spec.js';

export const historySpec = defineCommand({
  name: 'history',
  summary: "one or more participants' actions, in date order, with references and sources",
  args: { participant: args(participant(), 'ISO code (VN, VNM), name ("Viet Nam") or common name ("Vietnam")') },
  options: { ...LIST_OPTIONS },
  columns: async () => (await import('./history.js')).HISTORY_COLUMNS,
  examples: [
    ['treaty history "Viet Nam"', 'what Viet Nam did, and when, in every treaty'],
    ['treaty history FR DE --treaty budapest', 'France and Germany in the Budapest Convention'],
  ],
  notes: 'Across every treaty unless --treaty is given.',
  async run(o, a, { ctx }) {
    const { history, HISTORY_COLUMNS } = await import('./history.js');
    const columns = parseColumns(o.columns, HISTORY_COLUMNS);
    return history(ctx, { db: o.db, treaty: o.treaty, asOf: o.asOf, participants: a.participant, columns });
  },
});
