// What the engine needs from the database beyond one treaty's own actions: how many parties another
// treaty had on a date, for a threshold written relative to them. Read once per treaty and date.
import type { IsoDate } from '../domain/dates.js';
import type { ConditionEnv } from '../domain/conditions.js';
import { treatyStatus } from '../domain/status.js';
import type { Store } from '../store/store.js';

export function ruleEnv(store: Store): ConditionEnv {
  const seen = new Map<string, number | null>();
  return {
    partiesOf(treaty: string, on: IsoDate): number | null {
      const key = `${treaty}|${on}`;
      if (!seen.has(key)) {
        const known = store.hasTreaty(treaty);
        // The parties `status` counts that day, those the depositary proves parties without a date included.
        seen.set(key, known ? treatyStatus(store.treaty(treaty), store.participants(), store.actions(treaty, on), on, store.published(treaty)).consents : null);
      }
      return seen.get(key)!;
    },
  };
}
