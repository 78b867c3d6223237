import type { Database } from 'better-sqlite3';
import { actionKey } from '../domain/check-actions.js';
import type { BundledData } from './bundled-data.js';
import { reportKey } from './reports.js';

/** Fills a new database with the bundled facts, in one transaction with its change-log rows. */
export function seed(db: Database, data: BundledData, now: string): void {
  const insertTreaty = db.prepare('INSERT INTO treaties (id, short_title, title, data_as_of, definition) VALUES (@id, @short_title, @title, @data_as_of, @definition)');
  const insertAlias = db.prepare('INSERT OR IGNORE INTO treaty_aliases (alias, treaty) VALUES (?, ?)');
  const insertParticipant = db.prepare(
    'INSERT INTO participants (code, iso2, name, short_name, aliases, kind, un_group, groups, source, note) VALUES (@code, @iso2, @name, @short_name, @aliases, @kind, @un_group, @groups, @source, @note)',
  );
  const insertAction = db.prepare(
    'INSERT INTO actions (treaty, code, action, date, reference, source, note) VALUES (@treaty, @code, @action, @date, @reference, @source, @note)',
  );
  const insertPublished = db.prepare(
    'INSERT INTO published_in_force (treaty, code, consent_type, in_force_on, party_by, source, note) VALUES (@treaty, @code, @consent_type, @in_force_on, @party_by, @source, @note)',
  );
  const insertReport = db.prepare(
    'INSERT INTO reports (treaty, date, precision, claim, code, count, grade, source, note) VALUES (@treaty, @date, @precision, @claim, @code, @count, @grade, @source, @note)',
  );
  const log = db.prepare("INSERT INTO changes (at, command, entity, key, before, after) VALUES (?, 'seed', ?, ?, NULL, ?)");
  const setMeta = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');

  db.transaction(() => {
    for (const t of data.treaties) {
      insertTreaty.run({ id: t.id, short_title: t.short_title, title: t.title, data_as_of: t.snapshot.date, definition: JSON.stringify(t) });
      for (const alias of [t.id, ...t.aliases]) insertAlias.run(alias, t.id);
      log.run(now, 'treaty', t.id, JSON.stringify({ id: t.id, short_title: t.short_title, data_as_of: t.snapshot.date }));
    }
    for (const p of data.participants) {
      insertParticipant.run(p);
      log.run(now, 'participant', p.code, JSON.stringify(p));
    }
    for (const a of data.actions) {
      insertAction.run(a);
      log.run(now, 'action', actionKey(a), JSON.stringify(a));
    }
    for (const p of data.published) {
      insertPublished.run(p);
      log.run(now, 'published_in_force', `${p.treaty}|${p.code}`, JSON.stringify(p));
    }
    for (const r of data.reports) {
      insertReport.run(r);
      log.run(now, 'report', reportKey(r), JSON.stringify(r));
    }
    setMeta.run('seeded_at', now);
  }).immediate();
}
