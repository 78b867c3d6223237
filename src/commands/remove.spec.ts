import { ACTIONS } from '../domain/vocabulary.js';
import { choice, date, participant } from '../options.js';
import { arg, DEFAULT_TREATY, defineCommand, flag, FORMAT_OPTIONS } from '../options-spec.js';

export const removeSpec = defineCommand({
  name: 'remove',
  writes: true,
  summary: 'remove one recorded action, by participant, action and date',
  args: {
    participant: arg(participant(), 'ISO code or name'),
    action: arg(choice(ACTIONS), 'the action, e.g. ratification'),
    date: arg(date(), 'its date, YYYY-MM-DD'),
  },
  options: { dryRun: flag('say what would change, change nothing'), ...FORMAT_OPTIONS },
  examples: [
    ['treaty remove "Viet Nam" ratification 2026-06-15', 'take back an action recorded by mistake'],
    ['treaty remove VN signature 2025-10-25 --dry-run', 'what would go, without removing it'],
  ],
  notes: 'Logged like every write: treaty undo brings the row back.',
  async run(o, a, { ctx, commandLine }) {
    const { removeAction } = await import('./remove.js');
    return removeAction(ctx, { db: o.db, treaty: o.treaty ?? DEFAULT_TREATY, participant: a.participant, action: a.action, date: a.date, dryRun: o.dryRun, command: commandLine });
  },
});
