// Where a treaty and each of its participants stand as of a date (DESIGN §3).
import { daysBetween, type IsoDate } from './dates.js';
import { applyDelay } from './delay.js';
import { entryIntoForce, participantEntryIntoForce, type EntryIntoForce } from './entry-into-force.js';
import type { ActionRow, Participant, TreatyDefinition } from './model.js';
import type { EntryIntoForceState, ParticipantStatus } from './vocabulary.js';

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
}

export interface TreatyStatus {
  treaty: string;
  title: string;
  short_title: string;
  as_of: IsoDate;
  data_as_of: IsoDate;
  data_age_days: number;
  data_stale: boolean;
  signatories: number;
  consents: number;
  counted: number;
  threshold: number;
  remaining: number;
  threshold_reached_on: IsoDate | null;
  entry_into_force: { state: EntryIntoForceState; date: IsoDate | null; days_until: number | null };
  signature: { opens_on: IsoDate; closes_on: IsoDate | null; open: boolean; days_left: number | null };
  projection: null;
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
  eif: EntryIntoForce = entryIntoForce(treaty.rule, participants, actionsUpTo(actions, asOf)),
): ParticipantState[] {
  const known = actionsUpTo(actions, asOf);
  const signedOn = new Map<string, IsoDate>();
  const denouncedOn = new Map<string, IsoDate>();
  for (const a of known) {
    if (a.action === 'signature') keepEarliest(signedOn, a.code, a.date);
    if (a.action === 'denunciation' && treaty.rule.denunciation) {
      keepEarliest(denouncedOn, a.code, applyDelay(a.date, treaty.rule.denunciation.delay));
    }
  }
  const consentOf = new Map(eif.consents.map((c) => [c.code, c]));
  // Every known participant has a row (status none when it has done nothing); an action by a code
  // missing from the map still shows, under its code.
  const codes = new Set([...participants.keys(), ...signedOn.keys(), ...consentOf.keys(), ...denouncedOn.keys()]);
  const states: ParticipantState[] = [];
  for (const code of codes) {
    const p = participants.get(code);
    const consent = consentOf.get(code);
    const inForceOn = consent ? participantEntryIntoForce(treaty.rule, eif, consent.date) : null;
    const denounced = denouncedOn.get(code) ?? null;
    let status: ParticipantStatus = 'signed';
    if (denounced !== null && denounced <= asOf) status = 'denounced';
    else if (inForceOn !== null && inForceOn <= asOf) status = 'in_force';
    else if (consent) status = 'consented';
    else if (!signedOn.has(code)) status = 'none';
    states.push({
      code,
      name: p?.name ?? code,
      kind: p?.kind ?? 'state',
      un_group: p?.un_group ?? 'none',
      signed_on: signedOn.get(code) ?? null,
      consent_on: consent?.date ?? null,
      consent_type: consent?.action ?? null,
      in_force_on: inForceOn,
      denounced_on: denounced,
      status,
    });
  }
  return states.sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

export function treatyStatus(
  treaty: TreatyDefinition,
  participants: ReadonlyMap<string, Participant>,
  actions: readonly ActionRow[],
  asOf: IsoDate,
): TreatyStatus {
  const known = actionsUpTo(actions, asOf);
  const eif = entryIntoForce(treaty.rule, participants, known);
  const states = participantStates(treaty, participants, known, asOf, eif);
  const eifOn = eif.entry_into_force_on;
  const state: EntryIntoForceState = eifOn === null ? 'pending' : eifOn <= asOf ? 'in_force' : 'scheduled';
  const { opens_on, closes_on } = treaty.signature;
  const open = opens_on <= asOf && (closes_on === null || asOf <= closes_on);
  const age = daysBetween(treaty.snapshot.date, asOf);
  return {
    treaty: treaty.id,
    title: treaty.title,
    short_title: treaty.short_title,
    as_of: asOf,
    data_as_of: treaty.snapshot.date,
    data_age_days: age,
    data_stale: age > STALE_AFTER_DAYS,
    signatories: states.filter((s) => s.signed_on !== null).length,
    consents: eif.consents.length,
    counted: eif.counted,
    threshold: treaty.rule.threshold,
    remaining: eif.remaining,
    threshold_reached_on: eif.threshold_reached_on,
    entry_into_force: { state, date: eifOn, days_until: state === 'scheduled' ? daysBetween(asOf, eifOn!) : null },
    // days_left is 0 on the closing day itself, which is still a day to sign on.
    signature: { opens_on, closes_on, open, days_left: open && closes_on !== null ? daysBetween(asOf, closes_on) : null },
    projection: null,
  };
}
