import { describe, expect, it } from 'vitest';
import { ctaUntracked } from './cta-untracked.ts';
import { examplePage } from './example-page.ts';
import { auditRun, messagesFor } from './support/test-helpers.ts';

const flagged = (snippet: string) => messagesFor(ctaUntracked, snippet);

describe('cta-untracked', () => {
  it('flags untracked CTAs only once the site is known to use data-cta, on any page', () => {
    const pageA = {
      html: examplePage('<a class="button" href="/demo">Book a demo</a>'),
      route: '/',
      file: 'index.html',
    };
    const pageB = {
      html: examplePage('<a href="/signup" data-cta="hero">Start your free trial</a>'),
      route: '/b/',
      file: 'b/index.html',
    };
    const { perPage, acrossPages: findings } = auditRun([pageA, pageB], [ctaUntracked]);
    expect(perPage).toEqual([]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ route: '/', file: 'index.html', selector: 'body > main > a' });
    expect(findings[0]!.message).toContain('data-cta="book-a-demo"');
  });

  it("leaves an error page's way home alone: nobody compares its click-through rate", () => {
    const home = {
      html: examplePage('<a href="/signup" data-cta="hero">Start your free trial</a>'),
      route: '/',
      file: 'index.html',
    };
    const notFound = {
      html: examplePage('<h1>Page not found</h1><a class="button" href="/">Back to the home page</a>'),
      route: '/404.html',
      file: '404.html',
    };
    const { acrossPages } = auditRun([home, notFound], [ctaUntracked]);
    expect(acrossPages).toEqual([]);
    const elsewhere = {
      html: examplePage('<a class="button" href="/">Back to the home page</a>'),
      route: '/about/',
      file: 'about/index.html',
    };
    expect(auditRun([home, elsewhere], [ctaUntracked]).acrossPages).toHaveLength(1);
  });

  it('honours data-cta-notrack and data-cta-ignore on an ancestor', () => {
    expect(
      flagged(
        '<a data-cta="x" href="/a">Start</a><div data-cta-notrack><a class="button" href="/b">Book a demo</a></div>',
      ),
    ).toEqual([]);
    expect(
      flagged(
        '<a data-cta="x" href="/a">Start</a><div data-cta-ignore="cta-untracked"><a class="button" href="/b">Book a demo</a></div>',
      ),
    ).toEqual([]);
  });

  it('flags an empty data-cta id', () => {
    expect(flagged('<button type="button" data-cta=" ">Start</button>')[0]).toContain('empty data-cta');
  });

  it('covers form submits: a newsletter form is a CTA too', () => {
    expect(
      flagged(
        '<a data-cta="x" href="/a">Start</a><form action="/s"><input name="e" aria-label="Email"><button>Get the newsletter</button></form>',
      ),
    ).toHaveLength(1);
  });
});

describe('cta-untracked on generated pages', () => {
  it('lists the first 50 untracked CTAs of a page and summarises the rest', () => {
    const many = Array.from({ length: 120 }, (_, i) => `<a class="button" href="/p/${i}">Buy item ${i}</a>`).join('');
    const messages = flagged(`<a data-cta="x" href="/a">Start</a>${many}`);
    expect(messages).toHaveLength(51);
    expect(messages[50]).toContain('70 more CTAs on this page have no data-cta id');
  });
});
