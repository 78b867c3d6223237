import { DEFAULT_TREATY, defineCommand, FORMAT_OPTIONS } from '../options-spec.js';

export const timelineSpec = defineCommand({
  name: 'timeline',
  summary: 'cumulative signatories and counted instruments over time, with the threshold and entry into force',
  args: {},
  options: { ...FORMAT_OPTIONS },
  examples: [
    ['treaty timeline', 'the chart, for people'],
    ['treaty timeline --treaty budapest --csv', 'the series: date, signatories, counted'],
  ],
  notes: '--json (or --csv) gives the series: date, signatories, counted, one row per date something changed.',
  async run(o, _a, { ctx }) {
    const { timeline } = await import('./timeline.js');
    return timeline(ctx, { db: o.db, treaty: o.treaty ?? DEFAULT_TREATY, asOf: o.asOf });
  },
});
