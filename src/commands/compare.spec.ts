import { PARTICIPANT_KINDS, PARTICIPANT_STATUSES } from '../domain/vocabulary.js';
import { choice, group, treaty } from '../options.js';
import { arg, defineCommand, flag, LIST_OPTIONS, listOption } from '../options-spec.js';

export const compareSpec = defineCommand({
  name: 'compare',
  summary: 'participant by participant, the status in two treaties',
  args: { first: arg(treaty(), 'a treaty id or alias, e.g. hanoi'), second: arg(treaty(), 'another, e.g. budapest') },
  options: {
    firstStatus: listOption(choice(PARTICIPANT_STATUSES), '<list>', 'only participants with these statuses in the first treaty'),
    secondStatus: listOption(choice(PARTICIPANT_STATUSES), '<list>', 'only participants with these statuses in the second treaty'),
    group: listOption(group(), '<name>', 'only this UN regional group or membership'),
    kind: listOption(choice(PARTICIPANT_KINDS), '<list>', 'only these kinds'),
    all: flag('also list participants with no action in either treaty'),
    ...LIST_OPTIONS,
  },
  examples: [
    ['treaty compare hanoi budapest', 'who stands where in each'],
    ['treaty compare hanoi budapest --first-status signed,consented,in_force --second-status none', 'signed the Hanoi Convention, no action yet on Budapest'],
    ['treaty compare hanoi budapest --second-status in_force --first-status none', 'party to Budapest, has not signed Hanoi'],
  ],
  notes: 'Columns: code, name, kind, un_group, then the status in each treaty and its date of entry into force for\nthe participant (<id>, <id>_in_force_on).',
  async run(o, a, { ctx }) {
    const { compare } = await import('./compare.js');
    return compare(ctx, {
      db: o.db, asOf: o.asOf, first: a.first, second: a.second, firstStatuses: o.firstStatus, secondStatuses: o.secondStatus,
      groups: o.group, kinds: o.kind, all: o.all, columns: o.columns?.join(','),
    });
  },
});
