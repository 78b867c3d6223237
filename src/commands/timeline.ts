// treaty timeline: cumulative signatories and counted instruments over time, the threshold, and the
// date of entry into force; a chart for people, the series for programs.
import type { IsoDate } from '../domain/dates.js';
import { entryIntoForce } from '../domain/entry-into-force.js';
import { seriesAsOf } from '../domain/series.js';
import { dataCoveredTo } from '../domain/status.js';
import type { Ctx } from '../context.js';
import type { TimelineResult } from '../formats/result.js';
import { ruleEnv } from './rule-env.js';

export interface TimelineOptions {
  db: string | undefined;
  treaty: string;
  asOf: IsoDate | undefined;
}

export async function timeline(ctx: Ctx, o: TimelineOptions): Promise<TimelineResult> {
  const asOf = o.asOf ?? ctx.today();
  return ctx.withStore(o.db, 'read', (store) => {
    const treaty = store.treaty(o.treaty);
    const participants = store.participants();
    const actions = store.actions(treaty.id, asOf);
    const eif = entryIntoForce(treaty.rule, participants, actions, ruleEnv(store));
    const covered = dataCoveredTo(treaty, actions);
    const series: TimelineResult['series'] = seriesAsOf(treaty, participants, actions, asOf, store.published(treaty.id));
    // A last point with unknown counts: the line stops at the data's date instead of running flat to today.
    if (covered < asOf) series.push({ date: asOf, signatories: null, counted: null });
    return {
      kind: 'timeline',
      treaty: treaty.id,
      title: treaty.short_title,
      opens_on: treaty.signature.opens_on,
      as_of: asOf,
      threshold: treaty.rule.threshold,
      entry_into_force_on: eif.entry_into_force_on,
      data_as_of: covered < asOf ? covered : asOf,
      series,
    };
  });
}
