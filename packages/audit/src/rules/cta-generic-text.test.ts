import { describe, expect, it } from 'vitest';
import { auditHtml } from '../engine.ts';
import { ctaGenericText } from './cta-generic-text.ts';
import { examplePage } from './example-page.ts';

const flagged = (snippet: string, lang = 'en') => auditHtml(examplePage(snippet, lang), [ctaGenericText]).length > 0;

describe('cta-generic-text', () => {
  it.each([
    'Learn more',
    'LEARN MORE',
    'learn more.',
    'Learn more →',
    'Learn more 👉',
    '» Read more «',
    'Click   here!!',
  ])('flags "%s" regardless of case, punctuation, arrows and emoji', (text) => {
    expect(flagged(`<a class="btn" href="/x">${text}</a>`)).toBe(true);
  });

  it.each(['Call to Action', 'Custom Btn', 'Button', 'Button text', 'Your CTA here', 'Lorem ipsum dolor'])(
    'flags the template placeholder "%s" on a page meant to convert',
    (text) => {
      const findings = auditHtml(examplePage(`<a class="btn btn-primary" href="/x">${text}</a>`), [ctaGenericText]);
      expect(findings.map((finding) => finding.message)).toEqual([expect.stringContaining('placeholder')]);
    },
  );

  it('leaves placeholder texts alone on a component demo that sells nothing, and real verbs everywhere', () => {
    const demo = examplePage('<h2>Buttons</h2><a class="button type-primary" href="/">Primary button link</a>');
    expect(auditHtml(demo, [ctaGenericText], { route: '/components/' })).toEqual([]);
    expect(auditHtml(demo, [ctaGenericText], { route: '/' })).toHaveLength(1);
    expect(flagged('<a class="btn" href="/signup">Take action now</a>')).toBe(false);
    expect(flagged('<a class="btn" href="/buttons">Buy buttons</a>')).toBe(false);
  });

  it('checks buttons and submit inputs, not only links', () => {
    expect(flagged('<button type="button">More</button>')).toBe(true);
    expect(flagged('<form><input type="submit" value="Click here"></form>')).toBe(true);
  });

  it('accepts "Continue" ending a form’s fields (a checkout step), not as a link or a lone button', () => {
    expect(
      flagged('<div><h5>Contact information</h5><input type="email"><button class="btn">Continue</button></div>'),
    ).toBe(false);
    expect(flagged('<form><input type="email"><button class="btn">Continue</button></form>')).toBe(false);
    expect(flagged('<div><p>Welcome</p><button class="btn">Continue</button></div>')).toBe(true);
    expect(flagged('<div><input type="email"><a class="btn" href="/step-2">Continue</a></div>')).toBe(true);
    expect(flagged('<form><input type="email"><button class="btn">Click here</button></form>')).toBe(true);
  });

  it('stays linear on a page of many "Continue" buttons without fields', () => {
    const started = performance.now();
    const findings = auditHtml(
      examplePage(`<div>${'<button class="btn">Continue</button>'.repeat(20_000)}</div>`, 'en'),
      [ctaGenericText],
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]!.alsoAt).toHaveLength(19_999);
    expect(performance.now() - started).toBeLessThan(20_000);
  }, 30_000);

  it('uses the page language and its own list', () => {
    expect(flagged('<a class="btn" href="/x">Mehr erfahren</a>', 'de')).toBe(true);
    expect(flagged('<a class="btn" href="/x">Más información</a>', 'es-MX')).toBe(true);
    expect(flagged('<a class="btn" href="/x">続きを読む</a>', 'ja')).toBe(true);
  });

  it('does not flag text that merely contains a generic word', () => {
    expect(flagged('<a class="btn" href="/x">Learn more about pricing</a>')).toBe(false);
    expect(flagged('<a class="btn" href="/x">Start your free trial</a>')).toBe(false);
  });

  it('accepts visually hidden context and aria-describedby', () => {
    expect(flagged('<a class="btn" href="/x">Read more<span class="visually-hidden"> about our API</span></a>')).toBe(
      false,
    );
    expect(flagged('<a class="btn" href="/x" aria-label="Read more about our API">Read more</a>')).toBe(false);
  });

  it('reports line, column, selector and excerpt', () => {
    const [finding] = auditHtml(examplePage('\n<p>Intro</p>\n  <a class="btn" href="/x">Learn more</a>'), [
      ctaGenericText,
    ]);
    expect(finding).toMatchObject({
      line: 3,
      column: 3,
      selector: 'body > main > a',
      excerpt: '<a class="btn" href="/x">Learn more</a>',
    });
  });

  it('leaves navigation and inline prose links alone', () => {
    expect(
      flagged(
        '<nav><a class="btn" href="/x">More</a></nav><p>See <a href="/y">here</a>.</p><a class="btn" href="/s">Start your trial</a>',
      ),
    ).toBe(false);
  });
});
