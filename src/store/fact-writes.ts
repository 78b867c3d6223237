// Writes of the facts beside actions: parties whose dates are unknown (published_in_force) and reports.
// Each row is added, changed or left as it is by its key, with a change-log row, in the caller's transaction.
import type { Database } from 'better-sqlite3';
import type { PublishedRow, ReportRow } from '../domain/schemas.js';
import { reportKey } from './reports.js';

export interface FactCounts {
  added: number;
  changed: number;
  unchanged: number;
}

const same = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);

export function writePublished(db: Database, rows: readonly PublishedRow[], command: string, now: string, dryRun: boolean): FactCounts {
  const select = db.prepare('SELECT treaty, code, consent_type, in_force_on, party_by, source, note FROM published_in_force WHERE treaty = ? AND code = ?');
  const upsert = db.prepare(
    `INSERT INTO published_in_force (treaty, code, consent_type, in_force_on, party_by, source, note) VALUES (@treaty, @code, @consent_type, @in_force_on, @party_by, @source, @note)
     ON CONFLICT (treaty, code) DO UPDATE SET consent_type = excluded.consent_type, in_force_on = excluded.in_force_on, party_by = excluded.party_by, source = excluded.source, note = excluded.note`,
  );
  const log = db.prepare("INSERT INTO changes (at, command, entity, key, before, after) VALUES (?, ?, 'published_in_force', ?, ?, ?)");
  const counts: FactCounts = { added: 0, changed: 0, unchanged: 0 };
  for (const r of rows) {
    const row = { treaty: r.treaty, code: r.code, consent_type: r.consent_type, in_force_on: r.in_force_on, party_by: r.party_by, source: r.source, note: r.note };
    const before = select.get(r.treaty, r.code) as PublishedRow | undefined;
    if (before && same(before, row)) {
      counts.unchanged += 1;
      continue;
    }
    counts[before ? 'changed' : 'added'] += 1;
    if (dryRun) continue;
    upsert.run(row);
    log.run(now, command, `${r.treaty}|${r.code}`, before ? JSON.stringify(before) : null, JSON.stringify(row));
  }
  return counts;
}

export function writeReports(db: Database, rows: readonly ReportRow[], command: string, now: string, dryRun: boolean): FactCounts {
  const select = db.prepare(
    "SELECT id, treaty, date, precision, claim, code, count, grade, source, note FROM reports WHERE treaty = @treaty AND claim = @claim AND date = @date AND coalesce(code, '') = coalesce(@code, '') AND source = @source",
  );
  const insert = db.prepare('INSERT INTO reports (treaty, date, precision, claim, code, count, grade, source, note) VALUES (@treaty, @date, @precision, @claim, @code, @count, @grade, @source, @note)');
  const update = db.prepare('UPDATE reports SET precision = @precision, count = @count, grade = @grade, note = @note WHERE id = @id');
  const log = db.prepare("INSERT INTO changes (at, command, entity, key, before, after) VALUES (?, ?, 'report', ?, ?, ?)");
  const counts: FactCounts = { added: 0, changed: 0, unchanged: 0 };
  for (const r of rows) {
    const row = { treaty: r.treaty, date: r.date, precision: r.precision, claim: r.claim, code: r.code, count: r.count, grade: r.grade, source: r.source, note: r.note };
    const found = select.get(row) as (ReportRow & { id: number }) | undefined;
    const { id, ...before } = found ?? { id: 0 };
    if (found && same(before, row)) {
      counts.unchanged += 1;
      continue;
    }
    counts[found ? 'changed' : 'added'] += 1;
    if (dryRun) continue;
    if (found) update.run({ ...row, id });
    else insert.run(row);
    log.run(now, command, reportKey(row), found ? JSON.stringify(before) : null, JSON.stringify(row));
  }
  return counts;
}
