import { atom } from 'nanostores';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SIGNALS_KEY, VISIT_GAP_MS } from '../offers/signals-format.ts';
import { drawArm, forget, readSignals, startSignals } from './signals.ts';

// The recorder in real Chromium with its real localStorage; the clock is faked where time matters.
const DAY = 864e5;
const CONDITION = '{"viewed":"fjord-jacket","within":"7d","notPurchased":true}';
const page = (html: string) => {
  document.body.innerHTML = html;
};
const offerPage = `<div data-cta-choose="offer" data-cta-experiment="deal"><div data-cta-arm="v" data-cta-when='${CONDITION}'></div><div data-cta-arm="d" data-cta-default></div></div>`;

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  localStorage.clear();
  document.body.innerHTML = '';
});

describe('recording', () => {
  it('records the items a page shows, counts views, and turns conditions into time windows', () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-30T10:00:00Z'), toFake: ['Date'] });
    page(offerPage);
    startSignals();
    expect(readSignals().m?.[CONDITION]).toEqual([0, 0]);
    page('<span hidden data-cta-item="fjord-jacket"></span><p data-cta-item="fjord-jacket">twice on one page</p>');
    startSignals();
    startSignals();
    const viewedAt = Date.now();
    const record = readSignals();
    expect(record.i).toEqual({ 'fjord-jacket': [2, viewedAt] });
    // The condition seen on the offer page was re-evaluated on the product page.
    expect(record.m?.[CONDITION]).toEqual([viewedAt, viewedAt + 7 * DAY]);
    expect(record.e).toBe(30 * DAY);
  });

  it('starts a returning visit after 30 minutes without a page view, with the campaign of its first page', () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-30T10:00:00Z'), toFake: ['Date'] });
    startSignals();
    expect(readSignals()).toMatchObject({ r: 0 });
    vi.setSystemTime(Date.now() + VISIT_GAP_MS);
    history.replaceState(null, '', '?utm_campaign=winter-sale');
    startSignals();
    history.replaceState(null, '', location.pathname);
    expect(readSignals()).toMatchObject({ r: 1, c: 'winter-sale', s: Date.now() });
    vi.setSystemTime(Date.now() + 60_000);
    startSignals();
    expect(readSignals()).toMatchObject({ r: 1, c: 'winter-sale' });
  });

  it('records cart and purchase events the site dispatches', () => {
    startSignals();
    document.dispatchEvent(new CustomEvent('cta:cart', { detail: { item: 'fjord-jacket' } }));
    window.dispatchEvent(new CustomEvent('cta:purchase', { detail: { item: 'fjord-jacket' } }));
    document.dispatchEvent(new CustomEvent('cta:cart', { detail: { nothing: true } }));
    const record = readSignals();
    expect(Object.keys(record.k ?? {})).toEqual(['fjord-jacket']);
    expect(Object.keys(record.p ?? {})).toEqual(['fjord-jacket']);
  });

  it('forgets entries past their lifetime and those from a clock that ran ahead', () => {
    const now = Date.now();
    localStorage.setItem(
      SIGNALS_KEY,
      JSON.stringify({ i: { old: [1, now - 31 * DAY], future: [1, now + 3 * DAY], fresh: [1, now - DAY] } }),
    );
    startSignals();
    expect(Object.keys(readSignals().i ?? {})).toEqual(['fresh']);
  });

  it('stores the arm the chooser showed, or the holdout when it showed none', () => {
    page(
      '<div data-cta-choose="experiment" data-cta-experiment="hero"><div data-cta-arm="A"></div><div data-cta-arm="B" data-cta-shown></div></div>' +
        '<div data-cta-choose="experiment" data-cta-experiment="held"><div data-cta-arm="A"></div><div data-cta-arm="B"></div></div>',
    );
    startSignals({ chooserPicks: true });
    expect(readSignals().m).toMatchObject({ hero: 'B', held: '' });
  });
});

describe('draws', () => {
  it('weights and holdout, as the chooser draws them', () => {
    page('<i data-cta-arm="A"></i><i data-cta-arm="B" data-cta-weight="3"></i>');
    const arms = [...document.querySelectorAll('i')];
    expect(drawArm(arms, 0, 0.99)).toBe('A');
    expect(drawArm(arms, 0, 0.74)).toBe('B');
    expect(drawArm(arms, 0.2, 0.9)).toBe('');
    const counts: Record<string, number> = { A: 0, B: 0, '': 0 };
    for (let draw = 0; draw < 10_000; draw++) counts[drawArm(arms, 0.2, (draw + 0.5) / 10_000)]!++;
    expect(counts).toEqual({ A: 2000, B: 6000, '': 2000 });
  });
});

describe('privacy and bad storage', () => {
  it('stores nothing while consent is pending, everything once granted, and forgets on an explicit denial', () => {
    const consent = atom<'granted' | 'pending' | 'denied' | undefined>(undefined);
    page('<span data-cta-item="fjord-jacket"></span>');
    startSignals({ consent: { store: consent, fallback: 'pending' } });
    expect(localStorage.getItem(SIGNALS_KEY)).toBeNull();
    consent.set('granted');
    expect(readSignals().i).toHaveProperty('fjord-jacket');
    consent.set('denied');
    expect(localStorage.getItem(SIGNALS_KEY)).toBeNull();
  });

  it('stores nothing with Global Privacy Control or Do Not Track', () => {
    vi.spyOn(navigator, 'doNotTrack', 'get').mockReturnValue('1');
    startSignals();
    expect(localStorage.getItem(SIGNALS_KEY)).toBeNull();
  });

  it('keeps working when storage is full or holds foreign content', () => {
    localStorage.setItem(SIGNALS_KEY, '"a string"');
    expect(readSignals()).toEqual({});
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(() => startSignals()).not.toThrow();
    vi.restoreAllMocks();
    localStorage.setItem(SIGNALS_KEY, '{"i":{"x":"not an entry"},"m":[]}');
    expect(() => startSignals()).not.toThrow();
  });

  it('forget() deletes the record', () => {
    startSignals();
    expect(localStorage.getItem(SIGNALS_KEY)).not.toBeNull();
    forget();
    expect(localStorage.getItem(SIGNALS_KEY)).toBeNull();
  });
});
