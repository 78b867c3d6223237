// What the engine needs from the database beyond one treaty's own actions: how many parties another
// treaty had on a date, for a threshold written relative to them. Read once per treaty and date.
import type { IsoDate } from '../domain/dates.js';
import type { ConditionEnv } from '../domain/conditions.js';
import { firstConsents } from '../domain/entry-into-force.js';
import type { Store } from '../store/store.js';

export function ruleEnv(store: Store): ConditionEnv {
  const seen = new Map<string, number | null>();
  return {
    partiesOf(treaty: string, on: IsoDate): number | null {
      const key = `${treaty}|${on}`;
      if (!seen.has(key)) {
        const known = store.treaties().find((t) => t.id === treaty);
        // Parties: every participant that had deposited an instrument that treaty counts by then.
        seen.set(key, known ? firstConsents(store.treaty(treaty).rule, store.participants(), store.actions(treaty, on)).length : null);
      }
      return seen.get(key)!;
    },
  };
}
