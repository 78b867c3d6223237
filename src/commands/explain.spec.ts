import { DEFAULT_TREATY, defineCommand, FORMAT_OPTIONS } from '../options-spec.js';

export const explainSpec = defineCommand({
  name: 'explain',
  summary: 'the rule in words, the instruments counted so far in order, and the arithmetic of the date',
  args: {},
  options: { ...FORMAT_OPTIONS },
  examples: [
    ['treaty explain', 'the rule and the arithmetic of the date'],
    ['treaty explain --treaty budapest --as-of 2004-07-01', 'how the Budapest Convention came to be in force on 1 July 2004'],
  ],
  async run(o, _a, { ctx }) {
    const { explainCommand } = await import('./explain.js');
    return explainCommand(ctx, { db: o.db, treaty: o.treaty ?? DEFAULT_TREATY, asOf: o.asOf });
  },
});
