// The report page from plain values: escaping of everything that comes from data, the states of the
// countdown, and the projection drawn where its dates fall. (The browser test reads real reports.)
import { describe, expect, it } from 'vitest';
import { regionalBreakdown } from '../../src/domain/regions.js';
import { cumulativeSeries } from '../../src/domain/series.js';
import { participantStates, treatyStatus } from '../../src/domain/status.js';
import { escapeHtml, html, raw } from '../../src/formats/html.js';
import { chartEnd, spread } from '../../src/formats/report-chart.js';
import { reportHtml } from '../../src/formats/report-html.js';
import type { ReportResult } from '../../src/formats/result.js';
import type { ActionRow, Participant, TreatyDefinition } from '../../src/domain/model.js';
import { action, makeTreaty, participantMap, state } from './fixtures.js';

function reportOf(treaty: TreatyDefinition, participants: Map<string, Participant>, actions: ActionRow[], asOf: string): ReportResult {
  const states = participantStates(treaty, participants, actions, asOf);
  return {
    kind: 'report',
    as_of: asOf,
    made_on: asOf,
    version: '0.0.0-test',
    sections: [
      {
        treaty,
        status: treatyStatus(treaty, participants, actions, asOf),
        series: cumulativeSeries(treaty, states),
        regions: regionalBreakdown(states),
        participants: states.filter((s) => s.status !== 'none').map((s) => ({ ...s, sources: [...new Set(actions.filter((a) => a.code === s.code).map((a) => a.source))] })),
        not_yet: states.filter((s) => s.status === 'none').map((s) => s.name),
      },
    ],
  };
}

describe('html', () => {
  it('escapes every interpolated value unless it is markup already', () => {
    const name = `<img src=x onerror="alert('x')"> & co`;
    expect(html`<p title="${name}">${name}</p>`.text).toBe(`<p title="${escapeHtml(name)}">&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; co</p>`);
    expect(html`<p>${raw('<b>bold</b>')}${[html`<i>${'<'}</i>`, 'a<b']}${null}${false}${0}</p>`.text).toBe('<p><b>bold</b><i>&lt;</i>a&lt;b0</p>');
  });
});

describe('spread (labels at the end of the chart lines)', () => {
  it('leaves labels far enough apart where they are', () => {
    expect(spread([10, 50, 90], 15, 300)).toEqual([10, 50, 90]);
  });

  it('pushes a label down from the one above it, keeping their order and the input order', () => {
    expect(spread([100, 100, 40], 15, 300)).toEqual([100, 115, 40]);
    expect(spread([105, 100], 15, 300)).toEqual([115, 100]);
  });

  it('moves them all up when the lowest would fall below the bottom', () => {
    expect(spread([290, 290, 290], 15, 300)).toEqual([270, 285, 300]);
  });
});

describe('reportHtml', () => {
  const hostile = '</title><script>alert(1)</script>';
  const treaty = { ...makeTreaty({ rule: { threshold: 3 } }), short_title: `Test ${hostile}`, title: `Full ${hostile}` };
  const participants = participantMap(state('AAA', [], `Atlantis ${hostile}`), state('BBB'), state('CCC'), state('DDD'));

  it('never lets a title, a name or a source become markup, and needs nothing from the network', () => {
    const actions = [{ ...action('AAA', 'signature', '2025-10-25'), source: 'https://example.org/a?x=1&y="2"' }];
    const page = reportHtml(reportOf(treaty, participants, actions, '2026-01-01'));
    expect(page).not.toContain('<script');
    expect(page).toContain('&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('href="https://example.org/a?x=1&amp;y=&quot;2&quot;"');
    // Nothing to fetch: no src attribute, no stylesheet link, no url() in the CSS.
    expect(page).not.toMatch(/\ssrc=|<link|@import|url\((?!#)/);
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
  });

  it('says how many are still needed, then the date and the days left, then since when it is in force', () => {
    const signatures = ['AAA', 'BBB', 'CCC'].map((c) => action(c, 'signature', '2025-10-25'));
    const deposits = [action('AAA', 'ratification', '2026-01-10'), action('BBB', 'ratification', '2026-02-10'), action('CCC', 'ratification', '2026-03-01')];
    const all = [...signatures, ...deposits];
    expect(reportHtml(reportOf(treaty, participants, all, '2026-02-20'))).toMatch(/<span class="num" data-field="remaining">1<\/span> more counted instrument needed/);
    const scheduled = reportHtml(reportOf(treaty, participants, all, '2026-03-10'));
    expect(scheduled).toContain('Enters into force on <time datetime="2026-05-30"');
    expect(scheduled).toContain('<span class="num" data-field="entry_into_force.days_until">81</span> days');
    expect(reportHtml(reportOf(treaty, participants, all, '2026-06-01'))).toContain('In force since <time datetime="2026-05-30"');
  });

  it('draws no chart and no table before anything has happened, and says so', () => {
    const page = reportHtml(reportOf(treaty, participants, [action('AAA', 'signature', '2025-10-25')], '2025-06-01'));
    expect(page).toContain('Nothing to draw yet: no signature or instrument as of 1 June 2025.');
    expect(page).not.toContain('<svg class="chart');
    expect(page).toContain('<h2>Participants that have acted (0)</h2>\n<p class="note">None yet.</p>');
    expect(page).toContain('opens on <time datetime="2025-10-25"');
  });

  it('draws the projection clipped to the chart, and says so when its median falls past the end', () => {
    const big = makeTreaty({ rule: { threshold: 40 } });
    const many = participantMap(...['AAA', 'BBB', 'CCC', 'DDD'].map((c) => state(c)));
    const deposits = ['AAA', 'BBB', 'CCC'].map((c, i) => action(c, 'ratification', `2026-0${i + 2}-01`));
    const result = reportOf(big, many, deposits, '2026-06-01');
    const status = result.sections[0]!.status;
    expect(status.projection).not.toBeNull();
    const end = chartEnd(status, big.signature.opens_on);
    expect(status.projection!.threshold_reached_on.median > end).toBe(true);
    const page = reportHtml(result);
    expect(page).toContain(`threshold about ${status.projection!.threshold_reached_on.median}, past the chart`);
    expect(page).toMatch(/<g class="projection"><g clip-path="url\(#plot-wide-XVIII-16\)">/);
  });
});
