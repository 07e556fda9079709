import { describe, expect, it } from 'vitest';
import { auditHtml } from '../engine.ts';
import { pageNoCta } from './page-no-cta.ts';

const page = (body: string) => `<!doctype html><html lang="en"><body>${body}</body></html>`;
const ids = (body: string) => auditHtml(page(body), [pageNoCta]).map((finding) => finding.ruleId);

describe('page-no-cta', () => {
  it('does not count header, nav and footer links as the page’s CTA', () => {
    expect(ids('<header><a class="btn" href="/signup">Sign up</a></header><main><p>Text</p></main><footer><a class="button" href="/c">Contact</a></footer>')).toEqual(['page-no-cta']);
  });

  it('counts a CTA declared through the markup contract', () => {
    expect(ids('<main><a href="/signup" data-cta="hero">Create an account</a></main>')).toEqual([]);
  });

  it('counts a form submit button', () => {
    expect(ids('<main><form action="/subscribe"><input name="email"><button>Subscribe to the newsletter</button></form></main>')).toEqual([]);
  });

  it('can be suppressed with data-cta-ignore on the main content', () => {
    expect(ids('<main data-cta-ignore="page-no-cta"><p>About us</p></main>')).toEqual([]);
  });
});
