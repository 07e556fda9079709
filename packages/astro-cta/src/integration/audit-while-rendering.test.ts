import { describe, expect, it } from 'vitest';
import { builtFileFor, builtFileForUrl } from './audit-while-rendering.ts';

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
    expect(builtFileFor('/old', redirect, { build: { format: 'directory', redirects: false } as never })).toBeUndefined();
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
