import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CtaAuthoringError } from './authoring-error.ts';
import Incentive from './Incentive.astro';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const render = (props: Record<string, unknown>, text?: string) =>
  container.renderToString(Incentive, { props, ...(text ? { slots: { default: text } } : {}) });
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();

describe('<Incentive>', () => {
  it.each([
    [{ kind: 'trial', days: 14 }, '14-day free trial'],
    [{ kind: 'discount', percent: 20 }, '20% off'],
    [{ kind: 'discount', amount: 10, currency: 'EUR' }, '€10 off'],
    [{ kind: 'discount', amount: 9.99, currency: 'USD' }, '$9.99 off'],
    [{ kind: 'discount', percent: 15, threshold: 50, currency: 'USD' }, '15% off orders over $50'],
    [{ kind: 'free-shipping' }, 'Free shipping'],
    [{ kind: 'free-shipping', threshold: 50, currency: 'GBP' }, 'Free shipping on orders over £50'],
  ])('reads %o as "%s" and carries its kind in the contract', async (props, headline) => {
    const html = await render({ terms: '/terms', ...props });
    expect(html).toContain(`data-cta-incentive="${props.kind}"`);
    expect(textOf(html)).toContain(headline);
  });

  it('formats amounts with Intl.NumberFormat in the given locale', async () => {
    expect(
      textOf(await render({ kind: 'discount', amount: 10, currency: 'EUR', terms: 'x', locale: 'de-DE' })),
    ).toContain('10 € off');
    expect(textOf(await render({ kind: 'discount', percent: 12.5, terms: 'x', locale: 'fr-FR' }))).toContain(
      '12,5 % off',
    );
    expect(
      textOf(await render({ kind: 'free-shipping', threshold: 1000, currency: 'JPY', terms: 'x', locale: 'ja-JP' })),
    ).toMatch(/over (￥|¥)1,000/);
  });

  it('uses the text between the tags as the headline (bonus, or a custom wording)', async () => {
    expect(textOf(await render({ kind: 'bonus', terms: 'First 100 orders' }, 'Free onboarding call'))).toContain(
      'Free onboarding call',
    );
    const custom = textOf(await render({ kind: 'trial', days: 30, terms: '/t' }, 'A month on us'));
    expect(custom).toContain('A month on us');
    expect(custom).not.toContain('30-day');
  });

  it('links URL terms and shows worded terms as text', async () => {
    expect(await render({ kind: 'trial', days: 14, terms: '/terms#trial' })).toMatch(
      /<a href="\/terms#trial"[^>]*>Offer terms<\/a>/,
    );
    expect(
      await render({ kind: 'trial', days: 14, terms: 'https://acme.example/terms', termsLabel: 'Trial terms' }),
    ).toMatch(/>Trial terms<\/a>/);
    const worded = await render({ kind: 'trial', days: 14, terms: 'New customers only.' });
    expect(textOf(worded)).toContain('Terms: New customers only.');
    expect(worded).not.toContain('<a ');
  });

  it('shows a code as selectable text, with no script', async () => {
    const html = await render({ kind: 'discount', percent: 20, code: 'SAVE20', terms: '/t' });
    expect(html).toMatch(/Use code <code class="cta-incentive__code[^"]*"[^>]*>SAVE20<\/code> at checkout\./);
    expect(html).not.toContain('<script');
  });

  it("shows when the offer ends, as a <time> in the author's offset or a named zone", async () => {
    vi.useFakeTimers({ now: new Date('2026-11-01T00:00:00Z'), toFake: ['Date'] });
    const html = await render({
      kind: 'discount',
      percent: 20,
      terms: '/t',
      expires: '2026-12-31T23:59:00+01:00',
      locale: 'en-GB',
    });
    expect(html).toMatch(/Offer ends <time datetime="2026-12-31T23:59:00\+01:00"[^>]*>31 Dec, 23:59 GMT\+1<\/time>\./);
    const named = await render({
      kind: 'discount',
      percent: 20,
      terms: '/t',
      expires: '2026-12-31T23:59:00+01:00',
      timeZone: 'Europe/Paris',
      locale: 'en-GB',
    });
    expect(textOf(named)).toContain('Offer ends 31 Dec, 23:59 CET.');
  });

  it('says the offer has ended, with a build warning, when `expires` passed before the build', async () => {
    vi.useFakeTimers({ now: new Date('2027-01-05T00:00:00Z'), toFake: ['Date'] });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const html = await render({
      kind: 'discount',
      percent: 20,
      code: 'SAVE20',
      terms: '/t',
      expires: '2026-12-31T23:59:00+01:00',
      locale: 'en-GB',
    });
    expect(textOf(html)).toContain('This offer ended on 31 Dec 2026, 23:59 GMT+1.');
    expect(html).not.toContain('20% off');
    expect(html).not.toContain('SAVE20');
    expect(html).toContain('cta-incentive--ended');
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/<Incentive> on .*the offer ended at 2026-12-31T23:59:00\+01:00/),
    );
  });

  it('escapes what authors write', async () => {
    const html = await render({ kind: 'bonus', terms: '<b>only</b> today' }, 'x');
    expect(html).toContain('&lt;b&gt;only&lt;/b&gt; today');
  });

  it.each([
    [{ days: 14, terms: '/t' }, 'kind', /is missing\. Fix: use one of discount, free-shipping, trial, bonus/],
    [{ kind: 'coupon', terms: '/t' }, 'kind', /"coupon" is not a kind/],
    [{ kind: 'trial', days: 14 }, 'terms', /the trial offer states no conditions\. Fix: give `terms`/],
    [{ kind: 'trial', days: 14, terms: ' ' }, 'terms', /states no conditions/],
    [
      { kind: 'discount', percent: 10, amount: 5, currency: 'EUR', terms: '/t' },
      'percent',
      /both `percent` and `amount`/,
    ],
    [{ kind: 'discount', percent: 120, terms: '/t' }, 'percent', /120 is not a percentage/],
    [{ kind: 'discount', amount: 10, terms: '/t' }, 'currency', /`amount` has no currency/],
    [{ kind: 'free-shipping', threshold: 50, terms: '/t' }, 'currency', /`threshold` has no currency/],
    [{ kind: 'discount', amount: -5, currency: 'EUR', terms: '/t' }, 'amount', /-5 is not an amount above 0/],
    [
      { kind: 'discount', amount: 5, currency: 'EURO', terms: '/t' },
      'currency',
      /"EURO" is not an ISO 4217 currency code/,
    ],
    [{ kind: 'discount', terms: '/t' }, 'percent', /says nothing about its size/],
    [{ kind: 'trial', terms: '/t' }, 'days', /the trial has no length/],
    [{ kind: 'trial', days: 1.5, terms: '/t' }, 'days', /1.5 is not a whole number of days/],
    [{ kind: 'bonus', terms: '/t' }, 'children', /the bonus does not say what it is/],
    [{ kind: 'discount', percent: 5, code: 'SAVE 20', terms: '/t' }, 'code', /"SAVE 20" is not a usable code/],
    [
      { kind: 'discount', percent: 5, expires: '2026-12-31T23:59', terms: '/t' },
      'expires',
      /the end of the offer "2026-12-31T23:59" has no UTC offset/,
    ],
    [{ kind: 'discount', percent: 5, expires: 'soon', terms: '/t' }, 'expires', /"soon" is not an ISO 8601 date-time/],
    [
      { kind: 'discount', percent: 5, expires: '2026-12-31T23:59Z', timeZone: 'Paris', terms: '/t' },
      'timeZone',
      /"Paris" is not a time zone/,
    ],
    [{ kind: 'discount', percent: 5, locale: 'xx_YY!', terms: '/t' }, 'locale', /is not a BCP 47 locale tag/],
  ])('rejects %o at %s', async (props, prop, message) => {
    const error = await render(props).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CtaAuthoringError);
    expect((error as CtaAuthoringError).prop).toBe(prop);
    expect((error as Error).message).toMatch(new RegExp(`^<Incentive> \`${prop}\` on `));
    expect((error as Error).message).toMatch(message);
  });
});
