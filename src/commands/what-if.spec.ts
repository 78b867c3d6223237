import { UsageError } from '../errors.js';
import { date, deposit, integer } from '../options.js';
import { DEFAULT_TREATY, defineCommand, FORMAT_OPTIONS, option, repeatedOption } from '../options-spec.js';

const INSTRUMENTS = ['ratification', 'acceptance', 'approval', 'accession'] as const;

export const whatIfSpec = defineCommand({
  name: 'what-if',
  summary: 'status as it would be after hypothetical deposits; nothing is stored',
  args: {},
  options: {
    deposit: repeatedOption(deposit(INSTRUMENTS, 'ratification'), '<participant:date[:action]>', 'a hypothetical deposit, e.g. "Qatar:2026-12-15" (action default ratification)'),
    add: option(integer(1, 999), '<n>', 'N deposits by participants not named...'),
    on: option(date(), '<date>', '...on this date'),
    pipeline: option(date(), '<date>', 'every signatory that has taken a domestic step (approval, law, announcement) deposits on this date'),
    ...FORMAT_OPTIONS,
  },
  examples: [
    ['treaty what-if --deposit "Qatar:2026-12-15"', 'the status if Qatar deposited then'],
    ['treaty what-if --deposit "Qatar:2026-12-15" --deposit "Viet Nam:2027-01-10:approval"', 'two instruments, one of them an approval'],
    ['treaty what-if --add 38 --on 2027-06-30 --json', '38 more instruments by the end of June 2027'],
  ],
  notes: 'Evaluated as of the latest hypothetical date (or --as-of), with the same engine as status.',
  async run(o, _a, { ctx }) {
    if ((o.add === undefined) !== (o.on === undefined)) throw new UsageError('--add and --on go together: --add 5 --on 2027-01-01');
    const { whatIf } = await import('./what-if.js');
    const anonymous = o.add === undefined || o.on === undefined ? undefined : { count: o.add, on: o.on };
    return whatIf(ctx, { db: o.db, treaty: o.treaty ?? DEFAULT_TREATY, asOf: o.asOf, deposits: o.deposit, anonymous, pipeline: o.pipeline });
  },
});
