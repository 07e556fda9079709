import { describe, expect, it } from 'vitest';
import { auditHtml } from '../engine.ts';
import { pageNoCta } from './page-no-cta.ts';
import { configureRules, rulesFrom, settingsOf, withOptions } from './settings.ts';

const page = (body: string, head = '') =>
  `<!doctype html><html lang="en"><head><title>T</title>${head}</head><body>${body}</body></html>`;
const findings = (body: string, route = '/', rule = pageNoCta, routes = [route]) =>
  auditHtml(page(body), [rule], { route, site: { routes: new Set(routes) } });
const ids = (body: string, route?: string) => findings(body, route).map((finding) => finding.ruleId);

describe('page-no-cta', () => {
  it('does not count header, nav and footer links as the page’s CTA', () => {
    expect(
      ids(
        '<header><a class="btn" href="/signup">Sign up</a></header><main><p>Text</p></main><footer><a class="button" href="/c">Contact</a></footer>',
      ),
    ).toEqual(['page-no-cta']);
  });

  it('counts a CTA declared through the markup contract', () => {
    expect(ids('<main><a href="/signup" data-cta="hero">Create an account</a></main>')).toEqual([]);
  });

  it('counts a form submit button', () => {
    expect(
      ids(
        '<main><form action="/subscribe"><input name="email"><button>Subscribe to the newsletter</button></form></main>',
      ),
    ).toEqual([]);
  });

  it('counts a closing CTA band after a partial <main>, and an unsure contact link', () => {
    expect(
      ids(
        '<main><h1>Hero</h1></main><section><a class="btn" href="/signup">Start free</a></section><footer>©</footer>',
      ),
    ).toEqual([]);
    expect(
      ids('<main><p>Questions? Write to me at <a href="mailto:me@x.com">me@x.com</a> and I will answer.</p></main>'),
    ).toEqual([]);
  });

  it('can be suppressed with data-cta-ignore on the main content', () => {
    expect(ids('<main data-cta-ignore="page-no-cta"><p>About us</p></main>')).toEqual([]);
  });

  it('leaves pages that are not meant to convert alone by default', () => {
    const empty = '<main><h1>Posts tagged astro</h1><p>Nothing here yet.</p></main>';
    for (const route of [
      '/tag/astro/',
      '/tags/astro/2/',
      '/category/news/',
      '/author/jane/',
      '/blog/',
      '/privacy/',
      '/404.html',
      '/search/',
    ]) {
      expect(ids(empty, route), route).toEqual([]);
    }
    expect(
      auditHtml(page(empty, '<meta name="robots" content="noindex">'), [pageNoCta], { route: '/thanks/' }),
    ).toEqual([]);
  });

  it('says why the page is expected to convert and names the options that change it', () => {
    const [finding] = findings('<main><p>Text</p></main>', '/pricing/');
    expect(finding?.messageId).toBe('missing');
    expect(finding?.message).toContain('its URL /pricing/ names a page that sells');
    expect(finding?.message).toContain('`requireCta`');
    expect(finding?.message).toContain('--require-cta');
    expect(finding?.message).toContain('ctaAudit');
  });
});

describe('page-no-cta: content pages convert only where they sell', () => {
  const tool =
    '<main><h1>Colour contrast checker</h1><div id="app"><label>Foreground <input type="color"></label></div></main>';

  it('leaves a content page with no sign of selling alone (a tool, a sample page)', () => {
    expect(ids(tool, '/color-contrast-checker/')).toEqual([]);
    expect(
      ids(
        '<main><h1>Sample</h1><section><h2>A table</h2><table><tr><td>1</td></tr></table></section></main>',
        '/mdx-page/',
      ),
    ).toEqual([]);
    // A search form finds pages: it is no sign of selling.
    expect(ids('<main><form role="search"><input type="search"></form><p>Results</p></main>', '/find/')).toEqual([]);
  });

  it('reports a content page that shows a form, a price, an offer, or a selling route', () => {
    expect(ids('<main><h1>Quote</h1><form><input name="email"></form></main>', '/ask/')).toEqual(['page-no-cta']);
    expect(ids('<main><h1>Team plan</h1><p>Only $19 for the whole team.</p></main>', '/team-plan/')).toEqual([
      'page-no-cta',
    ]);
    expect(ids('<main><div data-cta-choose="x"><p>Spring sale</p></div></main>', '/spring/')).toEqual(['page-no-cta']);
    for (const route of ['/pricing/', '/fr/products/item-a/', '/contact-us/', '/services/', '/landing/']) {
      expect(ids(tool, route), route).toEqual(['page-no-cta']);
    }
  });

  it('treats the root of a site built under a base path as its home page', () => {
    const routes = ['/acme/', '/acme/about/', '/acme/blog/'];
    const [finding] = findings('<main><h1>Acme</h1><div><p>Welcome</p></div></main>', '/acme/', pageNoCta, routes);
    expect(finding?.message).toContain('it is the home page (under a base path)');
  });

  it('says how to ask for a CTA on a page it leaves alone: the requireCta option', () => {
    const required = withOptions(pageNoCta, { requireCta: ['/color-contrast-checker/'] });
    const [finding] = findings(tool, '/color-contrast-checker/', required);
    expect(finding?.messageId).toBe('missingRequired');
  });
});

describe('page-no-cta: the requireCta option', () => {
  const landingOnly = withOptions(pageNoCta, { requireCta: ['/landing/**'] });

  it('checks exactly the pages its globs match, tag pages too, but never error pages or redirects', () => {
    expect(findings('<main><p>x</p></main>', '/pricing/', landingOnly)).toEqual([]);
    const [finding] = findings('<main><p>x</p></main>', '/landing/tag/x/', landingOnly);
    expect(finding?.messageId).toBe('missingRequired');
    expect(finding?.message).toContain('`requireCta`');
    const everyPage = withOptions(pageNoCta, { requireCta: ['/**'] });
    expect(findings('<main><p>x</p></main>', '/404.html', everyPage)).toEqual([]);
    expect(findings('<main><p>x</p></main>', '/tags/x/', everyPage).map((finding) => finding.messageId)).toEqual([
      'missingRequired',
    ]);
  });

  it('is an option in the rule’s meta, handed out by configureRules and carried to worker threads', () => {
    expect(pageNoCta.meta.options?.requireCta?.setWith).toContain('--require-cta');
    const [configured] = configureRules([pageNoCta], { requireCta: ['/x/**'], somethingElse: 1 });
    expect(configured?.options).toEqual({ requireCta: ['/x/**'] });
    const [again] = rulesFrom(structuredClone(settingsOf([configured!])!));
    expect(again?.options).toEqual({ requireCta: ['/x/**'] });
    expect(configureRules([pageNoCta], { requireCta: undefined })[0]).toBe(pageNoCta);
    expect(() => withOptions(pageNoCta, { requireCtx: [] })).toThrow(/no option "requireCtx"/);
  });
});
