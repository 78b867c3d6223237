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
import { readEarliestWords, readListWords } from '../formats/condition-words.js';
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
}

export function pageConditions(input: PageConditionInput): Rule {
  const { doc, rule } = input;
  const given = rule.conditions ?? [];
  const extra: Condition[] = [];
  const list = readListWords(doc.eif_text);
  if (list && !given.some((c) => c.kind === 'list')) {
    const index = buildNameIndex(input.participants.values());
    const codes = list.names.map((name) => {
      const onPage = input.codeOf.get(name);
      if (onPage) return onPage;
      const found = resolveParticipant(name, index);
      if (found.kind === 'found') return found.participant.code;
      if (found.kind === 'ambiguous') throw new UserError(`${input.pageFile}: ${list.name} names "${name}", which fits several participants: ${found.candidates.map((p) => p.code).join(', ')}`);
      throw new UserError(`${input.pageFile}: ${list.name} names "${name}", which is no known participant`, found.suggestions.length ? `did you mean "${found.suggestions[0]!.name}"?` : undefined);
    });
    extra.push({ kind: 'list', name: list.name, participants: codes, text: list.text });
  }
  const earliest = readEarliestWords(doc.eif_text, input.opensOn);
  if (earliest && !given.some((c) => c.kind === 'earliest')) extra.push({ kind: 'earliest', on: earliest.on, applies_to: earliest.applies_to, text: earliest.text });
  let out = rule;
  if (extra.length) {
    const parsed = RuleSchema.safeParse({ ...rule, conditions: [...given, ...extra] });
    if (!parsed.success) throw new UserError(`${input.pageFile}: the conditions its words state: ${describeIssue(parsed.error)}`);
    out = parsed.data;
  }
  const onPage = [...new Set(input.codeOf.values())];
  const problems = referenceProblems(conditionsOf(out), { participant: (c) => input.participants.has(c), treaty: (t) => input.treaties.has(t) }, onPage);
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
