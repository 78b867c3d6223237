import { describe, expect, it } from 'vitest';
import { partyProofs } from '../../src/domain/party-proof.js';
import { participantStates, treatyStatus } from '../../src/domain/status.js';
import type { PublishedInForce } from '../../src/domain/model.js';
import { BUDAPEST_RULE, action, makeTreaty, participantMap, state } from './fixtures.js';

const SRC = 'https://example.org/total';
// Five dated parties, then a total of 8 on 2020-03-08 that the rows reach only with PPP, QQQ and RRR.
const TREATY = {
  ...makeTreaty({ id: 'ets185', rule: BUDAPEST_RULE, signature: { opens_on: '2001-11-23', closes_on: null } }),
  counts: [
    { date: '2020-03-08', signatories: null, parties: 8, not_in_data: ['PPP', 'QQQ', 'RRR'], source: SRC },
    { date: '2022-01-01', signatories: null, parties: 8, not_in_data: ['PPP', 'QQQ'], source: 'https://example.org/later' },
  ],
};
const DATED = ['AAA', 'BBB', 'CCC', 'DDD', 'EEE'];
const PARTICIPANTS = participantMap(...[...DATED, 'PPP', 'QQQ', 'RRR'].map((c) => state(c, ['coe_member'])));
const ACTIONS = [...DATED.map((c) => action(c, 'ratification', '2004-01-10', 'ets185')), action('QQQ', 'signature', '2002-01-01', 'ets185')];
// QQQ's published date of entry into force comes after the total that proves it; RRR has a "party by" date before it.
const PUBLISHED: PublishedInForce[] = [
  { code: 'QQQ', consent_type: 'ratification', in_force_on: '2020-06-01', party_by: null, source: 'https://example.org/qqq' },
  { code: 'RRR', consent_type: 'accession', in_force_on: null, party_by: '2019-12-31', source: 'https://example.org/rrr' },
];

describe('partyProofs: the first date a source proves a party', () => {
  const proofs = partyProofs(TREATY, PUBLISHED);
  it.each([
    ['PPP', '2020-03-08', SRC, null],
    ['QQQ', '2020-03-08', SRC, '2020-06-01'],
    ['RRR', '2019-12-31', 'https://example.org/rrr', null],
  ])('%s from %s', (code, from, source, inForceOn) => {
    expect(proofs.get(code)).toMatchObject({ from, source, in_force_on: inForceOn });
  });
  it('names no one the sources do not', () => expect([...proofs.keys()].sort()).toEqual(['PPP', 'QQQ', 'RRR']));
});

describe('participantStates: a party whose date is unknown', () => {
  const at = (asOf: string) => new Map(participantStates(TREATY, PARTICIPANTS, ACTIONS, asOf, { published: PUBLISHED }).map((s) => [s.code, s]));
  it('is not a party before a source proves it one', () => {
    expect(at('2020-03-07').get('PPP')).toMatchObject({ status: 'none', date_unknown: false, party_by: null });
    expect(at('2020-03-07').get('QQQ')).toMatchObject({ status: 'signed', date_unknown: false });
  });
  it('is a party from the day of the total, with null dates and the field that says they are unknown', () => {
    expect(at('2020-03-08').get('PPP')).toMatchObject({ status: 'consented', consent_on: null, in_force_on: null, date_unknown: true, party_by: '2020-03-08' });
  });
  it('is in force once the rule for later parties has run from the proving date, or from the published date', () => {
    expect(at('2020-07-01').get('PPP')).toMatchObject({ status: 'in_force', in_force_on: null });
    expect(at('2020-05-31').get('QQQ')).toMatchObject({ status: 'consented', in_force_on: '2020-06-01' });
    expect(at('2020-06-01').get('QQQ')).toMatchObject({ status: 'in_force', signed_on: '2002-01-01' });
  });
  it.each([['2020-03-07', 6], ['2020-03-08', 8], ['2022-01-01', 8]])('counts them in consents on %s: %i, the published totals', (asOf, consents) => {
    expect(treatyStatus(TREATY, PARTICIPANTS, ACTIONS, asOf, PUBLISHED).consents).toBe(consents);
  });
});
