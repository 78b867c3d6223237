// treaty treaties: every treaty in the database, with where each stands.
import type { IsoDate } from '../domain/dates.js';
import { withKept } from '../domain/checks.js';
import { headerChecks } from '../domain/header-checks.js';
import { treatyStatus } from '../domain/status.js';
import type { Ctx } from '../context.js';
import type { ListResult } from '../formats/result.js';

export const TREATIES_COLUMNS = [
  'id', 'short_title', 'aliases', 'threshold', 'signatories', 'consents', 'counted', 'remaining', 'state', 'entry_into_force', 'data_as_of', 'checks',
] as const;

export interface TreatiesOptions {
  db: string | undefined;
  asOf: IsoDate | undefined;
  columns: readonly string[];
}

export async function treaties(ctx: Ctx, o: TreatiesOptions): Promise<ListResult> {
  const asOf = o.asOf ?? ctx.today();
  return ctx.withStore(o.db, 'read', (store) => {
    const participants = store.participants();
    const aliases = new Map(store.treaties().map((t) => [t.id, t.aliases]));
    const warnings: string[] = [];
    const rows = store.definitions().map((t) => {
      const published = store.published(t.id);
      // One read of the actions serves both: treatyStatus ignores those after asOf itself.
      const actions = store.actions(t.id);
      const s = treatyStatus(t, participants, actions, asOf, published);
      const checks = withKept([...headerChecks(t, participants, actions, published), ...s.checks], store.checks(t.id));
      for (const c of checks) if (c.code !== 'data_stale') warnings.push(`${t.id}: ${c.message}`);
      return {
        id: t.id,
        short_title: t.short_title,
        aliases: aliases.get(t.id) ?? [],
        threshold: s.threshold,
        signatories: s.signatories,
        consents: s.consents,
        counted: s.counted,
        remaining: s.remaining,
        state: s.entry_into_force.state,
        entry_into_force: s.entry_into_force.date,
        data_as_of: s.data_as_of,
        // The codes, a list like aliases (a JSON array, one ";"-joined CSV field); status --json has each check's values.
        checks: checks.map((c) => c.code),
      };
    });
    return { kind: 'list', columns: o.columns, rows, notice: [`${rows.length} treat${rows.length === 1 ? 'y' : 'ies'} as of ${asOf}`, ...warnings.map((w) => `warning: ${w}`)].join('\n') };
  });
}
