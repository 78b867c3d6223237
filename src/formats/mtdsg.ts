// The UN Treaty Collection's status page of a treaty deposited with the Secretary-General (MTDSG
// XML): header, counts and the participants table. Real copies are ISO-8859-1 and some carry
// control bytes or a bare "&"; those are repaired and reported. A DOCTYPE or an entity
// declaration is refused outright, so no entity expansion can ever happen.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { IsoDate } from '../domain/dates.js';
import { isIsoDate } from '../domain/dates.js';
import type { ActionRow } from '../domain/model.js';
import type { Action } from '../domain/vocabulary.js';
import { UserError } from '../errors.js';

export interface MtdsgCell {
  date: IsoDate;
  /** The depositary shows the date in brackets: later withdrawn or denounced (see its footnote). */
  bracketed: boolean;
}

export interface MtdsgRow {
  /** 1-based position in the table, for messages. */
  index: number;
  name: string;
  footnotes: string[];
  signature: MtdsgCell | null;
  consent: (MtdsgCell & { action: Action }) | null;
}

export interface MtdsgDocument {
  id: string;
  title: string;
  conclusion: string;
  signatories: number | null;
  parties: number | null;
  /** The date of entry into force the header gives, when the treaty is in force. */
  entry_into_force: IsoDate | null;
  /** The header's entry-into-force text, where the depositary quotes the clause in its own words. */
  eif_text: string;
  rows: MtdsgRow[];
  /** Declarations, reservations and objections, as the depositary's text (markup removed). */
  texts: { kind: 'declaration' | 'objection'; participant: string; text: string }[];
  repairs: string[];
}

const MONTHS: Record<string, string> = { jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12' };

const ACTION_WORDS: Record<string, Action> = {
  ratification: 'ratification', acceptance: 'acceptance', approval: 'approval', accession: 'accession',
  succession: 'succession', 'definitive signature': 'definitive_signature',
};

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
  const doc = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true, processEntities: true, htmlEntities: false }).parse(text) as Record<string, unknown>;
  const treaty = path(doc, ['Document', 'Treaty']);
  if (!treaty) throw new UserError(`${file}: not a UN Treaty Collection status page (no Document/Treaty element)`);
  const external = path(treaty, ['Header', 'ExternalData']) ?? {};
  const chapter = text_(path(treaty, ['Header', 'Chapter', 'Header'])).replace(/^CHAPTER\s+/i, '').trim();
  const number = text_(external.Numsect);
  if (!chapter || !number) throw new UserError(`${file}: the header names no chapter and number (MTDSG reference)`);
  const sub = text_(external.Subnumsect);
  const table = path(treaty, ['Participants', 'Table', 'TGroup']);
  const head = list(path(table, ['Thead', 'Row', 'Entry'])).map(text_);
  if (head.length < 3) throw new UserError(`${file}: the participants table has no header row of three or more columns`);
  const signatureColumn = head.findIndex((h) => /^signature/i.test(h));
  const consentColumn = head.length - 1;
  const legend = parseLegend(head[consentColumn]!, file);
  const rows = list(path(table, ['Tbody', 'Rows', 'Row'])).map((row, i): MtdsgRow => {
    const cells = list((row as Record<string, unknown>).Entry).map(text_);
    const where = `${file}: participants table, row ${i + 1}`;
    const { name, footnotes } = splitName(cells[0] ?? '');
    if (!name) throw new UserError(`${where}: no participant name`);
    const signature = signatureColumn > 0 ? parseCell(cells[signatureColumn] ?? '', `${where} (${name}), signature`) : null;
    const consentCell = parseCell(cells[consentColumn] ?? '', `${where} (${name}), consent`);
    let consent: MtdsgRow['consent'] = null;
    if (consentCell) {
      const action = legend.get(consentCell.marker);
      if (!action) throw new UserError(`${where} (${name}): marker "${consentCell.marker}" is not in the table's legend "${head[consentColumn]}"`);
      consent = { date: consentCell.date, bracketed: consentCell.bracketed, action };
    }
    return { index: i + 1, name, footnotes, signature: signature && { date: signature.date, bracketed: signature.bracketed }, consent };
  });
  const title = text_(external.Titlesect) || text_(external.Subtitlesect);
  return {
    id: `${chapter}-${number}${sub ? `-${sub}` : ''}`,
    title,
    conclusion: text_(external.Conclusion),
    signatories: count(path(external, ['Status', 'Signatories'])),
    entry_into_force: headerEntryIntoForce(path(external, ['EIF'])),
    eif_text: text_(path(external, ['EIF', 'Labeltext'])),
    parties: count(path(external, ['Status', 'Parties'])),
    rows,
    texts: [
      ...list(path(treaty, ['Declarations', 'Declaration'])).map((d) => depositaryText('declaration', d)),
      ...list(path(treaty, ['Objections', 'Objection'])).map((d) => depositaryText('objection', d)),
    ].filter((t) => t.participant !== '' && t.text !== ''),
    repairs,
  };
}

function depositaryText(kind: 'declaration' | 'objection', node: unknown): MtdsgDocument['texts'][number] {
  const n = node as Record<string, unknown>;
  const text = list(n.text)
    .map(text_)
    .map((t) => t.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
  return { kind, participant: splitName(text_(n.Participant)).name, text };
}

// Characters beyond Latin-1 that real copies carry truncated to their low byte (’ became 0x19, …
// became "&"): each is put back; any other control byte is dropped.
const TRUNCATED: Record<string, string> = { '\x13': '\u2013', '\x14': '\u2014', '\x18': '\u2018', '\x19': '\u2019', '\x1C': '\u201C', '\x1D': '\u201D' };

/** The signature and instrument one table row states, as action rows of `treaty` for `code`. */
export function actionRowsOf(r: MtdsgRow, treaty: string, code: string, source: string): ActionRow[] {
  const note = (bracketed: boolean) =>
    [bracketed ? 'shown in brackets by the depositary: later withdrawn or denounced' : null, r.footnotes.length ? `depositary footnote ${r.footnotes.join(', ')}` : null].filter(Boolean).join('; ') || null;
  const rows: ActionRow[] = [];
  if (r.signature) rows.push({ treaty, code, action: 'signature', date: r.signature.date, reference: null, source, note: note(r.signature.bracketed) });
  if (r.consent) rows.push({ treaty, code, action: r.consent.action, date: r.consent.date, reference: null, source, note: note(r.consent.bracketed) });
  return rows;
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

/** "Ratification, Acceptance(A), Approval(AA), Accession(a)": marker → action; no marker is the unmarked one. */
export function parseLegend(legend: string, file: string): Map<string, Action> {
  const map = new Map<string, Action>();
  for (const part of legend.split(',')) {
    const m = /^\s*([A-Za-z ]+?)\s*(?:\(([A-Za-z]+)\))?\s*$/.exec(part);
    const action = m ? ACTION_WORDS[m[1]!.toLowerCase()] : undefined;
    if (!m || !action) continue; // other columns' words (e.g. provisional application) are not consents
    map.set(m[2] ?? '', action);
  }
  if (map.size === 0) throw new UserError(`${file}: cannot read the consent column's legend "${legend}"`);
  return map;
}

/** "12 Aug 2013 AA", "[24 Apr 1963 ]", "22 Apr\t 2016": a date, its marker, and whether it is bracketed. */
export function parseCell(cell: string, where: string): { date: IsoDate; marker: string; bracketed: boolean } | null {
  const flat = cell.replace(/\s+/g, ' ').trim();
  if (flat === '') return null;
  const bracketed = flat.startsWith('[') && flat.endsWith(']');
  const inner = bracketed ? flat.slice(1, -1).trim() : flat;
  const m = /^(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4})(?: ([A-Za-z]+))?$/.exec(inner);
  const month = m ? MONTHS[m[2]!.toLowerCase()] : undefined;
  const date = m && month ? `${m[3]}-${month}-${m[1]!.padStart(2, '0')}` : '';
  if (!m || !isIsoDate(date)) throw new UserError(`${where}: "${flat}" is not a date like "25 Oct 2025"`);
  return { date, marker: m[4] ?? '', bracketed };
}

/** "4 November 2016, in accordance with article 21(1)" under the label "Entry into force". */
function headerEntryIntoForce(eif: Record<string, unknown> | undefined): IsoDate | null {
  if (!eif || !/^entry into force/i.test(text_(eif.Label))) return null;
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
