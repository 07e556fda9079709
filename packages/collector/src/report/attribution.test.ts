import { describe, expect, it } from 'vitest';
import { attributeConversions } from './attribution.ts';
import { click, collector, conversion, crossCheckOnPostgres, impression, MINUTE, T0 } from './test-support.ts';

crossCheckOnPostgres();

const DAY = Math.floor(T0 / 86_400_000);
const credited = (db: Parameters<typeof attributeConversions>[0], options = {}) =>
  attributeConversions(db, DAY - 10, DAY + 10, options).map(({ goal, cta, pageView }) => ({ goal, cta, pageView }));

describe('attributeConversions', () => {
  it('credits the last click in the same visit on a CTA with the conversion goal', async () => {
    const { db, at } = collector();
    await at(
      T0,
      impression('pv1', 0, 'hero', { vi: 'v1', g: 'signup' }),
      click('pv1', 1, 'hero', { vi: 'v1', g: 'signup' }),
    );
    await at(
      T0 + MINUTE,
      click('pv1', 2, 'footer', { vi: 'v1', g: 'signup' }),
      click('pv1', 3, 'docs', { vi: 'v1', g: 'read' }),
    );
    await at(T0 + 2 * MINUTE, conversion('pv2', 0, 'signup', { vi: 'v1' }));
    expect(credited(db)).toEqual([{ goal: 'signup', cta: 'footer', pageView: 'pv1' }]);
    // First-click: the earliest click in the window.
    expect(credited(db, { model: 'first-click' })).toEqual([{ goal: 'signup', cta: 'hero', pageView: 'pv1' }]);
  });

  it('within the window only (default 30 minutes), and never a click after the conversion', async () => {
    const { db, at } = collector();
    await at(T0, click('pv1', 0, 'hero', { vi: 'v1', g: 'signup' }));
    // The visit goes on (the collector splits a tab after 30 minutes without events): an impression in between.
    await at(T0 + 20 * MINUTE, impression('pv1', 1, 'hero', { vi: 'v1' }));
    await at(T0 + 31 * MINUTE, conversion('pv2', 0, 'signup', { vi: 'v1' }));
    await at(T0 + 32 * MINUTE, click('pv2', 1, 'late', { vi: 'v1', g: 'signup' }));
    expect(credited(db)).toEqual([{ goal: 'signup', cta: null, pageView: null }]);
    expect(credited(db, { windowMinutes: 45 })).toEqual([{ goal: 'signup', cta: 'hero', pageView: 'pv1' }]);
  });

  it('in one request, a click in the same page view counts only if its sequence number is lower', async () => {
    const { db, at } = collector();
    await at(T0, conversion('pv1', 0, 'signup', { vi: 'v1' }), click('pv1', 1, 'after', { vi: 'v1', g: 'signup' }));
    expect(credited(db)).toEqual([{ goal: 'signup', cta: null, pageView: null }]);
    await at(T0, click('pv3', 0, 'before', { vi: 'v2', g: 'signup' }), conversion('pv3', 1, 'signup', { vi: 'v2' }));
    expect(credited(db)[1]).toEqual({ goal: 'signup', cta: 'before', pageView: 'pv3' });
  });

  it('falls back to a click on any CTA only when configured (any goal)', async () => {
    const { db, at } = collector();
    await at(T0, click('pv1', 0, 'pricing', { vi: 'v1', g: 'buy' }), click('pv1', 1, 'plain', { vi: 'v1' }));
    await at(T0 + MINUTE, conversion('pv2', 0, 'signup', { vi: 'v1' }));
    expect(credited(db)).toEqual([{ goal: 'signup', cta: null, pageView: null }]);
    expect(credited(db, { anyGoal: true })).toEqual([{ goal: 'signup', cta: 'plain', pageView: 'pv1' }]);
  });

  it('keeps a conversion without a visit id or without any click as unattributed, never drops it', async () => {
    const { db, at, report: build } = collector();
    await at(T0, click('pv1', 0, 'hero', { g: 'signup' })); // no visit id: cannot be linked to anything
    await at(T0 + MINUTE, conversion('pv2', 0, 'signup'), conversion('pv3', 0, 'signup', { vi: 'lonely' }));
    expect(credited(db)).toEqual([
      { goal: 'signup', cta: null, pageView: null },
      { goal: 'signup', cta: null, pageView: null },
    ]);
    const report = await build();
    expect(report.totals).toMatchObject({ conversions: 2, attributedConversions: 0, unattributedConversions: 2 });
  });

  it('ignores the attribution a client claims: a forged CTA or page view changes nothing', async () => {
    const { db, at, report: build } = collector();
    await at(
      T0,
      impression('pv1', 0, 'hero', { vi: 'v1', g: 'signup' }),
      click('pv1', 1, 'hero', { vi: 'v1', g: 'signup' }),
    );
    await at(T0, impression('pvX', 0, 'victim', { vi: 'other', g: 'signup' }));
    await at(T0 + MINUTE, conversion('pv2', 0, 'signup', { vi: 'v1', ac: 'victim', apv: 'pvX' }));
    expect(credited(db)).toEqual([{ goal: 'signup', cta: 'hero', pageView: 'pv1' }]);
    const rows = (await build()).rows;
    expect(rows.find((row) => row.cta === 'victim')).toMatchObject({ conversions: 0 });
    expect(rows.find((row) => row.cta === 'hero')).toMatchObject({ conversions: 1 });
  });

  it('a replayed request changes nothing: idempotent on (page view, sequence)', async () => {
    const { at, report: build } = collector();
    const events = [
      impression('pv1', 0, 'hero', { vi: 'v1', g: 'signup' }),
      click('pv1', 1, 'hero', { vi: 'v1', g: 'signup' }),
    ];
    await at(T0, ...events);
    const converted = conversion('pv2', 0, 'signup', { vi: 'v1', val: 10, cur: 'EUR' });
    expect(await at(T0 + MINUTE, converted)).toEqual({ stored: 1, duplicates: 0 });
    const once = await build(new Date(T0));
    expect(await at(T0 + 2 * MINUTE, ...events, converted)).toEqual({ stored: 0, duplicates: 3 });
    expect(await build(new Date(T0))).toEqual(once);
    expect(once.rows[0]).toMatchObject({ cta: 'hero', impressions: 1, clicks: 1, conversions: 1, value: { EUR: 10 } });
  });
});
