// One condition of entry into force and its progress, in words: the same line in the status view,
// what-if, explain and the report ("55% of emissions: 47.76%, 7.24 points missing").
import type { ConditionStatus } from '../domain/conditions.js';

export const MET_MARK = '✓';

export function conditionLine(c: ConditionStatus): string {
  switch (c.kind) {
    case 'share':
      return `${c.label}: ${c.percent!.toFixed(2)}%${c.met ? ` ${MET_MARK}` : `, ${c.points_missing!.toFixed(2)} points missing`}`;
    case 'list':
      return `${c.label}: ${c.have} of ${c.need}${c.met ? ` ${MET_MARK}` : `; missing: ${c.missing.map((m) => m.name).join(', ')}`}`;
    case 'earliest':
      return c.met ? `${c.label} ${MET_MARK}` : `${c.label}: not yet`;
    default:
      if (c.need === null) return `${c.label}: ${c.have} counted; the other treaty's parties are unknown (is it in the database?)`;
      return `${c.label}: ${c.have}${c.met ? ` ${MET_MARK}` : ` of ${c.need}, ${c.need - c.have!} missing`}`;
  }
}

/** Conditions still short, for what-if's answer; empty once all are met. */
export function shortConditions(conditions: readonly ConditionStatus[]): ConditionStatus[] {
  return conditions.filter((c) => !c.met);
}

/** Whether the rule says more than one number of instruments: then each condition gets its line. */
export function showsConditions(conditions: readonly ConditionStatus[]): boolean {
  return conditions.length > 1 || conditions.some((c) => c.kind !== 'count');
}

/** Conditions a single count bar cannot show (a share, a list, a relative count, a date). */
export function beyondCounts(conditions: readonly ConditionStatus[]): boolean {
  return conditions.some((c) => c.kind !== 'count' && c.kind !== 'group');
}

/** Lines of at most `width` characters, broken between words (a word longer than that stands alone). */
export function wrapWords(text: string, width: number | undefined): string[] {
  if (width === undefined || width < 20 || text.length <= width) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines;
}
