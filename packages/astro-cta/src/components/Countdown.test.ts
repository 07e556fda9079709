import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import Countdown from './Countdown.astro';
import { reservedWidthCh } from './countdown-props.ts';

const DEADLINE = '2026-12-31T23:59:00+01:00';
const BUILD_TIME = new Date('2026-12-30T12:00:00Z');

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(BUILD_TIME);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const render = (props: Record<string, unknown>, slots: Record<string, string> = {}) =>
  container.renderToString(Countdown, { props, slots, request: new Request('https://example.com/sale/') });

/** The HTML element with this attribute, as a detached DOM-less string check helper. */
const openingTag = (html: string, marker: string) => html.match(new RegExp(`<[^>]*${marker}[^>]*>`))?.[0] ?? '';

describe('<Countdown> on the server', () => {
  it("renders the absolute end as <time datetime>, in the deadline's own offset by default", async () => {
    const html = await render({ deadline: DEADLINE, locale: 'en-GB' });
    expect(html).toMatch(/Ends <time datetime="2026-12-31T23:59:00\+01:00"[^>]*>31 Dec, 23:59 GMT\+1<\/time>/);
  });

  it('shows the end in a named time zone and locale when asked', async () => {
    expect(await render({ deadline: DEADLINE, locale: 'en-GB', timeZone: 'Europe/Paris' })).toContain(
      '>31 Dec, 23:59 CET</time>',
    );
    expect(await render({ deadline: DEADLINE, locale: 'en-US', timeZone: 'America/New_York' })).toContain(
      '>Dec 31, 5:59 PM EST</time>',
    );
    expect(await render({ deadline: DEADLINE, locale: 'de-DE', timeZone: 'Europe/Berlin' })).toContain(
      '>31. Dez., 23:59 MEZ</time>',
    );
  });

  it('writes the contract on a quiet timer root', async () => {
    const html = await render({ deadline: DEADLINE, onExpire: 'disable-cta', for: ['hero-buy', 'footer-buy'] });
    const root = openingTag(html, 'data-cta-countdown=');
    expect(root).toContain(`data-cta-countdown="${DEADLINE}"`);
    expect(root).toContain('data-cta-on-expire="disable-cta"');
    expect(root).toContain('data-cta-for="hero-buy footer-buy"');
    expect(root).toContain('role="timer"');
    expect(root).toContain('aria-live="off"');
    expect(root).not.toMatch(/\shidden/);
  });

  it('defaults to onExpire="replace" with a default ended text, hidden while running', async () => {
    const html = await render({ deadline: DEADLINE });
    expect(openingTag(html, 'data-cta-countdown=')).toContain('data-cta-on-expire="replace"');
    expect(openingTag(html, 'data-cta-ended')).toMatch(/\shidden/);
    expect(openingTag(html, 'data-cta-running')).not.toMatch(/\shidden/);
    expect(html).toContain('Offer ended');
  });

  it('reserves a fixed width for the ticking text, sized for the longest value it will show', async () => {
    const html = await render({ deadline: DEADLINE });
    const remaining = openingTag(html, 'data-cta-remaining');
    expect(remaining).toContain('aria-hidden="true"');
    // 1d 10h 59m left at build time: "1d 10h 59m 00s" is 14 characters, plus 2ch of slack.
    expect(remaining).toContain('--cta-countdown-width: 16ch');
    expect(reservedWidthCh(5 * 60_000)).toBe(13);
    expect(reservedWidthCh(400 * 86_400_000)).toBe(18);
  });

  it('passes other attributes through and accepts for as a space-separated string', async () => {
    const html = await render({
      deadline: DEADLINE,
      id: 'sale-clock',
      class: 'mine',
      onExpire: 'disable-cta',
      for: 'a b',
    });
    const root = openingTag(html, 'data-cta-countdown=');
    expect(root).toContain('id="sale-clock"');
    expect(root).toMatch(/class="cta-kit cta-countdown mine/);
    expect(root).toContain('data-cta-for="a b"');
  });

  it('loads the shared enhancer as one bundled module script', async () => {
    const html = await render({ deadline: DEADLINE });
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html).toMatch(/<script type="module" src="[^"]*Countdown\.astro\?astro&type=script/);
  });

  it('escapes authored text', async () => {
    const html = await render({ deadline: DEADLINE, label: '<b>Ends</b>' });
    expect(html).toContain('&lt;b&gt;Ends&lt;/b&gt;');
  });
});

describe('<Countdown> whose deadline passed before the build', () => {
  const PAST = '2026-12-01T09:00:00Z';

  it('renders the ended state (replace: the expired slot) and warns with the page and the deadline', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const html = await render({ deadline: PAST }, { expired: 'The winter sale is over.' });
    expect(openingTag(html, 'data-cta-running')).toMatch(/\shidden/);
    expect(openingTag(html, 'data-cta-ended')).not.toMatch(/\shidden/);
    expect(html).toContain('The winter sale is over.');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(
      /<Countdown> on the page for route \/sale\/ \(\/sale\/\): the deadline 2026-12-01T09:00:00Z has passed/,
    );
  });

  it('hide: renders nothing at all, and no enhancer script (issue 9: the offer is simply gone)', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const html = await render({ deadline: PAST, onExpire: 'hide' });
    expect(html.trim()).toBe('');
  });

  it('disable-cta: renders the ended text; the enhancer disables the CTAs on load', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const html = await render({ deadline: PAST, onExpire: 'disable-cta' });
    expect(openingTag(html, 'data-cta-ended')).not.toMatch(/\shidden/);
    expect(html).toContain('Offer ended');
  });

  it('does not warn for a deadline still ahead', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await render({ deadline: DEADLINE });
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('<Countdown> authoring errors', () => {
  it.each([
    [
      {},
      /<Countdown> `deadline` on the page for route \/sale\/ \(\/sale\/\): the deadline is missing.*Fix: give the absolute end/,
    ],
    [
      { deadline: '2026-12-31T23:59:00' },
      /`deadline`.*"2026-12-31T23:59:00" has no UTC offset.*"2026-12-31T23:59:00\+01:00"/,
    ],
    [{ deadline: '2026-12-31' }, /`deadline`.*has no time and no UTC offset/],
    [{ deadline: 'next friday' }, /`deadline`.*"next friday" is not an ISO 8601 date-time/],
    [{ deadline: '2026-02-30T10:00:00Z' }, /`deadline`.*day 30 does not exist/],
    [
      { deadline: DEADLINE, onExpire: 'explode' },
      /`onExpire`.*"explode" is not a mode.*"hide", "replace", "disable-cta"/,
    ],
    [
      { deadline: DEADLINE, for: 'hero' },
      /`for`.*onExpire is "replace", which disables nothing.*add onExpire="disable-cta"/,
    ],
    [{ deadline: DEADLINE, onExpire: 'disable-cta', for: [''] }, /`for`.*is not a list of CTA ids/],
    [{ deadline: DEADLINE, timeZone: 'Mars/Olympus' }, /`timeZone`.*"Mars\/Olympus" is not a time zone/],
    [{ deadline: DEADLINE, locale: 'not a locale!' }, /`locale`.*is not a BCP 47 locale tag/],
  ])('rejects %o with the prop, the page and the fix', async (props, message) => {
    await expect(render(props)).rejects.toThrow(message);
  });
});

describe('<Countdown> tells the CTAs of its page that it ended at build time', () => {
  it('records ended disable-cta countdowns (and the ids they name) for the page being rendered, nothing else', async () => {
    const { endedCountdownsMarker } = await import('./countdown-build-state.ts');
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const request = new Request('https://example.com/sale/');
    const renderOn = (props: Record<string, unknown>) => container.renderToString(Countdown, { props, request });

    const running = endedCountdownsMarker(request);
    await renderOn({ deadline: DEADLINE, onExpire: 'disable-cta' });
    await renderOn({ deadline: '2026-12-01T09:00:00Z', onExpire: 'replace' });
    expect(running.endedSince()).toBe(false);

    const ended = endedCountdownsMarker(request);
    await renderOn({ deadline: '2026-12-01T09:00:00Z', onExpire: 'disable-cta', for: 'footer-buy' });
    expect(ended.endedSince()).toBe(true);
    expect(ended.names('footer-buy')).toBe(true);
    expect(ended.names('hero-buy')).toBe(false);
    expect(endedCountdownsMarker(new Request('https://example.com/other/')).names('footer-buy')).toBe(false);
  });
});
