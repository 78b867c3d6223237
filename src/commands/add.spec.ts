import { date, instrumentCount, integer, path, text, url } from '../options.js';
import { arg, defineCommand, flag, FORMAT_OPTIONS, option, repeatedOption } from '../options-spec.js';

const count = () => integer(0, 9999);

export const addSpec = defineCommand({
  name: 'add',
  writes: true,
  summary: "add a treaty from the UN Treaty Collection's status page (MTDSG XML)",
  args: { file: arg(path(), 'the .xml status page') },
  options: {
    source: option(url(), '<url>', "where the page comes from (default: the treaty's page at treaties.un.org)"),
    threshold: option(instrumentCount(), '<n>', 'instruments needed for entry into force'),
    days: option(count(), '<d>', 'entry into force this many days after the threshold instrument'),
    months: option(count(), '<m>', '...or this many months after it'),
    firstOfMonth: flag('with --months: then the first day of the next month'),
    laterDays: option(count(), '<d>', 'for a later party: days after its own instrument (default: the same delay)'),
    rule: option(path(), '<file>', 'the rule as JSON (the "rule" object of data/treaties/*.json) instead'),
    alias: repeatedOption(text('a name'), '<name>', 'another name for the treaty'),
    shortTitle: option(text('a title'), '<text>', 'a short title (default: the page title)'),
    snapshotDate: option(date(), '<date>', 'the date the data is as of (default: the latest date on the page, which states none)'),
    dryRun: flag('say what would be added, change nothing'),
    ...FORMAT_OPTIONS,
  },
  examples: [
    ['treaty add XXVI-8.en.xml --threshold 50 --days 90 --alias att --snapshot-date 2018-01-15', 'the Arms Trade Treaty: the 50th instrument, then 90 days'],
    ['treaty add XVIII-12.en.xml --threshold 40 --days 90 --later-days 30 --alias palermo --dry-run', 'the Palermo Convention (UNTOC, art. 38), shown and not stored'],
  ],
  notes: "The header's counts and its date of entry into force are checked against the table and the rule.\nParticipants the database does not know (a State that no longer exists) are added under an X code.",
  async run(o, a, { ctx, commandLine }) {
    const { addTreaty } = await import('./add.js');
    return addTreaty(ctx, {
      db: o.db, file: a.file, source: o.source, aliases: o.alias, shortTitle: o.shortTitle, ruleFile: o.rule, threshold: o.threshold, days: o.days,
      months: o.months, firstOfMonth: o.firstOfMonth, laterDays: o.laterDays, snapshotDate: o.snapshotDate, dryRun: o.dryRun, command: commandLine,
    });
  },
});
