// The UN Treaty Collection's status page of a treaty deposited with the Secretary-General (MTDSG
// XML): header, counts and the participants table. Real copies are ISO-8859-1 and some carry
// control bytes or a bare "&"; those are repaired and reported. A DOCTYPE or an entity
// declaration is refused outright, so no entity expansion can ever happen.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { IsoDate } from '../domain/dates.js';
import { isIsoDate } from '../domain/dates.js';
import type { ActionRow } from '../domain/model.js';
import { CONSENT_ACTIONS, isOneOf, type Action } from '../domain/vocabulary.js';
import { UserError } from '../errors.js';
import { itemFor, parseColumnLegend } from './mtdsg-legend.js';
import { passagesOf, type DepositaryText } from './mtdsg-texts.js';

export interface MtdsgAction {
  action: Action;
  date: IsoDate;
  /** The depositary shows the date in brackets: later withdrawn or denounced (see its footnote). */
  bracketed: boolean;
  /** The legend's words for it, when they say more than the action's name ("Acceptance of the Protocol"). */
  words: string | null;
  /** Footnote markers on the date itself. */
  footnotes: string[];
  /** The legend lists several unmarked items for the column, so the date may stand for any of these. */
  alternatives: string[];
}

export interface MtdsgRow {
  /** 1-based position in the table, for messages. */
  index: number;
  name: string;
  footnotes: string[];
  /** One per dated cell, in column order. */
  actions: MtdsgAction[];
}

export interface MtdsgNote {
  index: string;
  text: string;
}

export interface MtdsgDocument {
  id: string;
  title: string;
  conclusion: string;
  signatories: number | null;
  parties: number | null;
  /** The date of entry into force the header gives, when the treaty is in force. */
  entry_into_force: IsoDate | null;
  /** The header's words on entry into force (`EIF/Labeltext`), markup removed, and its label. */
  eif: { label: string; text: string };
  /** The treaty note (`TreatyNote/Text`), markup removed: where the page says how signature was opened. */
  treaty_note: string;
  /** The column headers, after the participant's. */
  columns: string[];
  /** Every action the columns' legends define, whether or not a row shows it yet. */
  legend_actions: Action[];
  rows: MtdsgRow[];
  /** The table's footnotes (`EndNotes`), markup removed. */
  notes: MtdsgNote[];
  /** Footnote markers outside the table (the title, the chapter, the place and date of conclusion). */
  header_footnotes: string[];
  /** Declarations, reservations and objections, as the depositary's text (markup removed). */
  texts: DepositaryText[];
  repairs: string[];
}

const MONTHS: Record<string, string> = { jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12' };

/** Text of the file, decoded as its XML declaration says (ISO-8859-1 or UTF-8). */
export function decodeMtdsg(bytes: Uint8Array, file: string): string {
  // XML 1.0 has no NUL: a NUL byte means UTF-16 or not text at all, and repairs must not hide it.
  if (bytes.includes(0)) throw new UserError(`${file}: not a status page: the file contains NUL bytes (UTF-16 or binary)`);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /encoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1]?.toLowerCase();
  if (declared === 'iso-8859-1' || declared === 'latin1' || declared === 'windows-1252') return new TextDecoder('latin1').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new UserError(`${file}: not valid UTF-8, and its XML declaration names no other encoding`);
  }
}

function xmlLimit(message: string): string {
  const name = /Invalid name: "([^"]*)"/.exec(message);
  if (name) return `it has an element named "${name[1]}", which no status page has (refused: it could alter the reader)`;
  if (/nested tags/i.test(message)) return 'its elements are nested deeper than any status page (refused)';
  return message.split('\n')[0]!;
}

export function parseMtdsg(raw: string, file: string): MtdsgDocument {
  const { text, repairs } = repair(raw);
  // Checked after the repairs too, so that a control byte cannot smuggle a declaration through.
  if ([raw, text].some((t) => /<!DOCTYPE/i.test(t) || /<!ENTITY/i.test(t))) {
    throw new UserError(`${file}: refused: the file declares a DOCTYPE or entities, which a depositary status page never does`);
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const open = /^Invalid '\[([\s\S]*)\]' found/.exec(valid.err.msg);
    if (open) {
      const names = open[1]!.split(',').map((n) => n.trim().replace(/^"|"$/g, '')).filter(Boolean);
      const lines = text.split('\n');
      throw new UserError(`${file}:${lines.length}:${lines.at(-1)!.length + 1}: the file ends before ${names.join(' > ')} ${names.length === 1 ? 'is' : 'are'} closed (truncated?)`);
    }
    throw new UserError(`${file}:${valid.err.line}:${valid.err.col}: not well-formed XML: ${valid.err.msg.split('\n')[0]}`);
  }
  let doc: Record<string, unknown>;
  try {
    doc = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true, processEntities: true, htmlEntities: false }).parse(text) as Record<string, unknown>;
  } catch (e) {
    // The parser's own limits (nesting depth, element names such as __proto__ or constructor): no
    // status page comes near them, so the file is refused as what it is.
    throw new UserError(`${file}: not a UN Treaty Collection status page: ${xmlLimit((e as Error).message)}`);
  }
  const treaty = path(doc, ['Document', 'Treaty']);
  if (!treaty) throw new UserError(`${file}: not a UN Treaty Collection status page (no Document/Treaty element)`);
  const external = path(treaty, ['Header', 'ExternalData']) ?? {};
  const headerNotes: string[] = [];
  const plain = (node: unknown) => {
    const { name, footnotes } = splitName(text_(node));
    headerNotes.push(...footnotes);
    return name;
  };
  const chapter = plain(path(treaty, ['Header', 'Chapter', 'Header'])).replace(/^CHAPTER\s+/i, '').trim();
  const number = plain(external.Numsect);
  if (!chapter || !number) throw new UserError(`${file}: the header names no chapter and number (MTDSG reference)`);
  const sub = plain(external.Subnumsect);
  const table = path(treaty, ['Participants', 'Table', 'TGroup']);
  if (!table) throw new UserError(`${file}: this page has no participants table (a status page cut short before it, or one that lists no participants)`);
  const head = list(path(table, ['Thead', 'Row', 'Entry'])).map(text_);
  if (head.length < 2) throw new UserError(`${file}: the participants table's header names no column after the participant's`);
  const legends = head.slice(1).map((h) => parseColumnLegend(splitName(h).name));
  if (legends.every((l) => l.items.length === 0)) {
    throw new UserError(`${file}: the participants table's header names no known column: ${head.slice(1).map((h) => `"${splitName(h).name}"`).join(', ')}`);
  }
  const rows = list(path(table, ['Tbody', 'Rows', 'Row'])).map((row, i): MtdsgRow => {
    const cells = list((row as Record<string, unknown>).Entry).map(text_);
    const where = `${file}: participants table, row ${i + 1}`;
    const { name, footnotes } = splitName(cells[0] ?? '');
    if (!name) throw new UserError(`${where}: no participant name`);
    const actions: MtdsgAction[] = [];
    legends.forEach((legend, c) => {
      const { name: cellText, footnotes: cellNotes } = splitName(cells[c + 1] ?? '');
      const cellWhere = `${where} (${name}), column ${c + 2} "${legend.header}"`;
      const cell = parseCell(cellText, cellWhere);
      if (!cell) return;
      // A marker another column's legend defines ("Succession to signature(d)") is still the page's own word.
      const found = itemFor(legend, cell.marker) ?? (cell.marker ? legends.map((l) => itemFor(l, cell.marker)).find((f) => f !== null) ?? null : null);
      if (!found) {
        const what = cell.marker ? `marker "${cell.marker}"` : 'a date without a marker';
        throw new UserError(`${cellWhere}: ${what} is not among the column's legend items (${legend.items.map((it) => `${it.words}${it.marker ? `(${it.marker})` : ''}`).join(', ') || 'none known'})`);
      }
      const plainWord = found.item.words.toLowerCase() === found.item.action.replace(/_/g, ' ');
      actions.push({
        action: found.item.action,
        date: cell.date,
        bracketed: cell.bracketed,
        words: plainWord ? null : found.item.words,
        footnotes: cellNotes,
        alternatives: found.alternatives.map((a) => a.words),
      });
    });
    return { index: i + 1, name, footnotes, actions };
  });
  const title = plain(external.Titlesect) || plain(external.Subtitlesect);
  const eif = path(external, ['EIF']);
  const conclusion = plain(external.Conclusion);
  return {
    id: `${chapter}-${number}${sub ? `-${sub}` : ''}`,
    title,
    conclusion,
    signatories: count(path(external, ['Status', 'Signatories'])),
    entry_into_force: headerEntryIntoForce(eif),
    eif: { label: prose(text_(eif?.Label)), text: prose(text_(eif?.Labeltext)) },
    treaty_note: list(path(external, ['TreatyNote', 'Text'])).map((t) => prose(text_(t))).filter(Boolean).join('\n'),
    parties: count(path(external, ['Status', 'Parties'])),
    columns: legends.map((l) => l.header),
    legend_actions: [...new Set(legends.flatMap((l) => l.items.map((i) => i.action)))],
    rows,
    notes: list(path(treaty, ['EndNotes', 'Note']))
      .map((n) => ({ index: text_((n as Record<string, unknown>).index), text: list((n as Record<string, unknown>).text).map((t) => prose(text_(t))).filter(Boolean).join('\n') }))
      .filter((n) => n.index !== ''),
    header_footnotes: [...new Set(headerNotes)],
    texts: [
      ...list(path(treaty, ['Declarations', 'Declaration'])).flatMap((d) => depositaryTexts('declaration', d)),
      ...list(path(treaty, ['Objections', 'Objection'])).flatMap((d) => depositaryTexts('objection', d)),
    ].filter((t) => t.participant !== ''),
    repairs,
  };
}

/** Escaped markup (links, italics, superscripts) removed and whitespace flattened: the words as the page shows them. */
function prose(text: string): string {
  return text.replace(/<superscript>[^<]*<\/superscript>/gi, '').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
}

function depositaryTexts(section: 'declaration' | 'objection', node: unknown): DepositaryText[] {
  const n = node as Record<string, unknown>;
  return passagesOf(splitName(text_(n.Participant)).name, list(n.text).map(text_), section);
}

// Characters beyond Latin-1 that real copies carry truncated to their low byte (’ became 0x19, …
// became "&"): each is put back; any other control byte is dropped.
const TRUNCATED: Record<string, string> = { '\x13': '\u2013', '\x14': '\u2014', '\x18': '\u2018', '\x19': '\u2019', '\x1C': '\u201C', '\x1D': '\u201D' };

/** The actions one table row states, as action rows of `treaty` for `code`. */
export function actionRowsOf(r: MtdsgRow, treaty: string, code: string, source: string): ActionRow[] {
  return r.actions.map((a) => {
    const note = [
      a.words ? `the depositary's words: ${a.words}` : null,
      a.alternatives.length ? `the page's legend does not say which of these an unmarked date is: ${[a.words ?? a.action, ...a.alternatives].join('; ')}` : null,
      a.bracketed ? 'shown in brackets by the depositary: later withdrawn or denounced' : null,
      r.footnotes.length || a.footnotes.length ? `depositary footnote ${[...new Set([...r.footnotes, ...a.footnotes])].join(', ')}` : null,
    ].filter(Boolean);
    return { treaty, code, action: a.action, date: a.date, reference: null, source, note: note.join('; ') || null };
  });
}

/** Fixes the defects of real copies, saying what was fixed. */
function repair(raw: string): { text: string; repairs: string[] } {
  const repairs: string[] = [];
  let restored = 0;
  let dropped = 0;
  let text = raw.replace(/[\x00-\x08\x0B\x0C\x0E-\x1F]/g, (ch) => {
    const fixed = TRUNCATED[ch];
    if (fixed) restored += 1;
    else dropped += 1;
    return fixed ?? '';
  });
  if (restored) repairs.push(`restored ${restored} quotation mark${restored === 1 ? '' : 's'} or dash${restored === 1 ? '' : 'es'} written as control bytes`);
  if (dropped) repairs.push(`dropped ${dropped} other control byte${dropped === 1 ? '' : 's'}`);
  let ellipses = 0;
  text = text.replace(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g, () => {
    ellipses += 1;
    return '\u2026';
  });
  if (ellipses) repairs.push(`read ${ellipses} bare "&" as the ellipsis it stands for`);
  return { text, repairs };
}

/** "12 Aug 2013 AA", "[24 Apr 1963 ]", "22 Apr\t 2016": a date, its marker, and whether it is bracketed. */
export function parseCell(cell: string, where: string): { date: IsoDate; marker: string; bracketed: boolean } | null {
  const flat = cell.replace(/\s+/g, ' ').trim();
  if (flat === '') return null;
  const bracketed = flat.startsWith('[') && flat.endsWith(']');
  const inner = bracketed ? flat.slice(1, -1).trim() : flat;
  const m = /^(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4}) ?([A-Za-z]+)?$/.exec(inner);
  const month = m ? MONTHS[m[2]!.toLowerCase()] : undefined;
  const date = m && month ? `${m[3]}-${month}-${m[1]!.padStart(2, '0')}` : '';
  if (!m || !isIsoDate(date)) throw new UserError(`${where}: "${flat}" is not a date like "25 Oct 2025"`);
  return { date, marker: m[4] ?? '', bracketed };
}

/** "4 November 2016, in accordance with article 21(1)" under the label "Entry into force". */
function headerEntryIntoForce(eif: Record<string, unknown> | undefined): IsoDate | null {
  // Live pages may carry no Label: a date opening the text is then the date of entry into force.
  const label = text_(eif?.Label);
  if (!eif || (label !== '' && !/^entry into force/i.test(label))) return null;
  const m = /^(\d{1,2}) ([A-Za-z]+) (\d{4})/.exec(text_(eif.Labeltext).replace(/\s+/g, ' '));
  const month = m ? LONG_MONTHS.indexOf(m[2]!.toLowerCase()) + 1 : 0;
  if (!m || month === 0) return null;
  const date = `${m[3]}-${String(month).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isIsoDate(date) ? date : null;
}

const LONG_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function splitName(cell: string): { name: string; footnotes: string[] } {
  const footnotes: string[] = [];
  const name = cell
    .replace(/<superscript>([^<]*)<\/superscript>/gi, (_, notes: string) => {
      footnotes.push(...notes.split(',').map((n) => n.trim()).filter(Boolean));
      return '';
    })
    .replace(/\s+/g, ' ')
    .trim();
  return { name, footnotes };
}

function path(node: unknown, keys: readonly string[]): Record<string, unknown> | undefined {
  let at: unknown = node;
  for (const k of keys) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[k];
  }
  return at as Record<string, unknown> | undefined;
}

function list(node: unknown): unknown[] {
  if (node === undefined || node === null || node === '') return [];
  return Array.isArray(node) ? node : [node];
}

function text_(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node).trim();
  if (typeof node === 'object' && '#text' in (node as Record<string, unknown>)) return String((node as Record<string, unknown>)['#text']).trim();
  return '';
}

function count(node: unknown): number | null {
  const t = text_(node);
  return /^\d+$/.test(t) ? Number(t) : null;
}

// The header counts current participants: a bracketed date was later withdrawn or denounced, so the
// depositary no longer counts it, though the instrument was deposited (and counted for entry into force).

/** A row the depositary counts among the signatories: it shows a signature not since withdrawn. */
export function showsSignature(r: MtdsgRow): boolean {
  return r.actions.some((a) => a.action === 'signature' && !a.bracketed);
}

/** A row the depositary counts among the parties: it shows an instrument of consent not since denounced. */
export function showsConsent(r: MtdsgRow): boolean {
  return r.actions.some((a) => isOneOf(CONSENT_ACTIONS, a.action) && !a.bracketed);
}
