// Read queries over an open database. Rows come back in DESIGN §3 shape, ready for the domain.
import type { Statement } from 'better-sqlite3';
import type { IsoDate } from '../domain/dates.js';
import type { ActionRow, Participant, PublishedInForce, TreatyDefinition } from '../domain/model.js';
import { nearest } from '../domain/nearest.js';
import { UserError } from '../errors.js';
import type { PublishedRow, ReportRow } from '../domain/schemas.js';
import type { Db } from './open.js';
import { treatyReports } from './reports.js';
import { keptChecks } from './checks.js';
import type { Check } from '../domain/checks.js';

export interface TreatySummary {
  id: string;
  short_title: string;
  aliases: string[];
}

interface ParticipantRecord {
  code: string;
  iso2: string | null;
  name: string;
  short_name: string;
  aliases: string;
  kind: Participant['kind'];
  un_group: string;
  groups: string;
}

export class Store {
  private readonly statements = new Map<string, Statement>();

  constructor(
    readonly db: Db,
    readonly path: string,
  ) {}

  private statement(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) this.statements.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  treaties(): TreatySummary[] {
    const rows = this.statement(
      "SELECT t.id, t.short_title, group_concat(a.alias, char(10)) AS aliases FROM treaties t LEFT JOIN treaty_aliases a ON a.treaty = t.id AND a.alias <> t.id GROUP BY t.id ORDER BY t.id",
    ).all() as { id: string; short_title: string; aliases: string | null }[];
    return rows.map((r) => ({ id: r.id, short_title: r.short_title, aliases: r.aliases ? r.aliases.split('\n') : [] }));
  }

  /** Whether a treaty with exactly this id is stored: one row looked up, not the list of every treaty. */
  hasTreaty(id: string): boolean {
    return this.statement('SELECT 1 FROM treaties WHERE id = ?').get(id) !== undefined;
  }

  /** A treaty by id or alias, ignoring case; an unknown name is a UserError with the nearest names. */
  treaty(ref: string): TreatyDefinition {
    const row = this.statement(
      'SELECT t.definition FROM treaty_aliases a JOIN treaties t ON t.id = a.treaty WHERE a.alias = ? COLLATE NOCASE',
    ).get(ref.trim()) as { definition: string } | undefined;
    if (row) return JSON.parse(row.definition) as TreatyDefinition;
    const all = this.treaties();
    const close = nearest(ref, all.map((t) => ({ value: t, names: [t.id, ...t.aliases] })));
    const hint = close.length > 0
      ? `did you mean ${close.map((t) => `"${t.id}"`).join(' or ')}?`
      : `known treaties: ${all.map((t) => `${t.id} (${[...t.aliases].slice(0, 2).join(', ')})`).join('; ')}`;
    throw new UserError(`unknown treaty "${ref}"`, hint);
  }

  participants(): Map<string, Participant> {
    const rows = this.statement('SELECT code, iso2, name, short_name, aliases, kind, un_group, groups FROM participants').all() as ParticipantRecord[];
    return new Map(
      rows.map((r) => [
        r.code,
        { ...r, aliases: r.aliases ? r.aliases.split(';') : [], groups: r.groups ? r.groups.split(';') : [] },
      ]),
    );
  }

  /** Every treaty's definition, by id. */
  definitions(): TreatyDefinition[] {
    return (this.statement('SELECT definition FROM treaties ORDER BY id').all() as { definition: string }[]).map(
      (r) => JSON.parse(r.definition) as TreatyDefinition,
    );
  }

  /** Every action in order of treaty, date and participant, read one at a time: what `treaty export` writes. */
  iterateActions(treaty?: string, asOf = '9999-12-31'): IterableIterator<ActionRow> {
    const sql = 'SELECT treaty, code, action, date, reference, source, note FROM actions WHERE date <= ?';
    const order = ' ORDER BY treaty, date, code, action';
    return (treaty === undefined ? this.statement(sql + order).iterate(asOf) : this.statement(`${sql} AND treaty = ?${order}`).iterate(asOf, treaty)) as IterableIterator<ActionRow>;
  }

  /** The depositary's published dates of entry into force for a treaty's parties. */
  published(treaty: string): PublishedInForce[] {
    return this.statement('SELECT code, consent_type, in_force_on, party_by, source FROM published_in_force WHERE treaty = ? ORDER BY code').all(treaty) as PublishedInForce[];
  }

  /** The rows of parties whose consent date is unknown, as data/published and export --table published write them. */
  publishedRows(treaty: string): PublishedRow[] {
    return this.statement('SELECT treaty, code, consent_type, in_force_on, party_by, source, note FROM published_in_force WHERE treaty = ? ORDER BY code').all(treaty) as PublishedRow[];
  }

  /** Checks a write found and stored, while the data they were found on is unchanged. */
  checks(treaty: string): Check[] {
    return keptChecks(this.db, treaty);
  }

  /** Claims about a treaty by sources other than the depositary, in date order; never counted. */
  reports(treaty: string): ReportRow[] {
    return treatyReports(this.db, treaty);
  }

  /** A treaty's actions in date order, up to `asOf` when given. */
  actions(treaty: string, asOf?: IsoDate): ActionRow[] {
    return this.statement(
      'SELECT treaty, code, action, date, reference, source, note FROM actions WHERE treaty = ? AND date <= ? ORDER BY date, code, action',
    ).all(treaty, asOf ?? '9999-12-31') as ActionRow[];
  }
}
