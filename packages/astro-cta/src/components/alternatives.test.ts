import { describe, expect, it } from 'vitest';
import { alternativeHtml, readAlternatives } from './alternatives.ts';

const html =
  '<div class="cta-choice" data-cta-arm="A" data-cta-alternative="7"><a href="/x" data-cta="a">Go</a></div>\n' +
  '<div class="cta-choice" data-cta-arm="B" data-cta-weight="2"><p>Text &amp; more</p>' +
  '<button type="button" data-cta="b">Go</button><br></div>';

describe('readAlternatives', () => {
  it('finds the alternatives, marks their CTAs with the name and arm, and keeps the rest byte for byte', () => {
    const content = readAlternatives(html, 'hero-copy');
    expect(content.alternatives.map(({ arm, ctas, isDefault }) => ({ arm, ctas, isDefault }))).toEqual([
      { arm: 'A', ctas: ['a'], isDefault: true },
      { arm: 'B', ctas: ['b'], isDefault: false },
    ]);
    expect(content.alternatives[0]!.token).toBe('7');
    expect(content.stray).toBeUndefined();
    expect(content.html).toBe(
      '<div class="cta-choice" data-cta-default data-cta-arm="A"><a data-cta-experiment="hero-copy" data-cta-arm="A" href="/x" data-cta="a">Go</a></div>\n' +
        '<div class="cta-choice" data-cta-arm="B" data-cta-weight="2"><p>Text &amp; more</p>' +
        '<button data-cta-experiment="hero-copy" data-cta-arm="B" type="button" data-cta="b">Go</button><br></div>',
    );
  });

  it('reports what is not an alternative', () => {
    expect(readAlternatives('<p>Hello</p>', 'x').stray).toBe('<p>');
    expect(readAlternatives(`${html} loose text`, 'x').stray).toBe('loose text');
  });

  it("gives one alternative's own HTML without the claim token (a decided experiment)", () => {
    const content = readAlternatives(html, 'hero-copy');
    expect(alternativeHtml(content.source, content.alternatives[0]!)).toBe(
      '<div class="cta-choice" data-cta-arm="A"><a href="/x" data-cta="a">Go</a></div>',
    );
  });
});
