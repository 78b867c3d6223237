// The depositary's declarations, reservations and objections on a status page, one passage each, in
// its own words. A participant's entry is a run of lines: a date line (`<right>30 November 1979</right>`)
// dates what follows it until the next one, and a heading ("Reservation:", "Declaration made upon
// signature:") opens a passage and says what it is. The reader drops the `type="title"` attribute,
// so a heading is known by its shape: short, and ending with a colon or naming a kind.
import { isIsoDate, type IsoDate } from '../domain/dates.js';
import type { TextKind } from '../domain/vocabulary.js';

export interface DepositaryText {
  kind: TextKind;
  participant: string;
  /** The page's heading of the passage, as written ("Reservation made upon signature:"). */
  heading?: string;
  /** The date the page gives the passage (objections are dated; declarations seldom are). */
  date?: IsoDate;
  text: string;
}

const LONG_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "<right>30 November 1979</right>" (escaped markup, as the page has it) → 1979-11-30. */
function dateLine(raw: string): IsoDate | null {
  const m = /^<right>\s*(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})\s*<\/right>$/i.exec(raw.trim());
  const month = m ? LONG_MONTHS.indexOf(m[2]!.toLowerCase()) + 1 : 0;
  if (!m || month === 0) return null;
  const date = `${m[3]}-${String(month).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isIsoDate(date) ? date : null;
}

const KIND_WORDS = /^(interpretative\s+)?(declarations?|reservations?|objections?|understandings?|upon\s+\w+|confirmed\s+upon|confirmation\s+upon)\b/i;

function isHeading(line: string): boolean {
  if (line.length > 200) return false;
  if (/:$/.test(line)) return true;
  return line.length <= 80 && KIND_WORDS.test(line) && !/[.;"\u201D]$/.test(line);
}

/** What a heading calls its passage; under no heading, or one that names no kind, the section's own. */
function kindOf(heading: string | undefined, section: TextKind): TextKind {
  if (section === 'objection' || heading === undefined || /^with regard to/i.test(heading)) return section;
  if (/^reservation/i.test(heading)) return 'reservation';
  return /reservation/i.test(heading) && !/declaration|understanding/i.test(heading) ? 'reservation' : 'declaration';
}

function words(raw: string): string {
  return raw.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
}

/** One participant's entry (its lines as the page gives them) as passages. */
export function passagesOf(participant: string, lines: readonly string[], section: TextKind): DepositaryText[] {
  const out: DepositaryText[] = [];
  let date: IsoDate | undefined;
  let heading: string | undefined;
  let body: string[] = [];
  const close = () => {
    if (body.length === 0) return;
    out.push({ kind: kindOf(heading, section), participant, ...(heading ? { heading } : {}), ...(date ? { date } : {}), text: body.join('\n') });
    body = [];
  };
  for (const raw of lines) {
    const dated = dateLine(raw);
    if (dated) {
      close();
      date = dated;
      heading = undefined;
      continue;
    }
    const line = words(raw);
    if (line === '') continue;
    if (isHeading(line)) {
      close();
      heading = line;
      continue;
    }
    body.push(line);
  }
  close();
  // A heading with nothing under it ("Declaration:" then only a footnote) still says the participant made one.
  if (out.length === 0 && heading) out.push({ kind: kindOf(heading, section), participant, heading, ...(date ? { date } : {}), text: heading });
  return out;
}
