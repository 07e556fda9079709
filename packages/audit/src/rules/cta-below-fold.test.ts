import { describe, expect, it } from 'vitest';
import { resolveAuditConfig } from '../config.ts';
import { auditHtml } from '../engine.ts';
import { createPage } from '../page.ts';
import { ctaBelowFold } from './cta-below-fold.ts';
import { guessPrimary } from './support/primary.ts';
import { messagesFor } from './support/test-helpers.ts';

const words = (count: number) => `<p>${Array.from({ length: count }, (_, i) => `word${i}`).join(' ')}</p>`;
const flagged = (snippet: string) => messagesFor(ctaBelowFold, snippet);

describe('cta-below-fold: the main CTA where the markup marks none', () => {
  const page = (main: string, route = '/') =>
    createPage(`<html><body><main>${main}</main></body></html>`, route, 'index.html');

  it('guesses the hero’s solid button, the page’s only CTA or a closing band’s one action', () => {
    const hero =
      '<section><h1>Ship faster</h1><a class="btn btn-outline" href="/tour">Take the tour</a><a class="px-4 py-2 bg-blue-600 rounded" href="/signup">Get started</a></section>';
    expect(
      guessPrimary(page(`${hero}<section><h2>More</h2><a class="btn" href="/demo">Book a demo</a></section>`))
        ?.visibleText,
    ).toBe('Get started');
    expect(
      guessPrimary(page('<h1>Jane</h1><p>Designer.</p><p><a href="mailto:j@x.com">Email me</a></p>'))?.visibleText,
    ).toBe('Email me');
    const band = '<aside><h2>Working together?</h2><a class="btn" href="mailto:j@x.com">Send me a message</a></aside>';
    expect(
      guessPrimary(page(`<section><h1>Jane</h1><p><a href="/work/">View all work</a></p></section>${band}`))
        ?.visibleText,
    ).toBe('Send me a message');
  });

  it('guesses nothing where unsure: no solid hero button, a primary in the markup, a page not meant to convert', () => {
    expect(
      guessPrimary(
        page(
          '<section><h1>Hi</h1><a class="btn btn-link" href="/a">Go to A</a></section><p><a class="btn" href="/b">Get B</a></p>',
        ),
      ),
    ).toBeUndefined();
    expect(
      guessPrimary(page('<a class="btn btn-primary" href="/a">Buy</a><a class="btn" href="/b">Get B</a>')),
    ).toBeUndefined();
    expect(
      guessPrimary(
        page(
          '<h1>Privacy</h1><p>Write to <a href="mailto:p@x.com">privacy@x.com</a>.</p><p><a href="mailto:p@x.com">Email us</a></p>',
          '/privacy/',
        ),
      ),
    ).toBeUndefined();
  });

  it('reports the guessed CTA as the page’s main CTA, not as one marked primary', () => {
    const [message] = flagged(`${words(301)}<p><a href="mailto:j@x.com">Email me</a></p>`);
    expect(message).toContain('The page\'s main CTA "Email me"');
    expect(message).toContain('data-cta-role="primary"');
  });
});

describe('cta-below-fold', () => {
  it('flags more than 300 words before the first primary CTA, and says how many', () => {
    const [message] = flagged(`${words(301)}<a class="btn btn-primary" href="/s">Start trial</a>`);
    expect(message).toContain('301 words');
    expect(flagged(`${words(300)}<a class="btn btn-primary" href="/s">Start trial</a>`)).toEqual([]);
  });

  it('counts large images and videos, but not icons with small declared sizes', () => {
    expect(
      flagged(
        `${words(150)}<img src="a.png" width="800" height="600" alt=""><img src="b.png" alt=""><a class="btn btn-primary" href="/s">Start trial</a>`,
      ),
    ).toHaveLength(1);
    expect(
      flagged(
        `${words(150)}<img src="i.svg" width="24" height="24" alt=""><img src="i.svg" width="24" height="24" alt=""><img src="i.svg" width="24" height="24" alt=""><a class="btn btn-primary" href="/s">Start trial</a>`,
      ),
    ).toEqual([]);
  });

  it('does not count scripts, hidden or visually hidden text', () => {
    expect(
      flagged(
        `<script>${'var a = 1; '.repeat(200)}</script><div hidden>${words(400)}</div><div class="sr-only">${words(400)}</div><a class="btn btn-primary" href="/s">Start trial</a>`,
      ),
    ).toEqual([]);
  });

  it('measures to the first primary CTA, not to a secondary one before it', () => {
    expect(
      flagged(
        `<a class="btn" href="/docs">Read the docs</a>${words(400)}<a class="btn btn-primary" href="/s">Start trial</a>`,
      ),
    ).toHaveLength(1);
  });
});

describe('cta-below-fold: scripts without spaces', () => {
  it('counts Japanese text by characters', () => {
    expect(
      flagged(`<p>${'日本語の文章です'.repeat(80)}</p><a class="btn btn-primary" href="/s">無料で始める</a>`),
    ).toHaveLength(1);
    expect(
      flagged(`<p>${'日本語の文章です'.repeat(10)}</p><a class="btn btn-primary" href="/s">無料で始める</a>`),
    ).toEqual([]);
  });
});

describe('cta-below-fold on real templates', () => {
  it('never calls a CTA that is not marked primary “the first primary CTA”', () => {
    // The page's only CTA is its main one, and the message says so instead of calling it primary.
    expect(flagged(`${words(400)}<a class="btn" href="/s">Start trial</a>`)[0]).not.toContain('first primary CTA');
    expect(
      flagged(`${words(400)}<a class="btn" href="/s">Start trial</a><a class="btn" href="/t">Book a demo</a>`),
    ).toEqual([]);
    expect(
      flagged(`${words(400)}<a class="btn btn-primary" href="https://twitter.com/intent/tweet">Share on X</a>`),
    ).toEqual([]);
  });

  it('does not count icons sized by classes, inline SVG icons or images inside links as large media', () => {
    const icons =
      '<img src="i.svg" class="w-6 h-6" alt=""><img src="a.png" class="avatar" alt=""><svg viewBox="0 0 24 24"></svg><a href="/x"><img src="t.png" alt="x"></a>';
    expect(flagged(`${words(100)}${icons}${icons}<a class="btn btn-primary" href="/s">Start trial</a>`)).toEqual([]);
    expect(
      flagged(
        `${words(150)}<img src="a.png" alt=""><video src="v.mp4"></video><a class="btn btn-primary" href="/s">Start trial</a>`,
      ),
    ).toHaveLength(1);
  });

  it('leaves a primary CTA in a dialog alone: it is not in the page’s flow', () => {
    expect(
      flagged(`${words(400)}<dialog><form><button class="btn btn-primary">Save changes</button></form></dialog>`),
    ).toEqual([]);
  });

  it('measures a CTA in a closing band after all of <main>', () => {
    const html = `<!doctype html><html lang="en"><body><main>${words(400)}</main><section><a class="btn btn-primary" href="/s">Start trial</a></section></body></html>`;
    expect(auditHtml(html, [ctaBelowFold]).map((finding) => finding.messageId)).toEqual(['belowFold']);
  });

  it('is off by default (recommended: false) until its precision on the real-world corpus reaches 0.9', () => {
    expect(ctaBelowFold.meta.recommended).toBe(false);
    expect(resolveAuditConfig({}).rules.map((rule) => rule.meta.id)).not.toContain('cta-below-fold');
    expect(resolveAuditConfig({ rules: { 'cta-below-fold': 'info' } }).rules.map((rule) => rule.meta.id)).toContain(
      'cta-below-fold',
    );
  });
});
