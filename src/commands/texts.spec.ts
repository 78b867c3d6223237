import { TEXT_FILTER_KINDS } from '../domain/depositary-texts.js';
import { parseColumns } from '../formats/columns.js';
import { arg, defineCommand, LIST_OPTIONS, listOption, option } from '../options-spec.js';
import { choice, participant, text, treaty } from '../options.js';

export const textsSpec = defineCommand({
  name: 'texts',
  summary: "the depositary's declarations, reservations and objections for a treaty, and its page's footnotes",
  args: { treaty: arg(treaty(), 'treaty id or alias') },
  options: {
    participant: option(participant(), '<name>', 'only what this participant declared, reserved or objected, and the footnotes its rows cite'),
    kind: listOption(choice(TEXT_FILTER_KINDS), '<list>', 'only these kinds'),
    grep: option(text('a word'), '<word>', 'only texts holding this word (ignoring case)'),
    ...LIST_OPTIONS,
  },
  columns: async () => (await import('./texts.js')).TEXTS_COLUMNS,
  examples: [
    ['treaty texts XVIII-7 --participant Algeria --kind reservation', 'what Algeria reserved'],
    ['treaty texts XVIII-7 --kind objection --grep Malaysia', "the objections to Malaysia's declaration"],
    ['treaty texts XVIII-7 --grep "article 13" --csv', 'every text that names article 13, for a spreadsheet'],
  ],
  notes: "Kept by treaty add from the status page; the kind is the one the page's heading gives (under no heading, the section's).\nA footnote has no participant of its own: cited_by lists the participants whose rows cite it.",
  async run(o, a, { ctx }) {
    const { texts, TEXTS_COLUMNS } = await import('./texts.js');
    return texts(ctx, { db: o.db, treaty: a.treaty, participant: o.participant, kinds: o.kind, grep: o.grep, columns: parseColumns(o.columns, TEXTS_COLUMNS) });
  },
});
