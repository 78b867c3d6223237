// Real spellings people type, against the bundled participants: found, ambiguous or unknown.
import { describe, expect, it } from 'vitest';
import type { Participant } from '../../src/domain/model.js';
import { buildNameIndex, resolveParticipant } from '../../src/domain/names.js';
import { bundledDataDir, loadBundledData } from '../../src/store/bundled-data.js';

const participants: Participant[] = loadBundledData(bundledDataDir({})).participants.map((p) => ({
  ...p,
  aliases: p.aliases ? p.aliases.split(';') : [],
  groups: p.groups ? p.groups.split(';') : [],
}));
const index = buildNameIndex(participants);

const codeOf = (query: string) => {
  const r = resolveParticipant(query, index);
  return r.kind === 'found' ? r.participant.code : r.kind;
};

describe('resolveParticipant finds', () => {
  it.each([
    ['Viet Nam', 'VNM'], ['vietnam', 'VNM'], ['VN', 'VNM'], ['VNM', 'VNM'], ['vnm', 'VNM'], ['Viet-Nam', 'VNM'], ['Socialist Republic of Vietnam', 'VNM'],
    ['Türkiye', 'TUR'], ['Turkey', 'TUR'], ['turkiye', 'TUR'], ['TÜRKİYE', 'TUR'],
    ["Côte d'Ivoire", 'CIV'], ["Cote d'Ivoire", 'CIV'], ['cote divoire', 'CIV'], ['Ivory Coast', 'CIV'], ['CI', 'CIV'],
    ['United Kingdom', 'GBR'], ['UK', 'GBR'], ['U.K.', 'GBR'], ['Britain', 'GBR'], ['Great Britain', 'GBR'], ['GB', 'GBR'],
    ['United Kingdom of Great Britain and Northern Ireland', 'GBR'],
    ['Russia', 'RUS'], ['Russian Federation', 'RUS'], ['RU', 'RUS'],
    ['Iran', 'IRN'], ['Iran (Islamic Republic of)', 'IRN'], ['Islamic Republic of Iran', 'IRN'], ['Iran, Islamic Republic of', 'IRN'],
    ['DR Congo', 'COD'], ['DRC', 'COD'], ['Democratic Republic of the Congo', 'COD'], ['Congo-Kinshasa', 'COD'], ['Zaire', 'COD'],
    ['Congo', 'COG'], ['Republic of the Congo', 'COG'], ['Congo-Brazzaville', 'COG'],
    ['United States', 'USA'], ['USA', 'USA'], ['U.S.', 'USA'], ['United States of America', 'USA'],
    ['South Korea', 'KOR'], ['Republic of Korea', 'KOR'], ['Korea, Republic of', 'KOR'], ['North Korea', 'PRK'], ['DPRK', 'PRK'],
    ['Czechia', 'CZE'], ['Czech Republic', 'CZE'],
    ['Netherlands', 'NLD'], ['The Netherlands', 'NLD'], ['Holland', 'NLD'], ['Netherlands (Kingdom of the)', 'NLD'],
    ['Laos', 'LAO'], ["Lao People's Democratic Republic", 'LAO'], ['Tanzania', 'TZA'], ['United Republic of Tanzania', 'TZA'],
    ['Venezuela', 'VEN'], ['Bolivia', 'BOL'], ['Syria', 'SYR'], ['Moldova', 'MDA'], ['Micronesia', 'FSM'],
    ['Cape Verde', 'CPV'], ['Cabo Verde', 'CPV'], ['Swaziland', 'SWZ'], ['Eswatini', 'SWZ'], ['Burma', 'MMR'], ['Macedonia', 'MKD'],
    ['East Timor', 'TLS'], ['Timor-Leste', 'TLS'], ['Saint Lucia', 'LCA'], ['St Kitts', 'KNA'], ['Saint Vincent', 'VCT'],
    ['Palestine', 'PSE'], ['State of Palestine', 'PSE'], ['Vatican', 'VAT'], ['Holy See', 'VAT'],
    ['European Union', 'EUU'], ['EU', 'EUU'], ['EUU', 'EUU'], ['UAE', 'ARE'], ['Brunei', 'BRN'], ['Sao Tome and Principe', 'STP'],
    ['São Tomé and Príncipe', 'STP'], ['Guinea', 'GIN'], ['Guinea-Bissau', 'GNB'], ['Guinea Bissau', 'GNB'], ['Niger', 'NER'], ['Nigeria', 'NGA'],
    ['Sudan', 'SDN'], ['South Sudan', 'SSD'], ['Dominica', 'DMA'], ['Dominican Republic', 'DOM'], ['Namibia', 'NAM'], ['NA', 'NAM'],
    ['  germany  ', 'DEU'], ['GERMANY', 'DEU'], ['Deutschland', 'DEU'],
  ])('%j as %s', (query, code) => {
    expect(codeOf(query)).toBe(code);
  });
});

describe('resolveParticipant never picks silently', () => {
  it.each([
    ['Korea', ['KOR', 'PRK']],
    ['Saint', ['KNA', 'LCA', 'VCT']],
    ['Islands', ['COK', 'MHL', 'SLB']],
  ])('%j is ambiguous between %j', (query, codes) => {
    const r = resolveParticipant(query, index);
    expect(r.kind).toBe('ambiguous');
    if (r.kind === 'ambiguous') expect(r.candidates.map((p) => p.code)).toEqual(expect.arrayContaining(codes));
  });

  it.each([
    ['Vietnma', 'VNM'],
    ['Germny', 'DEU'],
    ['Frnace', 'FRA'],
    ['Turk', 'TUR'],
  ])('%j is unknown, with %s among the suggestions', (query, code) => {
    const r = resolveParticipant(query, index);
    expect(r.kind).toBe('unknown');
    if (r.kind === 'unknown') expect(r.suggestions.map((p) => p.code)).toContain(code);
  });

  it.each(['Atlantis', 'Yugoslavia', '', '!!!'])('%j is unknown', (query) => {
    expect(resolveParticipant(query, index).kind).toBe('unknown');
  });
});

describe('long names', () => {
  // Quadratic matching took 25 s on a 200 KB name; linear, this is milliseconds, well inside the
  // test's time-out (which is how a regression would show).
  it('a name of 100,000 characters is compared without a quadratic edit distance', () => {
    const r = resolveParticipant('Atlantis '.repeat(11_000), index);
    expect(r).toEqual({ kind: 'unknown', suggestions: [] });
  });
});
