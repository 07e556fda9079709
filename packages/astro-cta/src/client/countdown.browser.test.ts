import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import countdownCss from '../components/Countdown.css?raw';
import functionalCss from '../components/functional.css?raw';
import themeCss from '../components/theme.css?raw';
import { startCountdowns } from './countdown.ts';

// Real Chromium, fake clock (setTimeout and Date): every "second" below is advanced by the test, never waited for.

const NOW = new Date('2026-12-31T22:00:00Z').getTime();

/** The markup Countdown.astro renders (its unit tests pin these attributes), minus Astro's scoping attributes. */
function countdown(options: {
  deadline: number;
  onExpire?: string;
  for?: string;
  widthCh?: number;
  id?: string;
}): string {
  const iso = new Date(options.deadline).toISOString();
  return `<span class="cta-kit cta-countdown" id="${options.id ?? 'clock'}" role="timer" aria-live="off" data-cta-countdown="${iso}"
      data-cta-on-expire="${options.onExpire ?? 'replace'}"${options.for ? ` data-cta-for="${options.for}"` : ''}>
    <span class="cta-countdown__running" data-cta-running>
      <span class="cta-countdown__end">Ends <time datetime="${iso}">31 Dec, 23:59 GMT+1</time></span>
      <span class="cta-countdown__remaining" data-cta-remaining aria-hidden="true" style="--cta-countdown-width: ${options.widthCh ?? 16}ch">&nbsp;</span>
    </span>
    <span class="cta-countdown__ended" data-cta-ended hidden>The sale is over.</span>
  </span>`;
}

/** The stylesheets Countdown.astro imports, so layout is measured with the CSS that ships. */
const componentCss = [themeCss, functionalCss, countdownCss].join('\n');

let visibility: DocumentVisibilityState = 'visible';
const setVisibility = (state: DocumentVisibilityState) => {
  visibility = state;
  document.dispatchEvent(new Event('visibilitychange'));
};
const query = <T extends Element = HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const remainingText = () => query('[data-cta-remaining]').textContent;

/** Every text the ticking box shows from now on, in order. */
function recordTicks(): () => string[] {
  const observer = new MutationObserver(() => {});
  observer.observe(query('[data-cta-remaining]'), { childList: true });
  // Setting textContent replaces the text node, so each record's added node holds the text of that tick.
  return () => observer.takeRecords().map((record) => record.addedNodes[0]?.textContent ?? '');
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(NOW);
  visibility = 'visible';
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
  vi.spyOn(document, 'hidden', 'get').mockImplementation(() => visibility === 'hidden');
});

afterEach(() => {
  document.dispatchEvent(new Event('astro:before-swap'));
  document.body.innerHTML = '';
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('countdown enhancer', () => {
  it('shows the remaining time at once and ticks once per second, recomputed from the deadline', () => {
    document.body.innerHTML = countdown({ deadline: NOW + 90_500 });
    startCountdowns();
    expect(remainingText()).toBe('00h 01m 31s'); // rounded up: 90.5 s left
    const ticks = recordTicks();
    vi.advanceTimersByTime(10_000);
    expect(remainingText()).toBe('00h 01m 21s');
    expect(ticks()).toEqual([
      '00h 01m 30s',
      '00h 01m 29s',
      '00h 01m 28s',
      '00h 01m 27s',
      '00h 01m 26s',
      '00h 01m 25s',
      '00h 01m 24s',
      '00h 01m 23s',
      '00h 01m 22s',
      '00h 01m 21s',
    ]);
  });

  it('shows days for long countdowns and keeps one timer for all countdowns on the page', () => {
    document.body.innerHTML =
      countdown({ deadline: NOW + 2 * 86_400_000 + 3_723_000, id: 'a' }) +
      countdown({ deadline: NOW + 5_000, id: 'b' });
    startCountdowns();
    expect(query('#a [data-cta-remaining]').textContent).toBe('2d 01h 02m 03s');
    expect(query('#b [data-cta-remaining]').textContent).toBe('00h 00m 05s');
    expect(vi.getTimerCount()).toBe(1);
  });

  it('reaches zero on the deadline, never shows zero while time is left, and replaces itself with the expired slot', () => {
    document.body.innerHTML = countdown({ deadline: NOW + 3_000 });
    startCountdowns();
    const ticks = recordTicks();
    vi.advanceTimersByTime(2_999);
    expect(query('[data-cta-running]').hidden).toBe(false);
    expect(remainingText()).toBe('00h 00m 01s');
    vi.advanceTimersByTime(1);
    expect(ticks()).toEqual(['00h 00m 02s', '00h 00m 01s']);
    expect(query('[data-cta-running]').hidden).toBe(true);
    expect(query('[data-cta-ended]').hidden).toBe(false);
    expect(query('[data-cta-countdown]').hidden).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('onExpire="hide" hides the whole countdown at zero', () => {
    document.body.innerHTML = countdown({ deadline: NOW + 2_000, onExpire: 'hide' });
    startCountdowns();
    vi.advanceTimersByTime(2_000);
    expect(query('[data-cta-countdown]').hidden).toBe(true);
    expect(query('[data-cta-countdown]').getBoundingClientRect().width).toBe(0);
  });

  it('onExpire="disable-cta" disables the CTAs of its group and those named by data-cta-for, and no others', () => {
    document.body.innerHTML = `
      <div data-cta-group>
        <a id="group-link" href="/buy" data-cta="buy">Buy now</a>
        <button id="group-button" type="submit" data-cta="buy-form">Order</button>
        ${countdown({ deadline: NOW + 1_000, onExpire: 'disable-cta', for: 'footer-buy' })}
      </div>
      <a id="named" href="/buy" data-cta="footer-buy">Buy</a>
      <a id="other" href="/docs" data-cta="docs">Read the docs</a>`;
    startCountdowns();
    expect(query<HTMLAnchorElement>('#group-link').getAttribute('href')).toBe('/buy');
    vi.advanceTimersByTime(1_000);
    for (const id of ['#group-link', '#named']) {
      const link = query<HTMLAnchorElement>(id);
      expect(link.hasAttribute('href')).toBe(false);
      expect(link.getAttribute('aria-disabled')).toBe('true');
      expect(link.getAttribute('role')).toBe('link');
    }
    expect(query<HTMLButtonElement>('#group-button').disabled).toBe(true);
    expect(query<HTMLAnchorElement>('#other').getAttribute('href')).toBe('/docs');
    expect(query<HTMLAnchorElement>('#other').hasAttribute('aria-disabled')).toBe(false);
    expect(query('[data-cta-ended]').hidden).toBe(false);
  });

  it('applies onExpire at once on load when the deadline passed before the page was opened', () => {
    document.body.innerHTML = `<div data-cta-group><a id="buy" href="/buy" data-cta="buy">Buy</a>
      ${countdown({ deadline: NOW - 60_000, onExpire: 'disable-cta' })}</div>`;
    startCountdowns();
    expect(query('#buy').hasAttribute('href')).toBe(false);
    expect(query('[data-cta-running]').hidden).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("copes with hand-written contract markup that has none of the component's inner parts", () => {
    document.body.innerHTML =
      `<p id="bare" data-cta-countdown="${new Date(NOW - 1_000).toISOString()}" data-cta-on-expire="replace">Sale ended 31 Dec</p>` +
      countdown({ deadline: NOW + 4_000 });
    startCountdowns();
    expect(query('#bare').textContent).toBe('Sale ended 31 Dec');
    expect(remainingText()).toBe('00h 00m 04s');
    vi.advanceTimersByTime(1_000);
    expect(remainingText()).toBe('00h 00m 03s');
  });

  it('stops ticking in a hidden tab and shows the true remaining time as soon as it is visible again', () => {
    document.body.innerHTML = countdown({ deadline: NOW + 3_600_000 });
    startCountdowns();
    expect(remainingText()).toBe('01h 00m 00s');
    setVisibility('hidden');
    expect(vi.getTimerCount()).toBe(0);
    // Ten minutes in the background: nothing runs (a throttled browser might run late timers; we run none).
    vi.setSystemTime(NOW + 600_000 + 250);
    expect(remainingText()).toBe('01h 00m 00s');
    setVisibility('visible');
    expect(remainingText()).toBe('00h 50m 00s');
    vi.advanceTimersByTime(750);
    expect(remainingText()).toBe('00h 49m 59s');
  });

  it('expires on return to a tab that was hidden past the deadline', () => {
    document.body.innerHTML = countdown({ deadline: NOW + 5_000, onExpire: 'hide' });
    startCountdowns();
    setVisibility('hidden');
    vi.setSystemTime(NOW + 60_000);
    setVisibility('visible');
    expect(query('[data-cta-countdown]').hidden).toBe(true);
  });

  it('under prefers-reduced-motion changes at most once a minute, without seconds', () => {
    const matchMedia = window.matchMedia.bind(window);
    vi.spyOn(window, 'matchMedia').mockImplementation((query) =>
      query === '(prefers-reduced-motion: reduce)'
        ? ({ matches: true, media: query } as MediaQueryList)
        : matchMedia(query),
    );
    document.body.innerHTML = countdown({ deadline: NOW + 2 * 3_600_000 + 30_000 });
    startCountdowns();
    expect(remainingText()).toBe('02h 01m'); // rounded up to the minute
    const ticks = recordTicks();
    vi.advanceTimersByTime(29_999);
    expect(ticks()).toEqual([]);
    vi.advanceTimersByTime(1 + 5 * 60_000);
    expect(ticks()).toEqual(['02h 00m', '01h 59m', '01h 58m', '01h 57m', '01h 56m', '01h 55m']);
  });

  it('cleans up on view-transition swaps and starts again on the next page', () => {
    document.body.innerHTML = countdown({ deadline: NOW + 10_000 });
    startCountdowns();
    expect(vi.getTimerCount()).toBe(1);
    document.dispatchEvent(new Event('astro:before-swap'));
    expect(vi.getTimerCount()).toBe(0);
    document.body.innerHTML = countdown({ deadline: NOW + 20_000 });
    document.dispatchEvent(new Event('astro:page-load'));
    expect(remainingText()).toBe('00h 00m 20s');
    expect(vi.getTimerCount()).toBe(1);
  });
});

describe('countdown layout', () => {
  beforeEach(() => {
    const style = document.createElement('style');
    style.id = 'countdown-css';
    style.textContent = componentCss;
    document.head.append(style);
  });
  afterEach(() => query('#countdown-css').remove());

  it('does not change width or move what follows while ticking, even when the text gets shorter', () => {
    // "1d 00h 00m 02s" (14 characters) → "23h 59m 59s": Countdown.astro reserves 14 + 2 ch for this deadline.
    document.body.innerHTML = `<p style="font: 16px sans-serif">${countdown({ deadline: NOW + 86_402_000, widthCh: 16 })}<a id="after" href="#">after</a></p>`;
    startCountdowns();
    const box = () => query('[data-cta-remaining]').getBoundingClientRect();
    const after = () => query('#after').getBoundingClientRect();
    const first = { box: box(), after: after() };
    expect(first.box.width).toBeGreaterThan(0);
    for (let second = 0; second < 4; second++) {
      vi.advanceTimersByTime(1_000);
      expect(box().width).toBe(first.box.width);
      expect(box().height).toBe(first.box.height);
      expect(after().x).toBe(first.after.x);
      expect(after().y).toBe(first.after.y);
    }
    expect(remainingText()).toBe('23h 59m 58s');
  });

  it.each([
    ['sans-serif', 400 * 86_400_000 - 1_000],
    ['serif', 99 * 86_400_000 - 1_000],
    ['monospace', 9 * 86_400_000 - 1_000],
    ['system-ui', 86_400_000 - 1_000],
  ])('the reserved box holds the widest text in %s', (font, left) => {
    const widthCh = String(Math.floor(left / 86_400_000)).length + 11 + 2 + 2;
    document.body.innerHTML = `<p style="font: 16px ${font}">${countdown({ deadline: NOW + left, widthCh })}</p>`;
    startCountdowns();
    const remaining = query('[data-cta-remaining]');
    // Mostly wide glyphs: the digits are tabular, so "0" is as wide as any.
    expect(remaining.scrollWidth).toBeLessThanOrEqual(remaining.clientWidth);
  });
});
