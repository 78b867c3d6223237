// treaty calendar: an iCalendar (RFC 5545) file of the dates people plan around: entry into force
// (the treaty's and each participant's, where scheduled) and the last day to sign.
import { addDays, type IsoDate } from '../domain/dates.js';
import { participantStates, treatyStatus } from '../domain/status.js';
import type { TreatyDefinition } from '../domain/model.js';
import type { Ctx } from '../context.js';
import type { TextResult } from '../formats/result.js';

export interface CalendarOptions {
  db: string | undefined;
  treaty: string;
  allTreaties: boolean;
  asOf: IsoDate | undefined;
}

interface CalendarEvent {
  uid: string;
  date: IsoDate;
  summary: string;
  description: string;
}

export async function calendar(ctx: Ctx, o: CalendarOptions): Promise<TextResult> {
  const asOf = o.asOf ?? ctx.today();
  return ctx.withStore(o.db, 'read', (store) => {
    const treaties = o.allTreaties ? store.definitions() : [store.treaty(o.treaty)];
    const participants = store.participants();
    const events: CalendarEvent[] = [];
    for (const t of treaties) {
      const actions = store.actions(t.id, asOf);
      const published = store.published(t.id);
      const s = treatyStatus(t, participants, actions, asOf, published);
      if (s.entry_into_force.date) {
        events.push({ uid: `${t.id}-entry-into-force`, date: s.entry_into_force.date, summary: `${t.short_title} enters into force`, description: `${describeSource(t)} Threshold of ${t.rule.threshold} met on ${s.threshold_reached_on}.` });
      }
      if (t.signature.closes_on) {
        events.push({ uid: `${t.id}-signature-closes`, date: t.signature.closes_on, summary: `${t.short_title}: last day to sign`, description: `${t.signature.text}` });
      }
      for (const p of participantStates(t, participants, actions, asOf, { published, sorted: false })) {
        if (p.in_force_on === null || p.in_force_on === s.entry_into_force.date) continue;
        events.push({ uid: `${t.id}-${p.code}-in-force`, date: p.in_force_on, summary: `${t.short_title} in force for ${p.name}`, description: `${p.consent_type ?? 'consent'}${p.consent_on ? ` of ${p.consent_on}` : ''}.` });
      }
    }
    return { kind: 'text', text: ics(events, ctx.now()) };
  });
}

function describeSource(t: TreatyDefinition): string {
  return `${t.title}. Depositary: ${t.depositary.name}.`;
}

/** Text escaped for a property value (RFC 5545 §3.3.11). */
function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Lines folded at 75 octets, continuation lines starting with a space (RFC 5545 §3.1). */
function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  let limit = 75;
  while (start < bytes.length) {
    let end = Math.min(start + limit, bytes.length);
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end -= 1; // never split a character
    parts.push(bytes.subarray(start, end).toString('utf8'));
    start = end;
    limit = 74;
  }
  return parts.join('\r\n ');
}

function ics(events: readonly CalendarEvent[], now: string): string {
  const stamp = now.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const day = (d: IsoDate) => d.replace(/-/g, '');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//treaty//treaty CLI//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  for (const e of [...events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}@treaty`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${day(e.date)}`,
      `DTEND;VALUE=DATE:${day(addDays(e.date, 1))}`,
      `SUMMARY:${escapeText(e.summary)}`,
      `DESCRIPTION:${escapeText(e.description)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
