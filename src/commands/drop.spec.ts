import { arg, defineCommand, flag, FORMAT_OPTIONS } from '../options-spec.js';
import { treaty } from '../options.js';

export const dropSpec = defineCommand({
  name: 'drop',
  writes: true,
  summary: 'remove a treaty with its aliases, actions, published dates, reports and checks',
  args: { treaty: arg(treaty(), 'treaty id or alias') },
  options: { yes: flag('really remove it (without it, drop says what it would remove and stops)'), ...FORMAT_OPTIONS },
  examples: [
    ['treaty drop XXVI-8', 'what dropping the Arms Trade Treaty would remove; nothing is removed'],
    ['treaty drop XXVI-8 --yes', 'remove it; treaty undo brings it back'],
  ],
  notes: 'Logged as one change: treaty undo <id> brings it all back, and treaty db update never brings back a dropped treaty.',
  async run(o, a, { ctx, commandLine }) {
    const { dropTreatyCommand } = await import('./drop.js');
    return dropTreatyCommand(ctx, { db: o.db, treaty: a.treaty, yes: o.yes, command: commandLine });
  },
});
