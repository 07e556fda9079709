import { describe, expect, it } from 'vitest';
import { auditHtml } from '../engine.ts';
import { resolveAuditConfig } from '../config.ts';
import { ctaBelowFold } from './cta-below-fold.ts';
import { messagesFor } from './support/test-helpers.ts';

const words = (count: number) => `<p>${Array.from({ length: count }, (_, i) => `word${i}`).join(' ')}</p>`;
const flagged = (snippet: string) => messagesFor(ctaBelowFold, snippet);

describe('cta-below-fold', () => {
  it('flags more than 300 words before the first primary CTA, and says how many', () => {
    const [message] = flagged(`${words(301)}<a class="btn btn-primary" href="/s">Start trial</a>`);
    expect(message).toContain('301 words');
    expect(flagged(`${words(300)}<a class="btn btn-primary" href="/s">Start trial</a>`)).toEqual([]);
  });

  it('counts large images and videos, but not icons with small declared sizes', () => {
    expect(flagged(`${words(150)}<img src="a.png" width="800" height="600" alt=""><img src="b.png" alt=""><a class="btn btn-primary" href="/s">Start trial</a>`)).toHaveLength(1);
    expect(flagged(`${words(150)}<img src="i.svg" width="24" height="24" alt=""><img src="i.svg" width="24" height="24" alt=""><img src="i.svg" width="24" height="24" alt=""><a class="btn btn-primary" href="/s">Start trial</a>`)).toEqual([]);
  });

  it('does not count scripts, hidden or visually hidden text', () => {
    expect(flagged(`<script>${'var a = 1; '.repeat(200)}</script><div hidden>${words(400)}</div><div class="sr-only">${words(400)}</div><a class="btn btn-primary" href="/s">Start trial</a>`)).toEqual([]);
  });

  it('measures to the first primary CTA, not to a secondary one before it', () => {
    expect(flagged(`<a class="btn" href="/docs">Read the docs</a>${words(400)}<a class="btn btn-primary" href="/s">Start trial</a>`)).toHaveLength(1);
  });

});

describe('cta-below-fold: scripts without spaces', () => {
  it('counts Japanese text by characters', () => {
    expect(flagged(`<p>${'日本語の文章です'.repeat(80)}</p><a class="btn btn-primary" href="/s">無料で始める</a>`)).toHaveLength(1);
    expect(flagged(`<p>${'日本語の文章です'.repeat(10)}</p><a class="btn btn-primary" href="/s">無料で始める</a>`)).toEqual([]);
  });
});

describe('cta-below-fold on real templates', () => {
  it('never calls a CTA that is not marked primary “the first primary CTA”', () => {
    expect(flagged(`${words(400)}<a class="btn" href="/s">Start trial</a>`)).toEqual([]);
    expect(flagged(`${words(400)}<a class="btn btn-primary" href="https://twitter.com/intent/tweet">Share on X</a>`)).toEqual([]);
  });

  it('does not count icons sized by classes, inline SVG icons or images inside links as large media', () => {
    const icons = '<img src="i.svg" class="w-6 h-6" alt=""><img src="a.png" class="avatar" alt=""><svg viewBox="0 0 24 24"></svg><a href="/x"><img src="t.png" alt="x"></a>';
    expect(flagged(`${words(100)}${icons}${icons}<a class="btn btn-primary" href="/s">Start trial</a>`)).toEqual([]);
    expect(flagged(`${words(150)}<img src="a.png" alt=""><video src="v.mp4"></video><a class="btn btn-primary" href="/s">Start trial</a>`)).toHaveLength(1);
  });

  it('leaves a primary CTA in a dialog alone: it is not in the page’s flow', () => {
    expect(flagged(`${words(400)}<dialog><form><button class="btn btn-primary">Save changes</button></form></dialog>`)).toEqual([]);
  });

  it('measures a CTA in a closing band after all of <main>', () => {
    const html = `<!doctype html><html lang="en"><body><main>${words(400)}</main><section><a class="btn btn-primary" href="/s">Start trial</a></section></body></html>`;
    expect(auditHtml(html, [ctaBelowFold]).map((finding) => finding.messageId)).toEqual(['belowFold']);
  });

  it('is off by default (recommended: false) until its precision on the real-world corpus reaches 0.9', () => {
    expect(ctaBelowFold.meta.recommended).toBe(false);
    expect(resolveAuditConfig({}).rules.map((rule) => rule.meta.id)).not.toContain('cta-below-fold');
    expect(resolveAuditConfig({ rules: { 'cta-below-fold': 'info' } }).rules.map((rule) => rule.meta.id)).toContain('cta-below-fold');
  });
});
