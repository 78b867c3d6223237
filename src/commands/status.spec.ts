import { DEFAULT_TREATY, defineCommand, FORMAT_OPTIONS } from '../options-spec.js';

export const statusSpec = defineCommand({
  name: 'status',
  summary: 'where the treaty stands: signatories, instruments, threshold, entry into force, signature window',
  args: {},
  options: { ...FORMAT_OPTIONS },
  examples: [
    ['treaty status', 'where the UN Convention against Cybercrime stands today'],
    ['treaty status --json | jq .counted', 'the same, for scripts'],
    ['treaty status --as-of 2025-10-26', 'as it stood after the Hanoi signing ceremony'],
    ['treaty status --treaty budapest --as-of 2004-06-30', 'the Budapest Convention the day before it entered into force'],
  ],
  notes: 'The table is for people. --json prints the status object (snake_case keys, ISO dates); --csv one row with a header.',
  async run(o, _a, { ctx }) {
    const { status } = await import('./status.js');
    return status(ctx, { db: o.db, treaty: o.treaty ?? DEFAULT_TREATY, asOf: o.asOf });
  },
});
