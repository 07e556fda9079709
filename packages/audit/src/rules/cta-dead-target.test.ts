import { describe, expect, it } from 'vitest';
import { ctaDeadTarget } from './cta-dead-target.ts';
import { withOptions } from './settings.ts';
import { routePatternRegex, servedOnDemand } from './support/targets.ts';
import { findingsFor, messagesFor } from './support/test-helpers.ts';

const routes = new Set(['/', '/pricing/', '/blog/post/', '/about.html', '/docs/guide/']);
const ids = new Map<string, Set<string>>([
  ['/pricing/', new Set(['plans', 'faq'])],
  ['/', new Set()],
  ['/about.html', new Set(['team'])],
]);
const site = { routes, idsOf: (route: string) => ids.get(route) };
const flagged = (snippet: string, route = '/blog/post/') => messagesFor(ctaDeadTarget, snippet, { route, site });
const cta = (href: string) => `<a class="btn" href="${href}">Compare plans</a>`;

describe('cta-dead-target', () => {
  it.each(['', ' ', '#', '#!', 'javascript:void(0)', 'JavaScript:openModal()'])('flags href="%s"', (href) => {
    expect(flagged(cta(href))).toHaveLength(1);
  });

  it('flags an <a> declared as a CTA without any href', () => {
    expect(flagged('<a data-cta="x">Compare plans</a>')[0]).toContain('without href');
  });

  it.each([
    '/pricing/',
    '/pricing',
    '/pricing/index.html',
    '../../pricing/',
    '/pricing/?plan=pro',
    '/pricing?utm=x#plans',
    '/about',
    '/about.html',
    '/about/',
    '/pricing/#faq',
    '/about.html#team',
  ])('finds %s in the build', (href) => {
    expect(flagged(cta(href))).toEqual([]);
  });

  it('flags pages missing from the build, with the path it looked for', () => {
    expect(flagged(cta('/pricing-old/'))[0]).toContain('/pricing-old/, which is not a page of this build');
    expect(flagged(cta('../pricng/'))).toHaveLength(1);
  });

  it('flags #fragments missing on the target page or on this page', () => {
    expect(flagged(cta('/pricing/#plan'))[0]).toContain('#plan on /pricing/');
    expect(flagged(`${cta('#signup')}<h2 id="sign-up">Sign up</h2>`)[0]).toContain('on this page');
    expect(flagged(`${cta('#signup')}<h2 id="signup">Sign up</h2>`)).toEqual([]);
    expect(flagged(`${cta('#signup')}<a name="signup"></a>`)).toEqual([]);
    expect(flagged(cta('#top'))).toEqual([]);
  });

  it('decodes percent-encoded paths and fragments', () => {
    const withUnicode = { routes: new Set(['/blog/post/', '/café/']), idsOf: () => new Set(['über']) };
    expect(
      messagesFor(ctaDeadTarget, '<a class="btn" href="/caf%C3%A9/#%C3%BCber">Visit the café</a>', {
        route: '/blog/post/',
        site: withUnicode,
      }),
    ).toEqual([]);
  });

  it('ignores external links, mail, phone and files', () => {
    for (const href of [
      'https://example.com/nope',
      '//cdn.example.com/x',
      'mailto:a@b.c',
      'tel:+4912345',
      '/files/report.pdf',
      '/rss.xml',
    ]) {
      expect(flagged(cta(href)), href).toEqual([]);
    }
  });

  it('understands a base path from the canonical URL or Astro asset URLs', () => {
    const page = (head: string, href: string) =>
      `<!doctype html><html><head>${head}</head><body><main>${cta(href)}</main></body></html>`;
    const audit = (html: string) =>
      import('../engine.ts').then(({ auditHtml }) => auditHtml(html, [ctaDeadTarget], { route: '/blog/post/', site }));
    return Promise.all([
      audit(page('<link rel="canonical" href="https://acme.dev/docs/blog/post/">', '/docs/pricing/')).then((f) =>
        expect(f).toEqual([]),
      ),
      audit(page('<link rel="stylesheet" href="/docs/_astro/index.css">', '/docs/pricing/#plans')).then((f) =>
        expect(f).toEqual([]),
      ),
      audit(page('<link rel="stylesheet" href="/docs/_astro/index.css">', '/docs/pricng/')).then((f) =>
        expect(f).toHaveLength(1),
      ),
      // Outside the base path: another site on the same host.
      audit(page('<link rel="stylesheet" href="/docs/_astro/index.css">', '/shop/')).then((f) => expect(f).toEqual([])),
    ]);
  });

  it('reports where the link is', () => {
    const [finding] = findingsFor(ctaDeadTarget, `<p>x</p>${cta('#')}`, { route: '/blog/post/', site });
    expect(finding).toMatchObject({ selector: 'body > main > a', line: 1 });
  });
});

describe('cta-dead-target: routes with no built page', () => {
  const onDemand = ['/account', '/api/[id]', '/docs/[...path]', '/old-pricing', '/[lang]-[region]/shop'];
  const withRoutes = withOptions(ctaDeadTarget, { onDemandRoutes: onDemand });
  const flaggedWith = (href: string) => messagesFor(withRoutes, cta(href), { route: '/blog/post/', site });

  it.each([
    '/account',
    '/account/',
    '/account/index.html',
    '/api/42',
    '/docs',
    '/docs/a/b/c/',
    '/old-pricing',
    '/en-gb/shop/',
  ])('does not call a link to %s dead when a route serves it on demand or redirects it', (href) => {
    expect(flaggedWith(href)).toEqual([]);
  });

  it.each(['/accounts/', '/api/', '/api/1/2', '/en/shop/', '/nowhere/'])('still flags %s', (href) => {
    expect(flaggedWith(href)).toHaveLength(1);
  });

  it('flags the same links when no routes were given', () => {
    expect(flagged(cta('/account/'))).toHaveLength(1);
  });

  it('turns Astro route patterns into anchored expressions', () => {
    expect(routePatternRegex('/').test('/')).toBe(true);
    expect(routePatternRegex('/blog/[slug]').test('/blog/a.b')).toBe(true);
    expect(routePatternRegex('/blog/[slug]').test('/blog/a/b')).toBe(false);
    expect(routePatternRegex('/a+b/(x)').test('/a+b/(x)/')).toBe(true);
    expect(servedOnDemand('/base/account/', ['/account'], '/base/')).toBe(true);
  });
});
