// The rule engine: from a treaty's rule and the actions taken up to a date, when the threshold
// is met, when the treaty enters into force, and when it does so for each participant.
import { laterOf, type IsoDate } from './dates.js';
import { applyDelay } from './delay.js';
import { conditionsOf, evaluateCondition, type ConditionEnv, type ConditionProgress } from './conditions.js';
import type { ActionRow, Participant, Rule } from './model.js';

export interface Consent {
  code: string;
  date: IsoDate;
  action: ActionRow['action'];
  counted: boolean;
}

export interface EntryIntoForce {
  /** Every consent, first deposited first. */
  consents: Consent[];
  counted: number;
  /** Counted consents of participants in the rule's group, when the rule has a group condition. */
  counted_in_group: number | null;
  remaining: number;
  threshold_reached_on: IsoDate | null;
  /** The consent that met the threshold. */
  decisive: Consent | null;
  entry_into_force_on: IsoDate | null;
  /** Each condition of the rule, in the rule's order: the date it was met and how far along it is. */
  conditions: ConditionProgress[];
}

/** Does this consent count toward the threshold? An excluded kind (the EU) never adds to its members'. */
export function isCounted(rule: Rule, action: ActionRow['action'], participant: Participant | undefined): boolean {
  if (!(rule.counted_actions as readonly string[]).includes(action)) return false;
  return participant !== undefined && !rule.excluded_kinds.includes(participant.kind);
}

/** The first consent of each participant, in order of deposit (same day: by code, so the order is stable). */
export function firstConsents(rule: Rule, participants: ReadonlyMap<string, Participant>, actions: readonly ActionRow[]): Consent[] {
  const byCode = new Map<string, Consent>();
  for (const a of actions) {
    if (!(rule.counted_actions as readonly string[]).includes(a.action)) continue;
    const seen = byCode.get(a.code);
    if (seen && seen.date <= a.date) continue;
    byCode.set(a.code, { code: a.code, date: a.date, action: a.action, counted: isCounted(rule, a.action, participants.get(a.code)) });
  }
  return [...byCode.values()].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
}

export function entryIntoForce(
  rule: Rule,
  participants: ReadonlyMap<string, Participant>,
  actions: readonly ActionRow[],
  env: ConditionEnv = {},
): EntryIntoForce {
  const consents = firstConsents(rule, participants, actions);
  const conditions = conditionsOf(rule).map((c) => evaluateCondition(c, consents, participants, env));
  const bounding = conditions.filter((c) => c.applies_to !== 'entry_into_force');
  const met = bounding.every((c) => c.met_on !== null);
  // The threshold is met the day the last condition is; a consent on that day is the decisive one.
  let last: ConditionProgress | null = null;
  if (met) for (const c of bounding) if (last === null || c.met_on! > last.met_on! || (c.met_on === last.met_on && last.decisive === null)) last = c;
  const thresholdOn = last?.met_on ?? null;
  const decisive = last?.decisive ? consents.find((c) => c.code === last.decisive!.code) ?? null : null;
  const group = conditions.find((c) => c.kind === 'group');
  const counted = consents.filter((c) => c.counted).length;
  // Instruments still needed at least: the largest shortfall of a counting condition, and one
  // more where only a share is short (how many depends on whose instruments come).
  const shortfall = Math.max(0, ...conditions.map((c) => (c.need !== null && c.have !== null ? c.need - c.have : 0)));
  const remaining = met ? 0 : Math.max(shortfall, conditions.some((c) => c.kind === 'share' && c.met_on === null) ? 1 : 0);
  let eifOn = thresholdOn === null ? null : applyDelay(thresholdOn, rule.delay);
  for (const c of conditions) if (eifOn !== null && c.applies_to === 'entry_into_force') eifOn = laterOf(eifOn, c.met_on!);
  return {
    consents,
    counted,
    counted_in_group: group ? group.have : null,
    remaining,
    threshold_reached_on: thresholdOn,
    decisive,
    entry_into_force_on: eifOn,
    conditions,
  };
}

/**
 * When the treaty enters into force for one participant that consented on `consentOn`:
 * with the treaty itself if it consented by the day the threshold was met, else after the rule's
 * delay for later parties (not before the treaty's own entry into force, where the rule says so).
 */
export function participantEntryIntoForce(rule: Rule, eif: EntryIntoForce, consentOn: IsoDate): IsoDate | null {
  if (eif.threshold_reached_on === null || eif.entry_into_force_on === null) return null;
  if (consentOn <= eif.threshold_reached_on) return eif.entry_into_force_on;
  // A rule read from a page that quotes only the treaty's own clause: the later party's date is unknown.
  if (rule.later === null) return null;
  const own = applyDelay(consentOn, rule.later.delay);
  return rule.later.not_before_entry_into_force ? laterOf(own, eif.entry_into_force_on) : own;
}
