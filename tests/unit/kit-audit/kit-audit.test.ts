import { auditHtml, examplePage, rules } from '@astro-cta/audit';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Countdown, CTA, Incentive, SocialProof } from '../../../packages/astro-cta/src/components/index.ts';
import Composed from './Composed.astro';

const NOW = new Date('2026-11-26T06:00:00Z');
const FUTURE = '2026-12-31T23:59:00+01:00';
const PAST = '2026-11-01T00:00:00+01:00';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterAll(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

type Component = Parameters<AstroContainer['renderToString']>[0];
const render = (component: Component, props: Record<string, unknown>, slots: Record<string, string> = {}) =>
  container.renderToString(component, { props, slots });
// The pages the CTAs lead to are part of the audited build, as they would be on a real site.
const routes = new Set(['/', '/signup/', '/demo/', '/tour/', '/pricing/', '/buy/', '/terms/']);
const findings = (html: string) =>
  auditHtml(examplePage(html), rules, { site: { now: NOW, routes } }).map(
    (finding) => `${finding.ruleId}: ${finding.message}`,
  );

const states: Record<string, () => Promise<string>> = {
  'CTA link': () => render(CTA, { id: 'start', href: '/signup' }, { default: 'Start your free trial' }),
  'CTA secondary': () => render(CTA, { id: 'demo', href: '/demo', variant: 'secondary' }, { default: 'Book a demo' }),
  'CTA ghost': () => render(CTA, { id: 'tour', href: '/tour', variant: 'ghost' }, { default: 'Take the tour' }),
  'CTA link variant': () =>
    render(CTA, { id: 'pricing', href: '/pricing', variant: 'link' }, { default: 'See pricing' }),
  'CTA submit button': () =>
    render(CTA, { id: 'subscribe', type: 'submit' }, { default: 'Subscribe to the newsletter' }),
  'CTA external': () =>
    render(CTA, { id: 'docs', href: 'https://example.com/docs', external: true }, { default: 'Read the docs' }),
  'CTA unstyled': () =>
    render(CTA, { id: 'plain', href: '/signup', unstyled: true }, { default: 'Start your free trial' }),
  'CTA with running countdown, incentive and proof': () =>
    render(Composed, { kind: 'cta-with-slots', deadline: FUTURE }),
  'CTA whose offer ended (replace)': () => render(Composed, { kind: 'cta-with-slots', deadline: PAST }),
  'CTA whose offer ended (hide)': () => render(Composed, { kind: 'cta-with-slots', deadline: PAST, onExpire: 'hide' }),
  'CTA disabled by an ended countdown': () => render(Composed, { kind: 'disabled-by-countdown', deadline: PAST }),
  'CTASection with slots': () => render(Composed, { kind: 'section', deadline: FUTURE }),
  'Countdown running': () => render(Countdown, { deadline: FUTURE }),
  'Countdown ended (replace)': () => render(Countdown, { deadline: PAST }),
  'Countdown ended (hide)': () => render(Countdown, { deadline: PAST, onExpire: 'hide' }),
  'Countdown ended (disable-cta)': () => render(Countdown, { deadline: PAST, onExpire: 'disable-cta' }),
  'Incentive discount': () => render(Incentive, { kind: 'discount', percent: 20, code: 'SAVE20', terms: '/terms' }),
  'Incentive free shipping': () =>
    render(Incentive, { kind: 'free-shipping', threshold: 50, currency: 'EUR', terms: 'EU only' }),
  'Incentive trial': () => render(Incentive, { kind: 'trial', days: 14, terms: 'No card needed' }),
  'Incentive bonus': () =>
    render(Incentive, { kind: 'bonus', terms: 'First 100 orders' }, { default: 'Free onboarding call' }),
  'Incentive with an end': () => render(Incentive, { kind: 'discount', percent: 20, terms: '/terms', expires: FUTURE }),
  'Incentive ended': () => render(Incentive, { kind: 'discount', percent: 20, terms: '/terms', expires: PAST }),
  'SocialProof testimonials with JSON-LD': () =>
    render(SocialProof, {
      testimonials: [
        {
          quote: 'Acme doubled our sign-ups in a month.',
          author: 'Jane Doe',
          role: 'CTO',
          company: 'Globex',
          rating: 5,
          source: 'https://www.g2.com/products/acme/reviews/1',
          date: '2026-03-02',
        },
        { quote: 'The audit caught three dead CTAs before launch.', author: 'Sam Lee', company: 'Initech', rating: 4 },
      ],
      rating: { value: 4.8, count: 212, itemReviewed: { type: 'SoftwareApplication', name: 'Acme' } },
    }),
  'SocialProof testimonial without provenance': () =>
    render(SocialProof, {
      testimonial: { quote: 'The audit caught three dead CTAs before launch.', author: 'Sam Lee' },
    }),
  'SocialProof count and logos': () =>
    render(SocialProof, {
      count: { value: 12000, label: 'teams', source: 'billing system, Oct 2026', asOf: '2026-10' },
      logos: [{ src: '/logos/globex.svg', alt: 'Globex', href: 'https://globex.example' }],
    }),
  'SocialProof rating a Hotel (self-serving)': () =>
    render(SocialProof, { rating: { value: 4.6, count: 980, itemReviewed: { type: 'Hotel', name: 'Hotel Adler' } } }),
};

// What the audit may say about each state, and why. Everything else is a finding the kit should not cause.
const intended: Record<string, string[]> = {
  // A page holding only social proof, an incentive or a countdown has no CTA: that is what page-no-cta is for.
  'Countdown running': ['page-no-cta'],
  'Countdown ended (replace)': ['page-no-cta'],
  'Countdown ended (disable-cta)': ['page-no-cta'],
  'Countdown ended (hide)': ['page-no-cta'],
  'Incentive discount': ['page-no-cta'],
  'Incentive free shipping': ['page-no-cta'],
  'Incentive trial': ['page-no-cta'],
  'Incentive bonus': ['page-no-cta'],
  'Incentive with an end': ['page-no-cta'],
  'Incentive ended': ['page-no-cta'],
  'SocialProof testimonials with JSON-LD': ['page-no-cta'],
  'SocialProof count and logos': ['page-no-cta'],
  // Nothing to check the quote against: the author's to fix (role, company or source), not the kit's.
  'SocialProof testimonial without provenance': ['page-no-cta', 'testimonial-unattributed'],
  'SocialProof rating a Hotel (self-serving)': ['page-no-cta'],
};

describe('the kit never trips its own audit', () => {
  it.each(Object.keys(states))('%s', async (state) => {
    const html = await states[state]!();
    // Only an offer that ended before the build with onExpire="hide" is rightly nothing at all.
    expect(html.trim() === '').toBe(state === 'Countdown ended (hide)');
    const found = findings(html);
    expect(found.map((line) => line.slice(0, line.indexOf(':'))).sort(), found.join('\n')).toEqual(
      (intended[state] ?? []).sort(),
    );
  });

  it('an offer that ended before the build with onExpire="hide" renders nothing and no script', async () => {
    const html = await render(Countdown, { deadline: PAST, onExpire: 'hide' });
    expect(html.trim()).toBe('');
    const inCta = await states['CTA whose offer ended (hide)']!();
    expect(inCta).not.toContain('data-cta-countdown');
    expect(inCta).not.toMatch(/<script\b(?![^>]*application\/ld\+json)/);
  });
});
