// treaty db path|check|backup|update: the database file itself.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { actionKey } from '../domain/check-actions.js';
import { headerChecks } from '../domain/header-checks.js';
import { treatyStatus } from '../domain/status.js';
import { withKept } from '../domain/checks.js';
import { mergeReports } from '../store/reports.js';
import { bundledCorrections, correctParticipants, isBundledWrite } from '../store/bundled-corrections.js';
import type { ActionRow } from '../domain/model.js';
import type { Ctx } from '../context.js';
import { UserError } from '../errors.js';
import type { ListResult } from '../formats/result.js';
import { SCHEMA_VERSION } from '../store/migrations.js';
import type { Store } from '../store/store.js';
import { checkOutputTarget, tempPathBeside } from '../ui/output-file.js';
import { actionWriter } from '../store/writes.js';
import type { WriteTx } from '../store/write-tx.js';
import { droppedTreaties, userEdits } from '../store/treaty-writes.js';
import { keepUserEdits } from '../domain/treaty-edits.js';

const CHECK_COLUMNS = ['check', 'value'] as const;

export function dbPath(ctx: Ctx, db: string | undefined): ListResult {
  return { kind: 'list', columns: ['path'], rows: [{ path: ctx.dbPath(db) }], plain: true };
}

/** Integrity, schema version, row counts, and how far the database is behind the bundled data. */
export async function dbCheck(ctx: Ctx, db: string | undefined): Promise<ListResult> {
  const { bundledDataDir, loadBundledData } = await import('../store/bundled-data.js');
  const bundled = loadBundledData(bundledDataDir(ctx.env));
  return ctx.withStore(db, 'read', (store) => {
    const integrity = store.integrity();
    const missing = missingBundled(store, bundled.actions).length;
    const participants = store.participants();
    const ok = integrity.length === 1 && integrity[0] === 'ok';
    const rows = [
      { check: 'path', value: store.path },
      { check: 'integrity', value: integrity.join('; ') },
      { check: 'schema_version', value: store.schemaVersion() },
      { check: 'treaties', value: store.count('treaties') },
      { check: 'participants', value: store.count('participants') },
      { check: 'actions', value: store.count('actions') },
      { check: 'change_sets', value: store.count('change_sets') },
      { check: 'bundled_actions_missing', value: missing },
      ...store.definitions().map((t) => {
        const problems = headerChecks(t, participants, store.actions(t.id), store.published(t.id));
        return { check: `depositary_counts_${t.id}`, value: problems.length ? problems.map((p) => p.message).join('; ') : 'agree' };
      }),
      ...store.definitions().map((t) => {
        // Every coded warning about the treaty's data as of today (status --json gives their values).
        const checks = withKept(treatyStatus(t, participants, store.actions(t.id), ctx.today(), store.published(t.id)).checks, store.checks(t.id));
        return { check: `checks_${t.id}`, value: checks.length ? checks.map((c) => `${c.code}: ${c.message}`).join('; ') : 'none' };
      }),
    ];
    if (!ok) throw new UserError(`database ${store.path} failed its integrity check: ${integrity.slice(0, 3).join('; ')}`, 'restore a backup (treaty db backup makes one)');
    const notice = missing > 0 ? `${missing} bundled action${missing === 1 ? ' is' : 's are'} not in this database: run treaty db update` : `database ok (schema ${SCHEMA_VERSION})`;
    return { kind: 'list', columns: CHECK_COLUMNS, rows, notice, noticeAlways: true };
  });
}

/** A consistent copy made with SQLite's online backup, written beside the target and renamed into place. */
export async function dbBackup(ctx: Ctx, db: string | undefined, target: string, force: boolean): Promise<ListResult> {
  if (existsSync(target) && !force) throw new UserError(`${target} exists already`, 'choose another name, or add --force to overwrite it');
  checkOutputTarget(target, { devices: false, protect: [ctx.dbPath(db)] });
  const temp = tempPathBeside(target);
  return ctx.withStore(db, 'read', async (store) => {
    try {
      await store.backup(temp);
      renameSync(temp, target);
    } catch (e) {
      rmSync(temp, { force: true });
      throw new UserError(`cannot write ${target}: ${(e as Error).message}`);
    }
    return { kind: 'list', columns: ['backup'], rows: [{ backup: target }], notice: `backed up ${store.path} to ${target}`, noticeAlways: true, plain: true };
  });
}

/**
 * Merges the bundled data of this release into an existing database: new treaties, participants,
 * actions and published dates are added and treaty definitions refreshed; nothing the user recorded,
 * changed or removed is touched (an action is added only if its key is absent).
 */
export async function dbUpdate(ctx: Ctx, db: string | undefined, dryRun: boolean, command: string): Promise<ListResult> {
  const { bundledDataDir, loadBundledData } = await import('../store/bundled-data.js');
  const release = loadBundledData(bundledDataDir(ctx.env));
  return ctx.withStore(db, 'write', (store) => {
    // A treaty the user dropped stays dropped, and what the user edited in a definition stays edited.
    const dropped = droppedTreaties(store);
    const edits = userEdits(store);
    const stays = (r: { treaty: string }) => !dropped.has(r.treaty);
    const current = new Map(store.definitions().map((t) => [t.id, t]));
    const bundled = {
      ...release,
      treaties: release.treaties.filter((t) => !dropped.has(t.id)).map((t) => (edits.has(t.id) && current.has(t.id) ? keepUserEdits(t, current.get(t.id)!, edits.get(t.id)!) : t)),
      actions: release.actions.filter(stays),
      published: release.published.filter(stays),
      reports: release.reports.filter(stays),
    };
    // One set, like any write; a dry run writes it and rolls it back, so its counts are the real ones.
    const counts = store.write(
      command,
      (tx) => {
        const participants = bundled.participants.filter((p) => tx.insertIfAbsent('participants', p as Record<string, string | null>)).length;
        const correctedParticipants = correctParticipants(store, tx, bundled.participants);
        const treaties = mergeTreaties(tx, bundled.treaties);
        const write = actionWriter(tx);
        // Corrected bundled rows first, so that a row whose date or type changed is replaced, not doubled.
        const corrections = bundledCorrections(store, bundled.actions);
        for (const c of corrections) {
          if (actionKey(c.before) === actionKey(c.after)) write.change(c.before, c.after);
          else {
            write.remove(c.before);
            write.add(c.after);
          }
        }
        const replacing = new Set(corrections.map((c) => actionKey(c.after)));
        const missing = missingBundled(store, bundled.actions).filter((a) => !replacing.has(actionKey(a)));
        for (const a of missing) write.add(a);
        for (const p of bundled.published) tx.insertIfAbsent('published_in_force', p as unknown as Record<string, string | null>);
        const reports = mergeReports(tx, bundled.reports, store.removedBy('reports', isBundledWrite));
        return { added: missing.length, treaties, participants, reports, corrected: corrections.length, correctedParticipants };
      },
      { dryRun },
    );
    const { added, treaties, participants, reports, corrected, correctedParticipants } = counts;
    const verb = dryRun ? 'would add' : 'added';
    return {
      kind: 'list',
      columns: ['merged', 'count'],
      rows: [
        { merged: 'treaties', count: treaties },
        { merged: 'participants', count: participants },
        { merged: 'actions', count: added },
        { merged: 'corrected_actions', count: corrected },
        { merged: 'corrected_participants', count: correctedParticipants },
        { merged: 'reports', count: reports },
      ],
      notice: `${verb} ${added} bundled action${added === 1 ? '' : 's'}, ${dryRun ? 'would correct' : 'corrected'} ${corrected}, ${treaties} treat${treaties === 1 ? 'y' : 'ies'} and ${participants} participant${participants === 1 ? '' : 's'}; what you recorded is kept`,
      noticeAlways: true,
    };
  });
}

/** Bundled actions the database lacks, leaving out those the user removed (their removal stands). */
function missingBundled(store: Store, actions: readonly ActionRow[]): ActionRow[] {
  const removedByUser = store.removedBy('actions', isBundledWrite);
  const keys = new Set((store.rows('actions') as unknown as ActionRow[]).map(actionKey));
  return actions.filter((a) => !keys.has(actionKey(a)) && !removedByUser.has(actionKey(a)));
}

/** Adds the release's new treaties and refreshes the others' definitions; returns how many it adds. */
function mergeTreaties(tx: WriteTx, treaties: readonly { id: string; short_title: string; title: string; aliases: string[]; snapshot: { date: string } }[]): number {
  let added = 0;
  for (const t of treaties) {
    const stored = tx.get('treaties', { id: t.id });
    let definition = JSON.stringify(t);
    let dataAsOf = t.snapshot.date;
    // A data date the user set (sync, import --data-as-of) later than the release's stays, in the definition too.
    if (stored && String(stored.data_as_of) > dataAsOf) {
      dataAsOf = String(stored.data_as_of);
      definition = JSON.stringify({ ...t, snapshot: { ...t.snapshot, date: dataAsOf } });
    }
    if (tx.upsert('treaties', { id: t.id, short_title: t.short_title, title: t.title, data_as_of: dataAsOf, definition }) === 'added') added += 1;
    for (const alias of new Set([t.id, ...t.aliases])) tx.insertIfAbsent('treaty_aliases', { alias, treaty: t.id });
  }
  return added;
}
