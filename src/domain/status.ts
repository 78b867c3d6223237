// Where a treaty and each of its participants stand as of a date (DESIGN §3).
import { dataStale, datesUnknown, entryIntoForceDiffers, laterRuleUnknown, projectionRefused, type Check } from './checks.js';
import { addDays, daysBetween, type IsoDate } from './dates.js';
import { applyDelay } from './delay.js';
import { conditionsOf, conditionStatuses, type ConditionEnv, type ConditionStatus } from './conditions.js';
import { entryIntoForce, participantEntryIntoForce, type EntryIntoForce } from './entry-into-force.js';
import type { ActionRow, Participant, PublishedInForce, TreatyDefinition } from './model.js';
import { compareNames } from './nearest.js';
import { partyProofs } from './party-proof.js';
import { project, type Projection, type ProjectionReason } from './projection.js';
import { latestCountReports, type Report } from './reports.js';
import { DOMESTIC_ACTIONS, type EntryIntoForceState, type ParticipantStatus, type SignatureClosing } from './vocabulary.js';

/** Days after which a snapshot is called stale. */
export const STALE_AFTER_DAYS = 30;

export interface ParticipantState {
  code: string;
  name: string;
  kind: Participant['kind'];
  un_group: string;
  signed_on: IsoDate | null;
  consent_on: IsoDate | null;
  consent_type: string | null;
  in_force_on: IsoDate | null;
  denounced_on: IsoDate | null;
  status: ParticipantStatus;
  /** A source proves it a party, but none gives the date of its consent: consent_on is null for want of a date, not of a consent. */
  date_unknown: boolean;
  /** When date_unknown: the first date a source proves it a party (it is counted from then). */
  party_by: IsoDate | null;
  /** The latest domestic step (approval, law, announcement) by the as-of date, and its date. */
  latest_step: string | null;
  latest_step_on: IsoDate | null;
}

export interface TreatyStatus {
  treaty: string;
  title: string;
  short_title: string;
  as_of: IsoDate;
  data_as_of: IsoDate;
  /** Days from data_as_of to as_of; 0 when the as-of date is on or before data_as_of (the data covers it). */
  data_age_days: number;
  data_stale: boolean;
  signatories: number;
  consents: number;
  /** Signatories that have taken a domestic step but not deposited: the likely next instruments. */
  pipeline: number;
  counted: number;
  threshold: number;
  remaining: number;
  threshold_reached_on: IsoDate | null;
  entry_into_force: { state: EntryIntoForceState; date: IsoDate | null; days_until: number | null };
  /** open is null when the source does not say when signature closes (`closes: not_stated`). */
  signature: { opens_on: IsoDate; closes_on: IsoDate | null; closes: SignatureClosing; open: boolean | null; days_left: number | null };
  projection: Projection | null;
  /** Why there is no projection, when there is none. */
  projection_reason: ProjectionReason | null;
  /** The latest report of each count by a source that is not the depositary, dated after the data: shown, never counted. */
  reported: Report[];
  /** Warnings about the data as of this date; commands that compare the depositary's counts add those. */
  checks: Check[];
  /** Each condition of the rule with its progress, in the rule's order. */
  conditions: ConditionStatus[];
}

export interface StateOptions {
  /** In name order (the default); the status counts need no order, and sorting names costs start-up. */
  sorted?: boolean;
  /** The engine's result for these actions, when the caller has it already. */
  eif?: EntryIntoForce;
  /** Dates of entry into force the depositary publishes for parties whose consent date is unknown. */
  published?: readonly PublishedInForce[];
}

/** Deposited an instrument of consent: a party, in force for it or not yet, or one that has denounced since. */
export function hasConsented(s: Pick<ParticipantState, 'status'>): boolean {
  return s.status === 'consented' || s.status === 'in_force' || s.status === 'denounced';
}

/** Only what had happened by `asOf`: everything is computed as it stood that day. */
export function actionsUpTo(actions: readonly ActionRow[], asOf: IsoDate): ActionRow[] {
  return actions.filter((a) => a.date <= asOf);
}

function keepEarliest(map: Map<string, IsoDate>, code: string, date: IsoDate): void {
  const seen = map.get(code);
  if (seen === undefined || date < seen) map.set(code, date);
}

export function participantStates(
  treaty: TreatyDefinition,
  participants: ReadonlyMap<string, Participant>,
  actions: readonly ActionRow[],
  asOf: IsoDate,
  options: StateOptions = {},
): ParticipantState[] {
  const known = actionsUpTo(actions, asOf);
  const eif = options.eif ?? entryIntoForce(treaty.rule, participants, known);
  const signedOn = new Map<string, IsoDate>();
  const denouncedOn = new Map<string, IsoDate>();
  const latestStep = new Map<string, { action: string; date: IsoDate }>();
  for (const a of known) {
    if ((DOMESTIC_ACTIONS as readonly string[]).includes(a.action)) {
      const seen = latestStep.get(a.code);
      if (!seen || a.date >= seen.date) latestStep.set(a.code, { action: a.action, date: a.date });
    }
    if (a.action === 'signature') keepEarliest(signedOn, a.code, a.date);
    if (a.action === 'denunciation' && treaty.rule.denunciation) {
      keepEarliest(denouncedOn, a.code, applyDelay(a.date, treaty.rule.denunciation.delay));
    }
  }
  const consentOf = new Map(eif.consents.map((c) => [c.code, c]));
  // A party known only from the depositary shows from the first date a source proves it a party:
  // its consent came earlier, on a day nobody could source.
  const publishedOf = new Map([...partyProofs(treaty, options.published ?? []).values()].filter((p) => p.from <= asOf).map((p) => [p.code, p]));
  // Every known participant has a row (status none when it has done nothing); an action by a code
  // missing from the map still shows, under its code.
  const codes = new Set([...participants.keys(), ...signedOn.keys(), ...consentOf.keys(), ...denouncedOn.keys(), ...publishedOf.keys()]);
  const states: ParticipantState[] = [];
  for (const code of codes) {
    const p = participants.get(code);
    const consent = consentOf.get(code);
    const published = consent ? undefined : publishedOf.get(code);
    const inForceOn = consent ? participantEntryIntoForce(treaty.rule, eif, consent.date) : (published?.in_force_on ?? null);
    // A party by a date consented by then, so the rule's delay for later parties bounds its entry into force.
    const inForceBy = inForceOn ?? (published && treaty.rule.later ? applyDelay(published.from, treaty.rule.later.delay) : null);
    const denounced = denouncedOn.get(code) ?? null;
    let status: ParticipantStatus = 'signed';
    // Only a party can denounce: a denunciation with no consent on record leaves the status as it is.
    if (denounced !== null && denounced <= asOf && (consent || published)) status = 'denounced';
    else if (inForceBy !== null && inForceBy <= asOf) status = 'in_force';
    else if (consent || published) status = 'consented';
    else if (!signedOn.has(code)) status = 'none';
    states.push({
      code,
      name: p?.name ?? code,
      kind: p?.kind ?? 'state',
      un_group: p?.un_group ?? 'none',
      signed_on: signedOn.get(code) ?? null,
      consent_on: consent?.date ?? null,
      consent_type: consent?.action ?? published?.consent_type ?? null,
      in_force_on: inForceOn,
      denounced_on: denounced,
      status,
      date_unknown: published !== undefined,
      party_by: published?.from ?? null,
      latest_step: latestStep.get(code)?.action ?? null,
      latest_step_on: latestStep.get(code)?.date ?? null,
    });
  }
  return options.sorted === false ? states : states.sort((a, b) => compareNames(a.name, b.name));
}

/**
 * Signatories and consents as of a date, and nothing else: what the depositary's published counts
 * are checked against, once for each count it published (Budapest has seven), so without the
 * projection, the conditions and the checks a full status computes. Equal to treatyStatus's.
 */
export function participantCounts(
  treaty: TreatyDefinition,
  participants: ReadonlyMap<string, Participant>,
  actions: readonly ActionRow[],
  asOf: IsoDate,
  published: readonly PublishedInForce[] = [],
): { signatories: number; consents: number } {
  const known = actionsUpTo(actions, asOf);
  const eif = entryIntoForce(treaty.rule, participants, known);
  let signatories = 0;
  let consents = 0;
  for (const s of participantStates(treaty, participants, known, asOf, { eif, published, sorted: false })) {
    if (s.signed_on !== null) signatories += 1;
    if (hasConsented(s)) consents += 1;
  }
  return { signatories, consents };
}

export function treatyStatus(
  treaty: TreatyDefinition,
  participants: ReadonlyMap<string, Participant>,
  actions: readonly ActionRow[],
  asOf: IsoDate,
  published: readonly PublishedInForce[] = [],
  env: ConditionEnv = {},
  reports: readonly Report[] = [],
): TreatyStatus {
  const known = actionsUpTo(actions, asOf);
  const eif = entryIntoForce(treaty.rule, participants, known, env);
  const states = participantStates(treaty, participants, known, asOf, { eif, published, sorted: false });
  // A party known only from the depositary may lack a consent type; its status says it consented.
  const withConsent = states.filter(hasConsented);
  const counted = withConsent.filter((s) => !treaty.rule.excluded_kinds.includes(s.kind)).length;
  const eifOn = eif.entry_into_force_on;
  const state: EntryIntoForceState = eifOn === null ? 'pending' : eifOn <= asOf ? 'in_force' : 'scheduled';
  const { opens_on } = treaty.signature;
  const closes = treaty.signature.closes ?? (treaty.signature.closes_on === null ? 'never' : 'on_date');
  // "Until its entry into force": the last day to sign is the day before, once that day is known.
  const closes_on = treaty.signature.closes_on ?? (closes === 'at_entry_into_force' && eifOn !== null ? addDays(eifOn, -1) : null);
  const open = closes === 'not_stated' ? null : opens_on <= asOf && (closes_on === null || asOf <= closes_on);
  // Asked as of a day the data already covers, the data is not behind the question: age 0, never negative.
  const age = Math.max(0, daysBetween(treaty.snapshot.date, asOf));
  // A pace of instruments says nothing of when a share or a named list will be complete.
  const countsOnly = conditionsOf(treaty.rule).every((c) => c.kind === 'count' || c.kind === 'group');
  const outlook: ReturnType<typeof project> =
    countsOnly || eif.threshold_reached_on !== null
      ? project({ rule: treaty.rule, opensOn: opens_on, asOf, dataAsOf: dataCoveredTo(treaty, known), counted: eif.counted, remaining: eif.remaining, thresholdReachedOn: eif.threshold_reached_on })
      : { projection: null, reason: { code: 'not_a_count', message: 'no pace of instruments projects a share, a list or a date' } };
  return {
    treaty: treaty.id,
    title: treaty.title,
    short_title: treaty.short_title,
    as_of: asOf,
    data_as_of: treaty.snapshot.date,
    data_age_days: age,
    data_stale: age > STALE_AFTER_DAYS,
    signatories: states.filter((s) => s.signed_on !== null).length,
    consents: withConsent.length,
    pipeline: states.filter((s) => s.status === 'signed' && s.latest_step !== null).length,
    counted,
    threshold: treaty.rule.threshold,
    remaining: eif.remaining,
    threshold_reached_on: eif.threshold_reached_on,
    entry_into_force: { state, date: eifOn, days_until: state === 'scheduled' ? daysBetween(asOf, eifOn!) : null },
    // days_left is 0 on the closing day itself, which is still a day to sign on.
    signature: { opens_on, closes_on, closes, open, days_left: open && closes_on !== null ? daysBetween(asOf, closes_on) : null },
    projection: outlook.projection,
    projection_reason: outlook.reason,
    reported: latestCountReports(reports, asOf, treaty.snapshot.date),
    checks: statusChecks(treaty, states, eifOn, asOf, age, outlook.reason),
    conditions: conditionStatuses(eif.conditions, participants, asOf),
  };
}

/**
 * The data covers at least up to its snapshot, and up to the latest signature or instrument recorded
 * since (a user who records deposits as they come keeps the data current without a new snapshot).
 */
export function dataCoveredTo(treaty: TreatyDefinition, known: readonly ActionRow[]): IsoDate {
  let to = treaty.snapshot.date;
  for (const a of known) if (a.date > to && (a.action === 'signature' || (treaty.rule.counted_actions as readonly string[]).includes(a.action))) to = a.date;
  return to;
}

function statusChecks(
  treaty: TreatyDefinition,
  states: readonly ParticipantState[],
  eifOn: IsoDate | null,
  asOf: IsoDate,
  age: number,
  reason: ProjectionReason | null,
): Check[] {
  const checks: Check[] = [];
  const depositary = treaty.entry_into_force?.date;
  // Before both dates there is nothing to disagree about yet.
  if (depositary !== undefined && (depositary <= asOf || eifOn !== null) && eifOn !== depositary) checks.push(entryIntoForceDiffers(depositary, eifOn));
  if (age > STALE_AFTER_DAYS) checks.push(dataStale(treaty.snapshot.date, age, STALE_AFTER_DAYS));
  const unknown = states.filter((s) => s.date_unknown && s.consent_on === null && s.in_force_on === null).map((s) => s.code).sort();
  if (unknown.length > 0) checks.push(datesUnknown(unknown));
  if (reason?.code === 'data_too_old') checks.push(projectionRefused(reason));
  // Parties whose instrument came after the threshold, where the rule gives no delay for them.
  if (treaty.rule.later === null && eifOn !== null) {
    const empty = states.filter((s) => s.consent_on !== null && s.in_force_on === null && s.status === 'consented').map((s) => s.code).sort();
    if (empty.length > 0) checks.push(laterRuleUnknown(empty));
  }
  return checks;
}
