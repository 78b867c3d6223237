// treaty add: the conditions the status page states in words (a named list, an earliest date) joined
// to the rule, and every condition checked against the participants and treaties it names, before
// anything is stored.
import { referenceProblems } from '../domain/condition-checks.js';
import { conditionsOf, type Condition } from '../domain/conditions.js';
import type { IsoDate } from '../domain/dates.js';
import type { Participant, Rule } from '../domain/model.js';
import { buildNameIndex, resolveParticipant } from '../domain/names.js';
import { describeIssue, RuleSchema } from '../domain/schemas.js';
import { UserError } from '../errors.js';
import { andSplits, readEarliestWords, readListWords } from '../formats/condition-words.js';
import type { MtdsgDocument } from '../formats/mtdsg.js';

export interface PageConditionInput {
  doc: MtdsgDocument;
  rule: Rule;
  opensOn: IsoDate;
  /** Where the rule comes from (the rule file, else the page), for messages. */
  file: string;
  pageFile: string;
  participants: ReadonlyMap<string, Participant>;
  /** The code each name of the page's table was given. */
  codeOf: ReadonlyMap<string, string>;
  treaties: ReadonlySet<string>;
  /** The rule's threshold was taken from the list's length before its names were read. */
  thresholdFromList: boolean;
}

/**
 * The page's words name a share ("55 per cent of the total global greenhouse gas emissions") that
 * the rule lacks: said, not guessed, since only a weights table can count it.
 */
export function unreadShare(doc: MtdsgDocument, rule: Rule): string | null {
  if ((rule.conditions ?? []).some((c) => c.kind === 'share')) return null;
  const m = /\b(\d+(?:\.\d+)?) per ?cent of (?:the )?([a-z ]{3,60}?)(?=[,.;)]| have| has| as | in )/i.exec(doc.eif.text.replace(/\s+/g, ' '));
  return m ? `the page's words ask for ${m[1]}% of ${m[2]!.trim()}, which this rule does not count: give it as a share condition with its weights table in --rule FILE (see examples/paris-agreement.rule.json)` : null;
}

export function pageConditions(input: PageConditionInput): Rule {
  const { doc, rule } = input;
  let out = rule;
  const given = rule.conditions ?? [];
  const extra: Condition[] = [];
  const list = readListWords(doc.eif.text);
  if (list && !given.some((c) => c.kind === 'list')) {
    const index = buildNameIndex(input.participants.values());
    const codeOfName = (name: string): string | null => {
      const onPage = input.codeOf.get(name);
      if (onPage) return onPage;
      const found = resolveParticipant(name, index);
      if (found.kind === 'ambiguous') throw new UserError(`${input.pageFile}: ${list.name} names "${name}", which fits several participants: ${found.candidates.map((p) => p.code).join(', ')}`);
      return found.kind === 'found' ? found.participant.code : null;
    };
    const codes = list.names.flatMap((name) => {
      const code = codeOfName(name);
      if (code) return [code];
      // "Viet Nam and Zaire": the clause's last two names, joined by its "and".
      for (const [left, right] of andSplits(name)) {
        const pair = [codeOfName(left), codeOfName(right)];
        if (pair[0] && pair[1]) return pair as string[];
      }
      const found = resolveParticipant(name, index);
      const hint = found.kind === 'unknown' && found.suggestions.length ? `did you mean "${found.suggestions[0]!.name}"?` : undefined;
      throw new UserError(`${input.pageFile}: ${list.name} names "${name}", which is no known participant`, hint);
    });
    extra.push({ kind: 'list', name: list.name, participants: codes, text: list.text });
    // With no number given, the rule's number of instruments is the list's own: all of them.
    if (input.thresholdFromList) out = { ...out, threshold: codes.length };
  }
  // The first signature on the page is the day the treaty was open for signature, which can come
  // after the date of adoption that the header gives (a treaty adopted, then opened two weeks later).
  const firstSignature = doc.rows.flatMap((r) => r.actions.flatMap((a) => (a.action === 'signature' ? [a.date] : []))).sort()[0];
  const earliest = readEarliestWords(doc.eif.text, firstSignature ?? input.opensOn);
  if (earliest && !given.some((c) => c.kind === 'earliest')) extra.push({ kind: 'earliest', on: earliest.on, applies_to: earliest.applies_to, text: earliest.text });
  if (extra.length) {
    const parsed = RuleSchema.safeParse({ ...out, conditions: [...given, ...extra] });
    if (!parsed.success) throw new UserError(`${input.pageFile}: the conditions its words state: ${describeIssue(parsed.error)}`);
    out = parsed.data;
  }
  const onPage = [...new Set(input.codeOf.values())];
  const problems = referenceProblems(conditionsOf(out), {
    participant: (c) => input.participants.has(c),
    treaty: (t) => input.treaties.has(t),
    groupSize: (g) => [...input.participants.values()].filter((p) => p.groups.includes(g)).length,
  }, onPage);
  // The paths count the rule file's own conditions: the implicit ones come first in conditionsOf.
  const shift = conditionsOf(out).length - (out.conditions?.length ?? 0);
  const first = problems[0];
  if (first) {
    const [head, i, ...rest] = first.path;
    const path = head === 'conditions' && typeof i === 'number' ? ['conditions', i - shift, ...rest] : first.path;
    throw new UserError(`${input.file}: ${path.join('.')}: ${first.message}`);
  }
  return out;
}
