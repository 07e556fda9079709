import { describe, expect, it } from 'vitest';
import { contentRegions } from './main-content.ts';
import { type PageKind, pageKindOf } from './page-kind.ts';
import { parseHtml } from './parse.ts';

const article = '<main><h1>Title</h1><p>Some words about the product and what it does for the team.</p></main>';
const html = (body: string, head = '') =>
  `<!doctype html><html lang="en"><head><title>T</title>${head}</head><body>${body}</body></html>`;
function kindOf(route: string, page = html(article), routes?: string[]): PageKind {
  const document = parseHtml(page);
  return pageKindOf({
    route,
    document,
    content: contentRegions(document),
    routes: routes ? new Set(routes) : undefined,
  }).kind;
}
const card = (n: number) =>
  `<article><h2><a href="/blog/post-${n}/">Post ${n}</a></h2><p>A summary of post ${n}, with a few words.</p></article>`;
const cards = (count: number) => Array.from({ length: count }, (_, i) => card(i)).join('');

describe('page kinds from the URL', () => {
  it.each([
    ['/tag/astro/', 'taxonomy'],
    ['/tags/astro/2/', 'taxonomy'],
    ['/category/news/', 'taxonomy'],
    ['/categories/', 'taxonomy'],
    ['/author/jane/', 'taxonomy'],
    ['/de/tags/astro/', 'taxonomy'],
    ['/search/', 'search'],
    ['/archives/', 'archive'],
    ['/2024/05/', 'archive'],
    ['/rss.xml', 'feed'],
    ['/blog/feed/', 'feed'],
    ['/404.html', 'error'],
    ['/404/', 'error'],
    ['/privacy-policy/', 'legal'],
    ['/legal/imprint/', 'legal'],
    ['/terms/', 'legal'],
    ['/admin/', 'admin'],
    ['/blog/', 'list'],
    ['/posts/', 'list'],
    ['/blog/page/3/', 'paginated-list'],
    ['/pricing/', 'page'],
    ['/', 'page'],
    ['/blog/my-first-post/', 'article'],
    ['/work/nested/a-project/', 'article'],
    ['/fr/releases/2_0/', 'article'],
  ] as const)('%s is %s', (route, kind) => {
    expect(kindOf(route)).toBe(kind);
  });

  it('knows locale homes by a real language tag, not any short first segment', () => {
    for (const route of ['/fr/', '/pt-br/', '/zh-hans/', '/es-419/']) expect(kindOf(route), route).toBe('page');
    // "/no-cta/" is not Norwegian with a region "cta": it is a content page like any other.
    expect(kindOf('/no-cta/')).toBe('content');
  });

  it('tells a numbered page of a list from a page whose slug is a number, by the site routes', () => {
    expect(kindOf('/blog/2/', html(article), ['/blog/', '/blog/2/', '/blog/3/'])).toBe('paginated-list');
    expect(kindOf('/offers/7/', html(article), ['/offers/7/'])).toBe('content');
  });
});

describe('page kinds from the markup', () => {
  it('reads the robots meta: a noindex page, or an app shell when it has almost no content', () => {
    const noindex = '<meta name="robots" content="noindex, follow">';
    expect(kindOf('/thanks/', html(`<main><h1>Thanks</h1><p>${'word '.repeat(40)}</p></main>`, noindex))).toBe(
      'noindex',
    );
    expect(kindOf('/studio/x/', html('<div id="root"></div><script src="/cms.js"></script>', noindex))).toBe('admin');
  });

  it('knows redirect pages (Astro writes a meta refresh)', () => {
    expect(
      kindOf(
        '/old/',
        '<!doctype html><title>Redirecting to: /new/</title><meta http-equiv="refresh" content="0;url=/new/"><body><a href="/new/">Redirecting</a></body>',
      ),
    ).toBe('redirect');
  });

  it('knows error pages by their title', () => {
    expect(kindOf('/missing/', html(article).replace('<title>T</title>', '<title>404: Page not found</title>'))).toBe(
      'error',
    );
  });

  it('reads rel=prev/next on a numbered URL as pagination', () => {
    expect(kindOf('/notes/4/', html(cards(5), '<link rel="prev" href="/notes/3/">'))).toBe('paginated-list');
  });

  it('calls a page whose content is mostly linked cards a list, but not a landing page with a feature grid', () => {
    const dated = Array.from(
      { length: 3 },
      (_, i) =>
        `<li><a href="/releases/${i}">${i}.0 <time datetime="2024-01-0${i + 1}">Jan</time></a><div><h2>Release ${i}</h2><p>What changed.</p></div></li>`,
    ).join('');
    expect(kindOf('/', html(`<main><h1>Changelog</h1><ul>${dated}</ul></main>`))).toBe('list');
    expect(kindOf('/writing-index/', html(`<main><h1>Writing</h1>${cards(6)}</main>`))).toBe('list');
    const features = Array.from(
      { length: 6 },
      (_, i) => `<div><h3>Feature ${i}</h3><p>What feature ${i} does for you and your team.</p></div>`,
    ).join('');
    expect(kindOf('/product/', html(`<main><h1>Product</h1><div>${features}</div></main>`))).toBe('page');
  });

  it('calls a home page made of post cards a list, but not a landing page that shows a few recent posts', () => {
    expect(kindOf('/', html(`<main><h1>Releases</h1>${cards(6)}</main>`))).toBe('list');
    const landing = `<main><h1>Acme</h1><p>${'Words about what Acme does for teams. '.repeat(20)}</p>${cards(3)}</main>`;
    expect(kindOf('/', html(landing))).toBe('page');
  });

  it('reads an article from og:type or JSON-LD, whatever the URL', () => {
    expect(kindOf('/hello-world/', html(article, '<meta property="og:type" content="article">'))).toBe('article');
    expect(
      kindOf('/hello-world/', html(article, '<script type="application/ld+json">{"@type": "BlogPosting"}</script>')),
    ).toBe('article');
    expect(kindOf('/hello-world/', html(article, '<meta property="og:type" content="website">'))).toBe('content');
  });

  it('treats Starlight pages with a sidebar as documentation, its splash pages as pages', () => {
    const head = '<meta name="generator" content="Starlight v0.42.4">';
    expect(
      kindOf('/guides/setup/', html(article, head).replace('<html lang="en">', '<html lang="en" data-has-sidebar>')),
    ).toBe('docs');
    expect(kindOf('/', html(article, head))).toBe('page');
  });
});

describe('page kinds learned from unseen templates', () => {
  it('treats about pages and /docs/ sections as pages that inform, in several languages', () => {
    expect(kindOf('/about/')).toBe('about');
    expect(kindOf('/fr/a-propos/')).toBe('about');
    expect(kindOf('/docs/getting-started/')).toBe('docs');
    expect(kindOf('/de/documentation/setup/')).toBe('docs');
    expect(kindOf('/guides/')).toBe('list');
    expect(kindOf('/guides/using-mdx/')).toBe('article');
  });

  it('reads rendered Markdown (a flat run of paragraphs and headings) as an article, with code as docs', () => {
    const prose = (extra = '') =>
      html(
        `<main><h1>Setup</h1><p>One.</p><h2>A</h2><p>Two.</p><p>Three.</p>${extra}<h2>B</h2><p>Four.</p><p>Five.</p></main>`,
      );
    expect(kindOf('/setup/', prose())).toBe('article');
    expect(kindOf('/setup/', prose('<pre><code>npm i</code></pre>'))).toBe('docs');
    // A home page converts whatever its markup.
    expect(kindOf('/', prose())).toBe('page');
    expect(kindOf('/en/', prose())).toBe('page');
  });

  it('reads cards titled by any heading level as a list, but not boxes whose links go nowhere', () => {
    const item = (n: number, href: string, level: number) =>
      `<div class="card"><a href="${href}"><img src="/i.webp" alt="Item ${n}"><h${level}>Item ${n}</h${level}>` +
      `<p>$15 Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod.</p></a></div>`;
    const grid = (href: (n: number) => string, level: number) =>
      html(`<main><ul>${[1, 2, 3].map((n) => item(n, href(n), level)).join('')}</ul></main>`);
    expect(
      kindOf(
        '/store/',
        grid((n) => `/store/item${n}`, 1),
      ),
    ).toBe('list');
    expect(
      kindOf(
        '/shop/',
        grid((n) => `/shop/item${n}/`, 5),
      ),
    ).toBe('list');
    expect(
      kindOf(
        '/services/',
        grid(() => '#', 1),
      ),
    ).toBe('page');
    expect(
      kindOf(
        '/services/',
        grid(() => 'javascript:void(0)', 3),
      ),
    ).toBe('page');
  });

  it('keeps a home page that introduces itself beside its list of projects a page', () => {
    const home = `<main><h1>Jane</h1><section><h2>Skills</h2><p>${'Design and code. '.repeat(12)}</p></section>${cards(4)}</main>`;
    expect(kindOf('/', html(home))).toBe('page');
  });
});
