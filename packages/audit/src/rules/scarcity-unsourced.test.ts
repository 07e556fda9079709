import { describe, expect, it } from 'vitest';
import { scarcityUnsourced } from './scarcity-unsourced.ts';
import { findingsFor, messagesFor } from './support/test-helpers.ts';

const flagged = (snippet: string) => messagesFor(scarcityUnsourced, snippet);

describe('scarcity-unsourced', () => {
  it.each([
    'Only 2 seats left!',
    'only three left at this price',
    '5 left in stock',
    '23 people are looking at this right now',
    '12 others have this in their cart',
    '48 customers bought this in the last 24 hours',
    'Almost sold out',
    'Nur noch 3 Stück auf Lager',
    '7 Personen sehen sich das gerade an',
    'Plus que 2 places disponibles',
    '15 personnes regardent cette offre',
    'Solo quedan 4 unidades',
    '9 personas están viendo esto',
    'Apenas 2 vagas restantes',
    'Solo 1 rimasto',
    'Nog maar 2 beschikbaar',
    '残り3点',
  ])('flags "%s"', (claim) => {
    expect(flagged(`<p>${claim}</p>`)).toHaveLength(1);
  });

  it.each([
    'Only 3 steps to your first landing page',
    '3 people founded Acme in 2019',
    'Left-handed? Only 2 clicks to switch the layout.',
    'We have 12 years of experience',
  ])('leaves "%s" alone', (text) => {
    expect(flagged(`<p>${text}</p>`)).toEqual([]);
  });

  it('reports the smallest element holding the claim, across inline markup', () => {
    const [finding] = findingsFor(
      scarcityUnsourced,
      '<section><h2>Shoes</h2><p class="stock">Only <b>2</b> left</p></section>',
    );
    expect(finding?.excerpt).toMatch(/^<p class="stock">/);
  });

  it('finds activity pop-ups outside <main>', () => {
    expect(flagged('</main><div class="toast">14 people are viewing this page</div><main>')).toHaveLength(1);
  });

  it('accepts a data-cta-source on the claim, its ancestor or a child', () => {
    expect(flagged('<div data-cta-source="Shopify inventory at build"><p>Only 2 left</p></div>')).toEqual([]);
    expect(flagged('<p>Only <span data-cta-source="inventory API">2</span> left</p>')).toEqual([]);
    expect(flagged('<p data-cta-source="">Only 2 left</p>')).toHaveLength(1);
  });

  it('ignores code samples and phrases in quotation marks', () => {
    expect(
      flagged(
        '<pre><code>&lt;p&gt;Only 3 left&lt;/p&gt;</code></pre><p>Avoid claims like “only 3 left” without a source.</p>',
      ),
    ).toEqual([]);
  });

  it('asks a data-cta-proof="count" for its source', () => {
    expect(flagged('<p data-cta-proof="count">Trusted by 2,431 teams</p>')[0]).toContain('has no data-cta-source');
  });
});
