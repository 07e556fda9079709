import { describe, expect, it } from 'vitest';
import { examplePage } from './example-page.ts';
import { auditRun, messagesFor } from './support/test-helpers.ts';
import { testimonialUnattributed } from './testimonial-unattributed.ts';

const flagged = (snippet: string) => messagesFor(testimonialUnattributed, snippet);
const card = (quote: string, caption: string) =>
  `<figure class="testimonial"><blockquote>${quote}</blockquote><figcaption>${caption}</figcaption></figure>`;
const quote = 'Acme cut our landing page build time in half.';

describe('testimonial-unattributed', () => {
  it('accepts name plus role in the usual separators and languages', () => {
    for (const caption of [
      '— Jane Doe, CTO',
      'Jane Doe – Globex',
      'Jane Doe at Globex',
      'Jane Doe · Head of Growth',
      'Marie Dupont chez Initech',
      'Jan de Vries, oprichter',
    ]) {
      expect(flagged(card(quote, caption)), caption).toEqual([]);
    }
  });

  it('flags a name alone and a quote with no one', () => {
    expect(flagged(card(quote, '— Jane'))[0]).toContain('gives no role, company or source');
    expect(flagged(`<div data-cta-proof="testimonial"><p>${quote}</p></div>`)[0]).toContain('names nobody');
  });

  it('treats a wrapper of several quotes as a list of testimonials', () => {
    const list = `<section class="testimonials">${card(quote, 'Jane Doe, CTO at Globex')}${card('Setup took ten minutes, honestly.', '')}</section>`;
    expect(flagged(list)).toHaveLength(1);
  });

  it('takes a section named in the plural for the list, not one testimonial, and a preview card for no review', () => {
    // The section is the target of "#testimonials"; its unnamed cards cannot be told apart from other content.
    const section =
      '<section id="testimonials"><h2>What our customers say</h2><div class="grid"><div><p>"Switching to Acme doubled our throughput on every site."</p><p>Jason Clark</p><p>Site Foreman | TopBuild</p></div></div></section>';
    expect(flagged(section)).toEqual([]);
    expect(
      flagged(
        '<div class="preview-card"><p>Dark mode</p><p>Body text is displayed in a gray shade with a high contrast.</p></div>',
      ),
    ).toEqual([]);
    // A singular name still marks one testimonial card.
    expect(flagged(`<div class="testimonial-card"><p>${quote}</p></div>`)[0]).toContain('names nobody');
  });

  it('reads structured attributions: name and role elements, itemprop, cite', () => {
    expect(
      flagged(
        `<div class="review-card"><p>${quote}</p><span itemprop="author">Jane Doe</span><span itemprop="jobTitle">CTO</span></div>`,
      ),
    ).toEqual([]);
    expect(flagged(`<blockquote cite="https://example.com/review/1">${quote}</blockquote>`)).toHaveLength(1);
    expect(
      flagged(
        `<figure><blockquote cite="https://example.com/review/1">${quote}</blockquote><figcaption><cite>Jane Doe</cite></figcaption></figure>`,
      ),
    ).toEqual([]);
  });

  it('finds the same quote under two names on different pages, with both places', () => {
    const a = { html: examplePage(card(quote, 'Jane Doe, CTO at Globex')), route: '/', file: 'index.html' };
    const b = {
      html: examplePage(`<p>intro</p>${card(quote.toUpperCase(), 'John Roe, CEO at Initech')}`),
      route: '/b/',
      file: 'b/index.html',
    };
    const { perPage, acrossPages: findings } = auditRun([a, b], [testimonialUnattributed]);
    expect(perPage).toEqual([]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ route: '/b/', file: 'b/index.html' });
    expect(findings[0]!.message).toContain('"John Roe" here but to "Jane Doe" on / (line 1)');
  });

  it('allows the same short quote and the same author twice', () => {
    expect(flagged(`${card('Love it!', 'Jane Doe, CTO')}${card('Love it!', 'John Roe, CEO')}`)).toEqual([]);
    expect(flagged(`${card(quote, 'Jane Doe, CTO')}${card(quote, 'Jane Doe, CTO at Globex')}`)).toEqual([]);
  });

  it('honours data-cta-ignore for the cross-page check', () => {
    expect(
      flagged(
        `${card(quote, 'Jane Doe, CTO')}<div data-cta-ignore="testimonial-unattributed">${card(quote, 'John Roe, CEO')}</div>`,
      ),
    ).toEqual([]);
  });
});

describe('testimonial-unattributed: quotations that are not testimonials', () => {
  it('leaves blockquotes in articles and rendered Markdown alone', () => {
    expect(
      flagged(
        '<article><h1>On estimates</h1><blockquote><p>Premature optimization is the root of all evil.</p></blockquote></article>',
      ),
    ).toEqual([]);
    expect(
      flagged('<div class="sl-markdown-content"><blockquote><p>Note: the API changed in v2.</p></blockquote></div>'),
    ).toEqual([]);
  });

  it('still checks testimonials declared or named as such inside an article', () => {
    expect(
      flagged(
        '<article><figure data-cta-proof="testimonial"><blockquote>Acme doubled our sign-ups in a month.</blockquote></figure></article>',
      ),
    ).toHaveLength(1);
  });
});
