import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import { CtaAuthoringError } from './authoring-error.ts';
import Countdown from './Countdown.astro';
import CTA from './CTA.astro';
import CTASection from './CTASection.astro';
import Incentive from './Incentive.astro';
import SocialProof from './SocialProof.astro';
import { schemeOf } from './safe-url.ts';

// Issue 10 L13 (URL schemes that run code) and L14 (a bad locale), each refused at build time with the component,
// the prop and the page named.
let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

type Component = Parameters<AstroContainer['renderToString']>[0];
async function authoringError(
  component: Component,
  props: Record<string, unknown>,
  slots: Record<string, string> = {},
) {
  const request = new Request('https://example.com/landing/');
  const error = await container.renderToString(component, { props, slots, request }).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CtaAuthoringError);
  return error as CtaAuthoringError;
}

const HOSTILE = [
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
];

describe('L13: hrefs and image URLs that could run code are refused', () => {
  it.each(HOSTILE)('<CTA href="%s">', async (href) => {
    const error = await authoringError(CTA, { id: 'buy', href }, { default: 'Buy now' });
    expect(error.component).toBe('CTA');
    expect(error.prop).toBe('href');
    expect(error.page).toContain('/landing/');
    expect(error.message).toMatch(/scheme/);
  });

  it.each(['primary', 'secondary'])('<CTASection %s={{ href: "javascript:…" }}>', async (prop) => {
    const link = { id: `${prop}-cta`, href: 'javascript:alert(1)', label: 'Go' };
    const props = { headline: 'Ship faster', primary: { id: 'start', href: '/signup', label: 'Start' }, [prop]: link };
    const error = await authoringError(CTASection, props);
    expect([error.component, error.prop]).toEqual(['CTASection', `${prop}.href`]);
  });

  it.each([
    ['logos[0].href', { logos: [{ src: '/globex.svg', alt: 'Globex', href: 'javascript:alert(1)' }] }],
    ['logos[0].src', { logos: [{ src: 'data:text/html,<script>alert(1)</script>', alt: 'Globex' }] }],
    ['logos[0].src', { logos: [{ src: 'javascript:alert(1)', alt: 'Globex' }] }],
    [
      'testimonial.avatar',
      { testimonial: { quote: 'Great.', author: 'Jane Doe', company: 'Globex', avatar: 'javascript:alert(1)' } },
    ],
  ])('<SocialProof> %s', async (prop, props) => {
    const error = await authoringError(SocialProof, props);
    expect([error.component, error.prop]).toEqual(['SocialProof', prop]);
  });

  it('allows relative URLs and the listed schemes', async () => {
    for (const href of [
      '/signup',
      '#pricing',
      '../docs/',
      'https://example.com/',
      'mailto:sales@example.com',
      'tel:+331234',
    ]) {
      const html = await container.renderToString(CTA, {
        props: { id: 'ok', href },
        slots: { default: 'Contact sales' },
      });
      expect(html).toContain('data-cta="ok"');
    }
  });

  it('allows an inline image as a logo (an <img> never runs script)', async () => {
    const html = await container.renderToString(SocialProof, {
      props: { logos: [{ src: 'data:image/svg+xml,%3Csvg%3E%3C/svg%3E', alt: 'Globex' }] },
    });
    expect(html).toContain('alt="Globex"');
  });

  it('reads the scheme as a browser does', () => {
    expect(schemeOf('\u0001 java\nscript:alert(1)')).toBe('javascript');
    expect(schemeOf('/path:with-colon')).toBeUndefined();
    expect(schemeOf('HTTPS://example.com')).toBe('https');
  });
});

describe('L14: a bad locale names the component and the prop', () => {
  const bad = 'en_US';
  it.each([
    ['SocialProof', SocialProof, { rating: { value: 4.8, count: 12 }, locale: bad }, {}],
    ['Countdown', Countdown, { deadline: '2099-12-31T23:59:00+01:00', locale: bad }, {}],
    ['Incentive', Incentive, { kind: 'trial', days: 14, terms: 'No card needed', locale: bad }, {}],
  ] as const)('<%s locale="en_US">', async (name, component, props, slots) => {
    const error = await authoringError(component, props, slots);
    expect([error.component, error.prop]).toEqual([name, 'locale']);
    expect(error.message).toMatch(/"en_US" is not a BCP 47 locale tag/);
    expect(error.message).not.toMatch(/RangeError/);
  });
});
