import { type RenderedPages, resolveAuditConfig } from '@astro-cta/audit';
import { describe, expect, it } from 'vitest';
import { auditWhileRendering, builtFileFor, builtFileForUrl } from './audit-while-rendering.ts';

const page = { type: 'page' as const, isIndex: false };
const indexPage = { type: 'page' as const, isIndex: true };
const format = (value: 'directory' | 'file' | 'preserve', base = '/') => ({ build: { format: value } as never, base });

describe('builtFileFor: where Astro writes a page', () => {
  it.each([
    ['directory', '/', page, 'index.html'],
    ['directory', '/pricing', page, 'pricing/index.html'],
    ['directory', '/blog/hello/', page, 'blog/hello/index.html'],
    ['directory', '/404', page, '404.html'],
    ['file', '/pricing', page, 'pricing.html'],
    ['file', '/', page, 'index.html'],
    ['preserve', '/pricing', page, 'pricing.html'],
    ['preserve', '/docs', indexPage, 'docs/index.html'],
  ] as const)('%s format: %s → %s', (value, pathname, route, file) => {
    expect(builtFileFor(pathname, route, format(value))).toBe(file);
  });

  it('counts redirects as pages only when Astro writes them', () => {
    const redirect = { type: 'redirect' as const, isIndex: false };
    expect(builtFileFor('/old', redirect, format('directory'))).toBe('old/index.html');
    expect(
      builtFileFor('/old', redirect, { build: { format: 'directory', redirects: false } as never }),
    ).toBeUndefined();
  });

  it('leaves out what is not an HTML page', () => {
    expect(builtFileFor('/rss.xml', { type: 'endpoint', isIndex: false }, format('directory'))).toBeUndefined();
    expect(builtFileFor('/feed.html', { type: 'endpoint', isIndex: false }, format('directory'))).toBe('feed.html');
  });
});

describe('builtFileForUrl: the same from the URL a page renders at', () => {
  it.each([
    ['directory', '/', 'http://localhost/pricing/', 'pricing/index.html'],
    ['directory', '/docs', 'http://localhost/docs/pricing/', 'pricing/index.html'],
    ['directory', '/docs/', 'http://localhost/docs/', 'index.html'],
    ['directory', '/', 'http://localhost/404/', '404.html'],
    ['directory', '/', 'http://localhost/caf%C3%A9/', 'café/index.html'],
    ['file', '/', 'http://localhost/pricing.html', 'pricing.html'],
    ['file', '/', 'http://localhost/index.html', 'index.html'],
  ] as const)('%s format, base %s: %s → %s', (value, base, url, file) => {
    expect(builtFileForUrl(url, page, format(value, base))).toBe(file);
  });
});

describe('auditWhileRendering', () => {
  const config = { build: { format: 'directory' }, base: '/', publicDir: new URL('file:///nowhere/public/') } as never;
  const audit = { ...resolveAuditConfig({}), now: new Date('2026-11-26T00:00:00Z') };
  const paths = [
    { pathname: '/', route: { type: 'page', isIndex: true } },
    { pathname: '/broken', route: { type: 'page', isIndex: false } },
  ];
  const inner = {
    name: 'test',
    getStaticPaths: async () => paths as never,
    render: async (request: Request) =>
      new URL(request.url).pathname === '/broken/'
        ? // A body that fails when read: our copy of it fails, Astro's page must not.
          new Response(new ReadableStream({ pull: (controller) => controller.error(new Error('broken body')) }), {
            headers: { 'content-type': 'text/html' },
          })
        : new Response('<html><body><main><a class="button" href="/">Click here</a></main></body></html>', {
            headers: { 'content-type': 'text/html' },
          }),
  };

  it('hands each rendered page to the audit and never fails the render for its own sake', async () => {
    let rendered: RenderedPages | undefined;
    const wrapped = auditWhileRendering(inner, config, audit, (started) => (rendered = started));
    expect(wrapped.setup).toBeUndefined();
    await wrapped.getStaticPaths();
    try {
      const home = await wrapped.render(new Request('http://localhost/'), { routeData: paths[0]!.route as never });
      expect(home).toBeInstanceOf(Response);
      const broken = await wrapped.render(new Request('http://localhost/broken/'), {
        routeData: paths[1]!.route as never,
      });
      expect((broken as Response).status).toBe(200);
      expect(rendered!.has('index.html')).toBe(true);
      expect(rendered!.has('broken/index.html')).toBe(false);
      expect(rendered!.usableFor(new Set(['/', '/broken/']))).toBe(true);
    } finally {
      await rendered?.close();
    }
  });
});
