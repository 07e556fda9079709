import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import { CtaAuthoringError } from './authoring-error.ts';
import CTA from './CTA.astro';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const render = (props: Record<string, unknown>, slots: Record<string, string> = {}, request?: Request) =>
  container.renderToString(CTA, {
    props,
    slots: { default: 'Start your free trial', ...slots },
    ...(request ? { request } : {}),
  });

const attribute = (html: string, tag: string, name: string) =>
  new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`).exec(html)?.[1];

describe('<CTA>', () => {
  it('renders a link that carries the markup contract', async () => {
    const html = await render({ id: 'start-trial', href: '/signup', goal: 'signup' });
    expect(html).toMatch(/<a [^>]*href="\/signup"/);
    expect(html).toContain('data-cta="start-trial"');
    expect(html).toContain('data-cta-role="primary"');
    expect(html).toContain('data-cta-variant="primary"');
    expect(html).toContain('data-cta-goal="signup"');
    expect(html).toContain('Start your free trial');
    // Without slots there is no group wrapper and no description.
    expect(html).not.toContain('data-cta-group');
    expect(html).not.toContain('aria-describedby');
  });

  it('renders a button when given a type instead of href, secondary role for other variants', async () => {
    const html = await render({ id: 'subscribe', type: 'submit', variant: 'secondary' }, { default: 'Subscribe' });
    expect(html).toMatch(/<button [^>]*type="submit"/);
    expect(html).toContain('data-cta-role="secondary"');
    expect(html).not.toContain('href=');
  });

  it.each(['primary', 'secondary', 'ghost', 'link'])(
    'renders the %s variant as a class and in the contract',
    async (variant) => {
      const html = await render({ id: 'v', href: '/', variant });
      expect(html).toContain(`cta--${variant}`);
      expect(html).toContain(`data-cta-variant="${variant}"`);
    },
  );

  it.each(['sm', 'md', 'lg'])('renders size %s (md by default)', async (size) => {
    expect(await render({ id: 's', href: '/', size })).toContain(`cta--${size}`);
    expect(await render({ id: 's', href: '/' })).toContain('cta--md');
  });

  it('opens external links in a new tab with a safe rel and says so to screen readers', async () => {
    const html = await render({ id: 'docs', href: 'https://example.com/', external: true });
    expect(attribute(html, 'a', 'target')).toBe('_blank');
    expect(attribute(html, 'a', 'rel')).toBe('noopener noreferrer');
    expect(html).toMatch(/<span class="cta-visually-hidden[^"]*"[^>]*> \(opens in a new tab\)<\/span>/);
    expect(html).toMatch(/<span class="cta__external[^"]*" aria-hidden="true"/);
    const internal = await render({ id: 'home', href: '/' });
    expect(internal).not.toContain('target=');
    expect(internal).not.toContain('opens in a new tab');
  });

  it("passes other attributes through and keeps the author's class and aria-describedby", async () => {
    const html = await render(
      { id: 'x', href: '/', class: 'hero-cta', 'aria-describedby': 'note', 'data-testid': 'cta' },
      { incentive: '<span>10% off</span>' },
    );
    expect(attribute(html, 'a', 'class')).toMatch(/\bcta\b.*\bhero-cta\b/);
    expect(attribute(html, 'a', 'data-testid')).toBe('cta');
    expect(attribute(html, 'a', 'aria-describedby')).toBe('note cta-x-incentive');
  });

  it('groups the CTA with its slots and links the incentive and countdown as its description', async () => {
    const html = await render(
      { id: 'start-trial', href: '/signup' },
      {
        incentive: '<span>14-day free trial</span>',
        countdown: '<span>Offer ends 31 Dec</span>',
        'social-proof': '<p>4.8 out of 5</p>',
      },
    );
    expect(html).toMatch(/<div class="cta-kit cta-group[^"]*"[^>]*data-cta-group/);
    expect(html).toMatch(/<div id="cta-start-trial-incentive"[^>]*><span>14-day free trial<\/span><\/div>/);
    expect(html).toMatch(/<div id="cta-start-trial-countdown"[^>]*><span>Offer ends 31 Dec<\/span><\/div>/);
    expect(html).toMatch(/<div id="cta-start-trial-social-proof"[^>]*><p>4.8 out of 5<\/p><\/div>/);
    expect(attribute(html, 'a', 'aria-describedby')).toBe('cta-start-trial-incentive cta-start-trial-countdown');
    // Reading order: the offer, the action, its deadline, then the proof.
    const order = [
      'id="cta-start-trial-incentive"',
      'data-cta="start-trial"',
      'id="cta-start-trial-countdown"',
      'id="cta-start-trial-social-proof"',
    ].map((needle) => html.indexOf(needle));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('describes the CTA only by the slots that are used', async () => {
    const proofOnly = await render({ id: 'p', href: '/' }, { 'social-proof': '<p>proof</p>' });
    expect(proofOnly).toContain('data-cta-group');
    expect(proofOnly).not.toContain('aria-describedby');
    const countdownOnly = await render({ id: 'c', href: '/' }, { countdown: '<span>ends</span>' });
    expect(attribute(countdownOnly, 'a', 'aria-describedby')).toBe('cta-c-countdown');
  });

  it('escapes what authors write', async () => {
    const html = await render({ id: 'x"><script>alert(1)</script>', href: '/?a="b"&c=<d>' });
    // Inside a quoted attribute only the quote and & matter: the value cannot end the attribute early.
    expect(html).toContain('data-cta="x&quot;><script>alert(1)</script>"');
    expect(html).toContain('href="/?a=&quot;b&quot;&amp;c=<d>"');
    expect(html).not.toMatch(/data-cta="x">/);
  });

  it('ships no JavaScript of its own', async () => {
    expect(await render({ id: 'a', href: '/' }, { incentive: 'x', countdown: 'y', 'social-proof': 'z' })).not.toContain(
      '<script',
    );
  });

  it.each([
    [{ href: '/signup' }, 'id', /`id` on .*: is missing\. Fix: give a stable analytics id such as id="start-trial"/],
    [{ id: '  ', href: '/signup' }, 'id', /`id` .*is missing/],
    [{ id: 'start' }, 'href', /CTA "start" has no target\. Fix: give `href` for a link, or `type="button"`/],
    [{ id: 'start', href: '' }, 'href', /has an empty href/],
    [{ id: 'start', href: '/', type: 'submit' }, 'type', /has both `href` and `type`/],
    [{ id: 'start', type: 'reset' }, 'type', /type="reset"\. Fix: use type="button" or type="submit"/],
    [
      { id: 'start', href: '/', variant: 'huge' },
      'variant',
      /variant="huge"\. Fix: use one of primary, secondary, ghost, link/,
    ],
    [{ id: 'start', href: '/', size: 'xl' }, 'size', /size="xl"\. Fix: use one of sm, md, lg/],
    [{ id: 'start', type: 'button', external: true }, 'external', /is external but is a button/],
  ])('rejects %o, naming the prop and the fix', async (props, prop, message) => {
    const error = await render(props).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CtaAuthoringError);
    expect((error as CtaAuthoringError).component).toBe('CTA');
    expect((error as CtaAuthoringError).prop).toBe(prop);
    expect((error as Error).message).toMatch(/^<CTA> `/);
    expect((error as Error).message).toMatch(message);
  });

  it('rejects a CTA without text, also when its label is only whitespace or empty markup', async () => {
    await expect(container.renderToString(CTA, { props: { id: 'empty', href: '/' } })).rejects.toThrow(
      /CTA "empty" has no text/,
    );
    await expect(render({ id: 'blank', href: '/' }, { default: '  \n ' })).rejects.toThrow(/CTA "blank" has no text/);
    await expect(render({ id: 'icon', href: '/' }, { default: '<span class="icon"></span>' })).rejects.toThrow(
      /CTA "icon" has no text/,
    );
  });

  it("accepts a label that is an image with alt text, and keeps the label's markup", async () => {
    expect(await render({ id: 'logo', href: '/' }, { default: '<img src="/logo.svg" alt="Acme home">' })).toContain(
      '<img src="/logo.svg" alt="Acme home">',
    );
    expect(await render({ id: 'em', href: '/' }, { default: 'Start <em>now</em>' })).toMatch(
      />Start <em>now<\/em><\/a>/,
    );
  });

  it('names the page in its errors: the MDX source from the remark plugin, else the route', async () => {
    const request = new Request('http://localhost/pricing/');
    await expect(render({ href: '/' }, {}, request)).rejects.toThrow(/on the page for route .*\(\/pricing\/\)/);
    await expect(render({ href: '/', __ctaSource: 'src/pages/pricing.mdx:12:1' })).rejects.toThrow(
      /on src\/pages\/pricing\.mdx:12:1/,
    );
  });

  it("does not write the remark plugin's source prop into the HTML", async () => {
    expect(await render({ id: 'a', href: '/', __ctaSource: 'src/pages/a.mdx:1:1' })).not.toContain('src/pages/a.mdx');
  });

  it('fails on a second CTA with the same id on the same page, not across pages', async () => {
    const page = new Request('http://localhost/landing/');
    await render({ id: 'hero', href: '/' }, {}, page);
    await expect(render({ id: 'hero', href: '/b' }, {}, page)).rejects.toThrow(
      /`id` on .*\/landing\/.*two CTAs with id="hero".*Fix: give each CTA its own id, e.g. id="hero-footer"/,
    );
    await expect(render({ id: 'hero', href: '/' }, {}, new Request('http://localhost/other/'))).resolves.toContain(
      'data-cta="hero"',
    );
  });
});
