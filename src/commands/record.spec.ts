import { ACTIONS } from '../domain/vocabulary.js';
import { choice, date, participant, source, text } from '../options.js';
import { arg, DEFAULT_TREATY, defineCommand, flag, FORMAT_OPTIONS, option, requiredOption } from '../options-spec.js';

export const recordSpec = defineCommand({
  name: 'record',
  writes: true,
  summary: 'record one action: a signature, ratification, accession... with its source',
  args: {
    participant: arg(participant(), 'ISO code or name, e.g. "Viet Nam"'),
    action: arg(choice(ACTIONS), 'the action'),
    date: arg(date(), 'the date of the action, YYYY-MM-DD'),
  },
  options: {
    source: requiredOption(source(), '<source>', 'where the fact comes from (required): http(s) addresses or [official-journal citations]'),
    reference: option(text("the depositary's reference"), '<ref>', "the depositary's reference, e.g. C.N.123.2026.TREATIES-XVIII.16"),
    note: option(text('a note'), '<text>', 'a note'),
    replace: flag('replace a stored action of the same kind on another date'),
    dryRun: flag('say what would change, change nothing'),
    ...FORMAT_OPTIONS,
  },
  examples: [
    ['treaty record "Viet Nam" ratification 2026-06-15 --source https://treaties.un.org/ --reference C.N.123.2026.TREATIES-XVIII.16', 'a ratification, with the depositary notification'],
    ['treaty record Qatar domestic_approval 2026-03-02 --source https://www.example.gov/news --dry-run', 'what a domestic step would add, without adding it'],
  ],
  async run(o, a, { ctx, commandLine }) {
    const { record } = await import('./record.js');
    return record(ctx, {
      db: o.db, treaty: o.treaty ?? DEFAULT_TREATY, participant: a.participant, action: a.action, date: a.date, source: o.source,
      reference: o.reference ?? null, note: o.note ?? null, replace: o.replace, dryRun: o.dryRun, command: commandLine,
    });
  },
});
