import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import { CtaAuthoringError } from './authoring-error.ts';
import CTASection from './CTASection.astro';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const render = (props: Record<string, unknown>, slots: Record<string, string> = {}) =>
  container.renderToString(CTASection, { props, slots });
const primary = { id: 'start-trial', href: '/signup', label: 'Start your free trial', goal: 'signup' };

describe('<CTASection>', () => {
  it('renders a labelled section with headline, subhead and the primary and secondary CTAs from props', async () => {
    const html = await render({
      headline: 'Ship pages that convert',
      subhead: 'Two weeks free.',
      primary,
      secondary: { id: 'pricing', href: '/pricing', label: 'See pricing' },
    });
    expect(html).toMatch(/<section class="cta-kit cta-section[^"]*"[^>]*aria-labelledby="cta-section-start-trial"/);
    expect(html).toMatch(/<h2 id="cta-section-start-trial"[^>]*>Ship pages that convert<\/h2>/);
    expect(html).toMatch(/<p class="cta-section__subhead[^"]*"[^>]*>Two weeks free.<\/p>/);
    expect(html).toMatch(
      /<a [^>]*href="\/signup"[^>]*data-cta="start-trial" data-cta-role="primary" data-cta-variant="primary" data-cta-goal="signup"[^>]*>Start your free trial/,
    );
    expect(html).toMatch(
      /<a [^>]*href="\/pricing"[^>]*data-cta="pricing" data-cta-role="secondary" data-cta-variant="secondary"[^>]*>See pricing/,
    );
    expect(html).toContain('cta--lg');
    // No incentive or countdown given: no group and no empty description.
    expect(html).not.toContain('data-cta-group');
    expect(html).not.toContain('aria-describedby');
  });

  it('attaches the incentive and countdown slots to the primary CTA from props', async () => {
    const html = await render(
      { headline: 'H', primary },
      {
        incentive: '<span>14-day free trial</span>',
        countdown: '<span>Ends 31 Dec</span>',
        'social-proof': '<p>4.8 out of 5</p>',
      },
    );
    expect(html).toContain('data-cta-group');
    expect(html).toMatch(/aria-describedby="cta-start-trial-incentive cta-start-trial-countdown"/);
    expect(html).toMatch(/<div class="cta-section__proof[^"]*"[^>]*><p>4.8 out of 5<\/p><\/div>/);
    expect(html).toContain('cta-section--with-proof');
  });

  it('takes the CTAs as slots too, and places the incentive and countdown around the primary', async () => {
    const html = await render(
      { headline: 'H' },
      {
        primary: '<a data-cta="mine" href="/x">Mine</a>',
        secondary: '<a href="/y">Other</a>',
        incentive: '<b>20% off</b>',
      },
    );
    expect(html).toContain('<a data-cta="mine" href="/x">Mine</a>');
    expect(html).toContain('<a href="/y">Other</a>');
    expect(html.indexOf('20% off')).toBeLessThan(html.indexOf('data-cta="mine"'));
    expect(html).toMatch(/aria-labelledby="cta-section-h"/);
  });

  it('renders the default slot as body text, the heading level asked for, and the stacked layout', async () => {
    const html = await render(
      { headline: 'Welcome', headingLevel: 1, layout: 'stacked', primary },
      { default: '<p>Body copy</p>' },
    );
    expect(html).toMatch(/<h1 id="cta-section-start-trial"/);
    expect(html).toContain('<p>Body copy</p>');
    expect(html).toContain('cta-section--stacked');
  });

  it('escapes what authors write and ships no JavaScript', async () => {
    const html = await render({
      headline: '<img src=x onerror=alert(1)>',
      primary: { ...primary, label: '<b>Go</b>' },
    });
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;b&gt;Go&lt;/b&gt;');
    expect(html).not.toContain('<script');
  });

  it.each([
    [{ primary }, 'headline', /is missing/],
    [{ headline: 'H' }, 'primary', /the section "H" has no primary CTA\. Fix: give primary=\{\{ id:/],
    [{ headline: 'H', primary: { id: 'a', href: '/' } }, 'primary.label', /is missing/],
    [{ headline: 'H', primary, secondary: { id: 'b', href: '/' } }, 'secondary.label', /is missing/],
    [{ headline: 'H', primary, headingLevel: 7 }, 'headingLevel', /7 is not 1 to 4/],
    [{ headline: 'H', primary, layout: 'grid' }, 'layout', /"grid" is not a layout/],
  ])('rejects %o at %s', async (props, prop, message) => {
    const error = await render(props).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CtaAuthoringError);
    expect((error as CtaAuthoringError).prop).toBe(prop);
    expect((error as Error).message).toMatch(message);
  });

  it('rejects a primary CTA given both ways', async () => {
    await expect(render({ headline: 'H', primary }, { primary: '<a data-cta="x" href="/">x</a>' })).rejects.toThrow(
      /`primary` .*is given both as a prop and as a slot/,
    );
  });

  it("lets the primary CTA's own validation speak for bad CTA props", async () => {
    await expect(render({ headline: 'H', primary: { label: 'Go', href: '/' } })).rejects.toThrow(/^<CTA> `id`/);
  });
});
