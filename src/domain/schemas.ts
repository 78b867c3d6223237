// zod schemas for everything that crosses a boundary: bundled data files, imports, treaty definitions.
// Read commands never load this module: the database holds rows that were checked on the way in.
import { z } from 'zod';
import { dateProblem, isIsoDate } from './dates.js';
import { MAX_FIELD_LENGTH, tooLongMessage } from './limits.js';
import { ruleProblems } from './condition-checks.js';
import { SOURCE_FORM, sourceItems } from './source.js';
import { ACTIONS, CONSENT_ACTIONS, DATE_PRECISIONS, PARTICIPANT_KINDS, REPORT_COUNTS, REPORT_GRADES, SIGNATURE_CLOSINGS, TEXT_KINDS, UN_GROUPS } from './vocabulary.js';

function dateMessage(input: unknown): string {
  const problem = typeof input === 'string' ? dateProblem(input) : null;
  return problem === 'not a real date' || problem === null ? `${JSON.stringify(input)} is not a real date like 2025-10-25` : `${JSON.stringify(input)}: ${problem}`;
}

export const IsoDateSchema = z
  .string({ error: 'expected a date like 2025-10-25' })
  .refine(isIsoDate, { error: (issue) => dateMessage(issue.input) });

const Url = z.url({ protocol: /^https?$/, error: 'expected an http(s) address' });

export { isHttpUrl } from './source.js';

/** Text of at most MAX_FIELD_LENGTH characters, checked before any other rule reads it. */
const boundedText = () => z.string().max(MAX_FIELD_LENGTH, { error: (issue) => tooLongMessage((issue.input as string).length) });

/** Every fact carries where it comes from, in the one form source.ts documents. */
export const SourceSchema = boundedText()
  .trim()
  .min(1, { error: 'a source is required' })
  .refine((s) => sourceItems(s) !== null, { error: `expected ${SOURCE_FORM}` });

export const DelaySchema = z.union([
  z.strictObject({ days: z.int().min(0) }),
  z.strictObject({ months: z.int().min(0), then: z.literal('first_of_next_month').optional() }),
  z.strictObject({ years: z.int().min(0) }),
]);

const WeightRowSchema = z.strictObject({
  code: z.string().regex(/^([A-Z]{3}|X[A-Z0-9]{2})$/, { error: 'expected an alpha-3 participant code such as VNM' }),
  /** Null where the table gives no figure: the participant counts toward a count, never toward the share. */
  weight: z.number().min(0).nullable(),
  source: SourceSchema.optional(),
  note: z.string().optional(),
});

/** A named weights table (emissions, tonnage, trade) with where its figures come from. */
export const WeightsTableSchema = z.strictObject({
  name: z.string().min(1),
  unit: z.string().min(1),
  source: SourceSchema,
  note: z.string().optional(),
  rows: z.array(WeightRowSchema).min(1),
});

const labelled = { label: z.string().min(1).optional(), text: z.string().min(1).optional() };

/**
 * One condition of entry into force; a rule's conditions are all required (all of). `count` and
 * `group` are today's threshold and group condition; a rule that lists none keeps them implicit.
 */
export const ConditionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('count'), at_least: z.int().min(1), ...labelled }),
  z.strictObject({ kind: z.literal('group'), group: z.string().min(1), at_least: z.int().min(1), ...labelled }),
  z.strictObject({ kind: z.literal('list'), name: z.string().min(1), participants: z.array(z.string().min(1)).min(1), ...labelled, source: SourceSchema.optional() }),
  z.strictObject({
    kind: z.literal('share'),
    name: z.string().min(1),
    at_least_percent: z.number().gt(0),
    weights: WeightsTableSchema,
    /**
     * A row that is the total of other rows (the EU's in the UNFCCC table). `members_rows`: only the
     * members' own rows count, each when that member consents; `aggregate_row`: the total counts once
     * the organization consents, and its members' rows then no longer add to it. Never both.
     */
    aggregate: z.strictObject({ code: z.string().min(1), members: z.array(z.string().min(1)).min(1), counts: z.enum(['members_rows', 'aggregate_row']) }).optional(),
    ...labelled,
  }),
  z.strictObject({
    kind: z.literal('relative'),
    treaty: z.string().min(1),
    as_of: IsoDateSchema,
    fraction: z.strictObject({ numerator: z.int().min(1), denominator: z.int().min(1) }),
    rounding: z.enum(['up', 'down', 'nearest']),
    ...labelled,
  }),
  z.strictObject({ kind: z.literal('earliest'), on: IsoDateSchema, applies_to: z.enum(['threshold', 'entry_into_force']), ...labelled }),
]);

export const RuleSchema = z.strictObject({
  threshold: z.int().min(1),
  counted_actions: z.array(z.enum(CONSENT_ACTIONS)).min(1),
  excluded_kinds: z.array(z.enum(PARTICIPANT_KINDS)),
  group_condition: z.strictObject({ group: z.string().min(1), at_least: z.int().min(1) }).nullable(),
  delay: DelaySchema,
  /** null: the source does not state when the treaty enters into force for a later party (unknown, not "never"). */
  later: z.strictObject({ delay: DelaySchema, not_before_entry_into_force: z.boolean() }).nullable(),
  denunciation: z.strictObject({ delay: DelaySchema }).nullable(),
  /** More conditions, all required with the threshold; absent in a rule of today's shape. */
  conditions: z.array(ConditionSchema).min(1).optional(),
  text: z.string().min(1),
  source: SourceSchema,
  note: z.string().optional(),
}).superRefine((rule, ctx) => {
  for (const problem of ruleProblems(rule)) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
});

/**
 * ISO 3166-1 alpha-3 (VNM), EUU for the EU, or X and two letters or digits (X01) for a participant with
 * no ISO code, such as a State that no longer exists.
 */
export const ParticipantCodeSchema = z.string().regex(/^([A-Z]{3}|X[A-Z0-9]{2})$/, { error: 'expected an alpha-3 participant code such as VNM' });

const CountsSchema = z.strictObject({
  date: IsoDateSchema,
  signatories: z.int().min(0).nullable(),
  parties: z.int().min(0).nullable(),
  /** Parties the depositary counted that day whose dates the data lacks: the total proves them parties from that day. */
  not_in_data: z.array(ParticipantCodeSchema).optional(),
  /**
   * Participants the data holds actions of that the depositary's counts leave out: a predecessor State
   * (its instruments, read from a footnote, still count for entry into force) or a signature or
   * instrument it shows in brackets (withdrawn or denounced since).
   */
  left_out: z.strictObject({ signatories: z.array(ParticipantCodeSchema), parties: z.array(ParticipantCodeSchema) }).optional(),
  source: SourceSchema,
  note: z.string().optional(),
});

export const TreatyIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
  error: 'expected letters, digits, dots, dashes or underscores',
});

export const TreatyDefinitionSchema = z
  .strictObject({
    id: TreatyIdSchema,
    aliases: z.array(z.string().min(1)),
    short_title: z.string().min(1),
    title: z.string().min(1),
    concluded: z.strictObject({ place: z.string().min(1), date: IsoDateSchema }),
    depositary: z.strictObject({
      name: z.string().min(1),
      reference: z.string().min(1),
      url: Url,
      status_xml: Url.optional(),
    }),
    signature: z.strictObject({
      opens_on: IsoDateSchema,
      closes_on: IsoDateSchema.nullable(),
      /** Absent: closes_on says it (a date, or null for no closing date). */
      closes: z.enum(SIGNATURE_CLOSINGS).optional(),
      text: z.string().min(1),
      source: SourceSchema,
    }),
    actions: z.array(z.enum(ACTIONS)).min(1),
    rule: RuleSchema,
    snapshot: CountsSchema,
    /** Counts the depositary published at other dates: each is checked against the actions. */
    counts: z.array(CountsSchema).optional(),
    /** Declarations, reservations and objections as the depositary's status page gives them. */
    depositary_texts: z
      .array(
        z.strictObject({
          kind: z.enum(TEXT_KINDS),
          participant: z.string(),
          /** The participant's code, where add matched the name. */
          code: ParticipantCodeSchema.optional(),
          heading: z.string().optional(),
          date: IsoDateSchema.optional(),
          text: z.string(),
        }),
      )
      .optional(),
    /** The footnotes of the status page's table, by number, as the depositary wrote them. */
    footnotes: z.array(z.strictObject({ index: z.string().min(1), text: z.string() })).optional(),
    /** The date of entry into force the depositary publishes, checked against the rule's result. */
    entry_into_force: z.strictObject({ date: IsoDateSchema, source: SourceSchema, note: z.string().optional() }).optional(),
  })
  .superRefine((t, ctx) => {
    if (t.signature.closes_on !== null && t.signature.closes_on < t.signature.opens_on) {
      ctx.addIssue({ code: 'custom', path: ['signature', 'closes_on'], message: 'closes before it opens' });
    }
    for (const action of t.rule.counted_actions) {
      if (!t.actions.includes(action)) {
        ctx.addIssue({ code: 'custom', path: ['rule', 'counted_actions'], message: `"${action}" is counted but not in "actions"` });
      }
    }
  });

export type TreatyDefinition = z.infer<typeof TreatyDefinitionSchema>;

const optionalText = boundedText()
  .transform((s) => (s.trim() === '' ? null : s))
  .nullable()
  .optional()
  .transform((s) => s ?? null);

export const ParticipantRowSchema = z.strictObject({
  code: ParticipantCodeSchema,
  iso2: z
    .string()
    .regex(/^([A-Z]{2})?$/, { error: 'expected an ISO 3166-1 alpha-2 code such as VN' })
    .transform((s) => (s === '' ? null : s)),
  name: z.string().min(1),
  short_name: z.string().min(1),
  aliases: z.string(),
  kind: z.enum(PARTICIPANT_KINDS),
  un_group: z.enum(UN_GROUPS),
  groups: z.string().regex(/^([a-z_]+(;[a-z_]+)*)?$/, { error: 'expected group ids separated by ";"' }),
  source: SourceSchema,
  note: optionalText,
});
export type ParticipantRow = z.output<typeof ParticipantRowSchema>;

export const ActionRowSchema = z.strictObject({
  treaty: TreatyIdSchema,
  code: ParticipantCodeSchema,
  action: z.enum(ACTIONS, { error: (issue) => `unknown action ${JSON.stringify(issue.input)}` }),
  date: IsoDateSchema,
  reference: optionalText,
  source: SourceSchema,
  note: optionalText,
});
export type ActionRow = z.output<typeof ActionRowSchema>;

const optionalDate = z
  .string()
  .refine((s) => s === '' || isIsoDate(s), { error: (issue) => dateMessage(issue.input) })
  .transform((s) => (s === '' ? null : s));

/**
 * What the depositary publishes of a party whose consent date is unknown: its date of entry into
 * force (`in_force_on`), or else a date by which a source shows it a party (`party_by`).
 */
export const PublishedRowSchema = z
  .strictObject({
    treaty: TreatyIdSchema,
    code: ParticipantCodeSchema,
    consent_type: z
      .enum([...CONSENT_ACTIONS, ''], { error: (issue) => `unknown consent type ${JSON.stringify(issue.input)}` })
      .transform((s) => (s === '' ? null : s)),
    in_force_on: optionalDate,
    party_by: optionalDate,
    source: SourceSchema,
    note: optionalText,
  })
  .refine((r) => (r.in_force_on === null) !== (r.party_by === null), { error: 'give either in_force_on or party_by' });
export type PublishedRow = z.output<typeof PublishedRowSchema>;

/**
 * A count or an event claimed by a source that is not the depositary: shown beside the facts, never
 * counted. `date` is the day the claim holds by (for "by May 2026", 2026-05-31 with precision month).
 */
export const ReportRowSchema = z
  .strictObject({
    treaty: TreatyIdSchema,
    date: IsoDateSchema,
    precision: z.enum(DATE_PRECISIONS, { error: (issue) => `unknown precision ${JSON.stringify(issue.input)}: expected day, month or year` }),
    claim: z.enum([...REPORT_COUNTS, ...ACTIONS], { error: (issue) => `unknown claim ${JSON.stringify(issue.input)}: expected signatories, parties or an action` }),
    code: z.string().transform((s) => (s.trim() === '' ? null : s.trim())).pipe(ParticipantCodeSchema.nullable()),
    count: z
      .string()
      .refine((s) => /^\d*$/.test(s.trim()), { error: 'expected a whole number' })
      .transform((s) => (s.trim() === '' ? null : Number(s))),
    grade: z.enum(REPORT_GRADES, { error: (issue) => `a report needs a grade: ${REPORT_GRADES.join(', ')} (got ${JSON.stringify(issue.input)})` }),
    source: SourceSchema,
    note: optionalText,
  })
  .superRefine((r, ctx) => {
    const isCount = (REPORT_COUNTS as readonly string[]).includes(r.claim);
    if (isCount && r.count === null) ctx.addIssue({ code: 'custom', path: ['count'], message: `a report of ${r.claim} needs its count` });
    if (isCount && r.code !== null) ctx.addIssue({ code: 'custom', path: ['code'], message: `a report of ${r.claim} is about no one participant: leave code empty` });
    if (!isCount && r.code === null) ctx.addIssue({ code: 'custom', path: ['code'], message: `a report of a ${r.claim} needs the participant's code` });
    if (!isCount && r.count !== null) ctx.addIssue({ code: 'custom', path: ['count'], message: `a report of a ${r.claim} has no count` });
  });
export type ReportRow = z.output<typeof ReportRowSchema>;

/** "rule.delay: …": the first issue of a failed parse, as one line. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}
