import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import EndedOffer from './EndedOffer.astro';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const ctaTag = (html: string, id: string) =>
  new RegExp(`<(a|button)\\b[^>]*data-cta="${id}"[^>]*>`).exec(html)?.[0] ?? '';

describe('<CTA> with a disable-cta countdown that ended before the build', () => {
  it('renders the link disabled in the HTML: no href, role=link, aria-disabled', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const html = await container.renderToString(EndedOffer, {
      props: { deadline: '2020-01-01T00:00:00Z', href: '/buy' },
    });
    const buy = ctaTag(html, 'buy');
    expect(buy).not.toContain('href=');
    expect(buy).toContain('role="link"');
    expect(buy).toContain('aria-disabled="true"');
    // Named in an earlier countdown's `for`: disabled too. Others on the page are not.
    expect(ctaTag(html, 'footer-buy')).toContain('aria-disabled="true"');
    expect(ctaTag(html, 'unrelated')).toContain('href="/about"');
    expect(ctaTag(html, 'unrelated')).not.toContain('aria-disabled');
  });

  it('renders a button with `disabled`', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const html = await container.renderToString(EndedOffer, { props: { deadline: '2020-01-01T00:00:00Z' } });
    expect(ctaTag(html, 'buy')).toMatch(/<button\b[^>]*\bdisabled\b/);
  });

  it('leaves every CTA enabled while the deadline is in the future', async () => {
    const html = await container.renderToString(EndedOffer, {
      props: { deadline: '2099-01-01T00:00:00Z', href: '/buy' },
    });
    expect(ctaTag(html, 'buy')).toContain('href="/buy"');
    expect(ctaTag(html, 'footer-buy')).toContain('href="/buy"');
    expect(html).not.toContain('aria-disabled');
  });
});
