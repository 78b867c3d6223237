// treaty pace [treaty...]: treaties side by side by days since they opened for signature.
import { addDays, daysBetween, type IsoDate } from '../domain/dates.js';
import { entryIntoForce } from '../domain/entry-into-force.js';
import { seriesAsOf } from '../domain/series.js';
import { dataCoveredTo } from '../domain/status.js';
import type { TreatyDefinition } from '../domain/schemas.js';
import { UsageError } from '../errors.js';
import type { Ctx } from '../context.js';
import type { ListResult, Row } from '../formats/result.js';

export const PACE_DAYS = [30, 90, 180, 365, 730, 1095, 1825, 3650] as const;
export const PACE_COLUMNS = ['treaty', 'day', 'date', 'signatories', 'counted', 'event'] as const;

export interface PaceOptions {
  db: string | undefined;
  /** Treaties to compare, from the arguments; every treaty in the database when empty and no `treaty`. */
  treaties: readonly string[];
  /** The global --treaty: the one treaty to show, or the same one the arguments name. */
  treaty: string | undefined;
  asOf: IsoDate | undefined;
  columns: readonly string[];
}

export async function pace(ctx: Ctx, o: PaceOptions): Promise<ListResult> {
  const asOf = o.asOf ?? ctx.today();
  return ctx.withStore(o.db, 'read', (store) => {
    const named = o.treaties.map((t) => store.treaty(t));
    const treaties = o.treaty === undefined ? (named.length ? named : store.definitions()) : [oneTreaty(store.treaty(o.treaty), o.treaty, named, o.treaties)];
    const participants = store.participants();
    const rows: Row[] = [];
    const behind: string[] = [];
    for (const treaty of treaties) {
      const actions = store.actions(treaty.id, asOf);
      const opens = treaty.signature.opens_on;
      // The same counts as status and timeline give, parties known only from the depositary included.
      const series = seriesAsOf(treaty, participants, actions, asOf, store.published(treaty.id));
      // After the data's date nobody looked: those counts are unknown, not unchanged.
      const covered = dataCoveredTo(treaty, actions);
      const at = (date: IsoDate) => (date > covered ? { signatories: null, counted: null } : (series.findLast((p) => p.date <= date) ?? { signatories: 0, counted: 0 }));
      if (covered < asOf) behind.push(`${treaty.id} after ${covered}`);
      const points: Row[] = [];
      for (const day of PACE_DAYS) {
        const date = addDays(opens, day);
        if (date > asOf) break;
        const { signatories, counted } = at(date);
        points.push({ treaty: treaty.id, day, date, signatories, counted, event: null });
      }
      const reached = entryIntoForce(treaty.rule, participants, actions).threshold_reached_on;
      if (reached) {
        const { signatories, counted } = at(reached);
        points.push({ treaty: treaty.id, day: daysBetween(opens, reached), date: reached, signatories, counted, event: `threshold of ${treaty.rule.threshold} met` });
      }
      points.sort((a, b) => (a.day as number) - (b.day as number));
      rows.push(...points);
    }
    const unknown = behind.length ? `; counts unknown (empty) where the data ends: ${behind.join(', ')}` : '';
    return { kind: 'list', columns: o.columns, rows, notice: `days since each treaty opened for signature, as of ${asOf}${unknown}` };
  });
}

/**
 * --treaty and the arguments are two ways to name a treaty: either alone, or both naming the same one
 * (by any alias). Naming others as well is a contradiction the command line must resolve, not us.
 */
function oneTreaty(option: TreatyDefinition, given: string, named: readonly TreatyDefinition[], raws: readonly string[]): TreatyDefinition {
  const other = named.findIndex((t) => t.id !== option.id);
  if (other === -1) return option;
  const all = named.some((t) => t.id === option.id) ? raws : [...raws, given];
  throw new UsageError(`pace: --treaty ${given} and the argument ${raws[other]} name different treaties; name them all as arguments (treaty pace ${all.join(' ')}) or one with --treaty`);
}
