import { DEFAULT_TREATY, defineCommand, flag } from '../options-spec.js';

export const calendarSpec = defineCommand({
  name: 'calendar',
  summary: 'an iCalendar (.ics) file of entry-into-force dates and the signature deadline',
  args: {},
  options: { allTreaties: flag('every treaty in the database, not only --treaty') },
  examples: [
    ['treaty calendar > hanoi.ics', 'entry-into-force dates for a calendar'],
    ['treaty calendar --all-treaties > treaties.ics', 'every treaty; import the file into any calendar program'],
  ],
  async run(o, _a, { ctx }) {
    const { calendar } = await import('./calendar.js');
    return calendar(ctx, { db: o.db, treaty: o.treaty ?? DEFAULT_TREATY, allTreaties: o.allTreaties, asOf: o.asOf });
  },
});
