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
import { ChangeLog } from './change-log.js';
import { keyText, TABLE, type FactTableName, type StoredRow } from './tables.js';
import { writeSet, type WriteTx } from './write-tx.js';
import { lockedBegin } from './lock-wait.js';

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
    private readonly db: Db,
    readonly path: string,
  ) {}

  private statement(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) this.statements.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  private readonly prepare = (sql: string) => this.statement(sql);

  /**
   * The one entry point for writes: `fn` runs in one IMMEDIATE transaction as a change set of
   * `command`, and its tx writes nothing unrecorded. With dryRun the set is rolled back at the end.
   */
  write<T>(command: string, fn: (tx: WriteTx) => T, o: { dryRun?: boolean } = {}): T {
    return writeSet(this.db, this.prepare, command, fn, o);
  }

  /** SQLite's integrity check: ["ok"] for a sound file. */
  integrity(): string[] {
    return (this.db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  }

  schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  /** How many rows a table holds, for `db check`. */
  count(table: 'treaties' | 'participants' | 'actions' | 'change_sets'): number {
    return (this.statement(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  }

  /** A consistent copy of the database at `path` (SQLite's online backup). */
  async backup(path: string): Promise<void> {
    await this.db.backup(path);
  }

  /** The change log: its sets, their rows, and undo. */
  get log(): ChangeLog {
    return (this.changeLog ??= new ChangeLog(this.db, this.prepare));
  }

  private changeLog: ChangeLog | undefined;

  /** The command of the set that wrote each stored row of a table (null when the log does not know), by key text. */
  writers(table: 'actions' | 'participants'): Map<string, string | null> {
    const t = TABLE[table];
    const rows = this.statement(`SELECT ${t.key.map((k) => `r.${k}`).join(', ')}, s.command FROM ${table} r LEFT JOIN change_sets s ON s.id = r.set_id`).all() as (StoredRow & { command: string | null })[];
    return new Map(rows.map((r) => [keyText(t, r), r.command]));
  }

  /**
   * Keys of rows that a set whose command `isOurs` does not claim removed, with nothing stored under
   * the key since: what the user took out of the bundled data, which db update leaves out.
   */
  removedBy(table: 'actions' | 'reports' | 'treaties', isOurs: (command: string) => boolean): Set<string> {
    const t = TABLE[table];
    const rows = this.statement(
      `SELECT ${t.key.map((k) => `s.${k}`).join(', ')}, c.command FROM ${table}_superseded s JOIN change_sets c ON c.id = s.superseded_by
       WHERE NOT EXISTS (SELECT 1 FROM ${table} r WHERE ${t.key.map((k) => `r.${k} IS s.${k}`).join(' AND ')})`,
    ).all() as (StoredRow & { command: string })[];
    return new Set(rows.filter((r) => !isOurs(r.command)).map((r) => keyText(t, r)));
  }

  /** Every stored row of a fact table, as stored (for db update's merge and the tests' dumps). */
  rows(table: FactTableName): StoredRow[] {
    const t = TABLE[table];
    return this.statement(`SELECT ${t.columns.join(', ')} FROM ${table} ORDER BY ${t.key.join(', ')}`).all() as StoredRow[];
  }

  /**
   * Runs `read` with the marker `key` (0 when unset) and moves the marker to what it returns, in one
   * IMMEDIATE transaction left open: `commit` once what was read has been delivered, `rollback`
   * when it could not be. Writers wait meanwhile, so none commits between the read and the move.
   */
  holdMarker<T>(key: string, read: (marker: number) => { value: T; marker: number }): { value: T; commit(): void; rollback(): void } {
    lockedBegin(this.db);
    try {
      const { value, marker } = read(Number(this.meta(key) ?? 0));
      this.statement('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(key, String(marker));
      return { value, commit: () => void this.statement('COMMIT').run(), rollback: () => void this.statement('ROLLBACK').run() };
    } catch (e) {
      this.statement('ROLLBACK').run();
      throw e;
    }
  }

  /** How many checks are stored for a treaty, whether or not they still hold. */
  checkRows(treaty: string): number {
    return (this.statement('SELECT count(*) AS n FROM checks WHERE treaty = ?').get(treaty) as { n: number }).n;
  }

  /** A value kept in the meta table (a marker, the seeding time). */
  meta(key: string): string | undefined {
    return (this.statement('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
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
      : `known treaties: ${all.map((t) => (t.aliases.length ? `${t.id} (${t.aliases.slice(0, 2).join(', ')})` : t.id)).join('; ')}`;
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
    return keptChecks(this.prepare, treaty);
  }

  /** Claims about a treaty by sources other than the depositary, in date order; never counted. */
  reports(treaty: string): ReportRow[] {
    return treatyReports(this.prepare, treaty);
  }

  /** A treaty's actions in date order, up to `asOf` when given. */
  actions(treaty: string, asOf?: IsoDate): ActionRow[] {
    return this.statement(
      'SELECT treaty, code, action, date, reference, source, note FROM actions WHERE treaty = ? AND date <= ? ORDER BY date, code, action',
    ).all(treaty, asOf ?? '9999-12-31') as ActionRow[];
  }
}
