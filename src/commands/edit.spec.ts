import { date, dateOr, instrumentCount, integer, path, text, url } from '../options.js';
import { arg, defineCommand, flag, FORMAT_OPTIONS, option, repeatedOption } from '../options-spec.js';
import { treaty } from '../options.js';

const count = () => integer(0, 9999);

export const editSpec = defineCommand({
  name: 'edit',
  writes: true,
  summary: "change a treaty's rule, titles, aliases, signature window or status-page address",
  args: { treaty: arg(treaty(), 'treaty id or alias') },
  options: {
    threshold: option(instrumentCount(), '<n>', 'instruments needed for entry into force'),
    days: option(count(), '<d>', 'entry into force this many days after the threshold instrument'),
    months: option(count(), '<m>', '...or this many months after it'),
    firstOfMonth: flag('with --months: then the first day of the next month'),
    laterDays: option(count(), '<d>', 'for a later party: days after its own instrument'),
    rule: option(path(), '<file>', 'the whole rule as JSON (the "rule" object of data/treaties/*.json) instead'),
    title: option(text('a title'), '<text>', 'the full title'),
    shortTitle: option(text('a title'), '<text>', 'the short title'),
    alias: repeatedOption(text('a name'), '<name>', 'another name for the treaty'),
    removeAlias: repeatedOption(text('a name'), '<name>', 'a name to take away'),
    opens: option(date(), '<date>', 'the day signature opened'),
    closes: option(dateOr(['unknown', 'none'] as const), '<date>', 'the last day of signature; unknown (not stated), or none (no closing date)'),
    statusPage: option(url(), '<url>', 'the address of the status page (XML) that treaty sync reads'),
    dryRun: flag('say what would change, change nothing'),
    ...FORMAT_OPTIONS,
  },
  examples: [
    ['treaty edit XXVI-9 --later-days 90', 'a later party: 90 days after its own instrument, which the page did not say'],
    ['treaty edit att --closes 2014-12-23 --alias arms-trade', 'the signature window as the treaty says, and another name'],
  ],
  notes: 'Logged like every write: treaty undo reverses it, and treaty db update keeps what was edited.',
  async run(o, a, { ctx, commandLine }) {
    const { editTreatyCommand } = await import('./edit.js');
    return editTreatyCommand(ctx, {
      db: o.db, treaty: a.treaty, threshold: o.threshold, days: o.days, months: o.months, firstOfMonth: o.firstOfMonth, laterDays: o.laterDays, ruleFile: o.rule,
      title: o.title, shortTitle: o.shortTitle, addAliases: o.alias, removeAliases: o.removeAlias, opens: o.opens, closes: o.closes, statusPage: o.statusPage, dryRun: o.dryRun, command: commandLine,
    });
  },
});
