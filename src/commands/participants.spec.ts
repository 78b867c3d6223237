import { PARTICIPANT_KINDS, PARTICIPANT_STATUSES } from '../domain/vocabulary.js';
import { parseColumns } from '../formats/columns.js';
import { choice, group } from '../options.js';
import { DEFAULT_TREATY, defineCommand, flag, LIST_OPTIONS, listOption, option } from '../options-spec.js';
import type { ParticipantSort } from './participants.js';

const SORTS = ['name', 'signed_on', 'consent_on'] as const satisfies readonly ParticipantSort[];

export const participantsSpec = defineCommand({
  name: 'participants',
  summary: 'who signed, who consented, and when; with --all, who has done nothing',
  args: {},
  options: {
    status: listOption(choice(PARTICIPANT_STATUSES), '<list>', 'only these statuses'),
    group: listOption(group(), '<name>', 'only this UN regional group or membership'),
    kind: listOption(choice(PARTICIPANT_KINDS), '<list>', 'only these kinds'),
    all: flag('also list participants that have taken no action (status none)'),
    sort: option(choice(SORTS), '<key>', 'sort by this column (default: name)'),
    ...LIST_OPTIONS,
  },
  columns: async () => (await import('./participants.js')).PARTICIPANT_COLUMNS,
  examples: [
    ['treaty participants --status signed', 'who has signed but not ratified'],
    ['treaty participants --all --status none --group African', 'which African States have not signed'],
    ['treaty participants --csv > participants.csv', 'for a spreadsheet'],
    ['treaty participants --sort consent_on --status consented,in_force', 'the instruments in the order they came'],
  ],
  async run(o, _a, { ctx }) {
    const { participants, PARTICIPANT_COLUMNS } = await import('./participants.js');
    const columns = parseColumns(o.columns, PARTICIPANT_COLUMNS);
    return participants(ctx, { db: o.db, treaty: o.treaty ?? DEFAULT_TREATY, asOf: o.asOf, statuses: o.status, groups: o.group, kinds: o.kind, all: o.all, sort: o.sort ?? 'name', columns });
  },
});
