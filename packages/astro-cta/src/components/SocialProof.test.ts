import { auditHtml, rules } from '@astro-cta/audit';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CtaAuthoringError } from './authoring-error.ts';
import SocialProof from './SocialProof.astro';
import { serializeJsonLd } from './social-proof.ts';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const render = (props: Record<string, unknown>) => container.renderToString(SocialProof, { props });
// biome-ignore lint/suspicious/noExplicitAny: JSON-LD read back from the page has no type of its own
const jsonLdOf = (html: string): Record<string, any> | undefined => {
  const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  return match ? JSON.parse(match[1]!) : undefined;
};
const acme = { type: 'SoftwareApplication', name: 'Acme' };
const ada = {
  quote: 'We doubled our trial sign-ups in a month.',
  author: 'Ada Lovelace',
  role: 'Head of Growth',
  company: 'Analytical Engines',
  avatar: '/avatars/ada.jpg',
  source: 'https://www.g2.com/products/acme/reviews/123',
  date: '2026-10-14',
};

describe('<SocialProof> testimonial', () => {
  it('renders the quote, the person, and where and when it was published', async () => {
    const html = await render({ testimonial: ada });
    expect(html).toMatch(/<figure class="cta-proof__testimonial[^"]*"[^>]*data-cta-proof="testimonial"/);
    expect(html).toMatch(
      /<blockquote class="cta-proof__quote[^"]*" cite="https:\/\/www.g2.com\/products\/acme\/reviews\/123"[^>]*><p[^>]*>We doubled our trial sign-ups in a month.<\/p>/,
    );
    expect(html).toContain('Ada Lovelace');
    expect(html).toContain('Head of Growth, Analytical Engines');
    expect(html).toMatch(/<img class="cta-proof__avatar[^"]*" src="\/avatars\/ada.jpg" alt="" width="40" height="40"/);
    expect(html).toMatch(/<a href="https:\/\/www.g2.com\/products\/acme\/reviews\/123"[^>]*>via g2.com<\/a>/);
    expect(html).toMatch(/<time datetime="2026-10-14"[^>]*>Oct 14, 2026<\/time>/);
  });

  it('renders several testimonials, and both `testimonial` and `testimonials` together', async () => {
    const html = await render({
      testimonial: ada,
      testimonials: [
        { quote: 'Fast.', author: 'Grace Hopper' },
        { quote: 'Clear.', author: 'Alan Turing' },
      ],
    });
    expect(html.match(/data-cta-proof="testimonial"/g)).toHaveLength(3);
    expect(html).not.toContain('cta-proof__role">Grace');
  });

  it('formats dates in the given locale', async () => {
    expect(await render({ testimonial: ada, locale: 'de-DE' })).toMatch(
      /<time datetime="2026-10-14"[^>]*>14\. Okt\. 2026<\/time>/,
    );
  });
});

describe('<SocialProof> rating', () => {
  it('always gives the stars a text alternative and hides the glyphs', async () => {
    const html = await render({ rating: { value: 4.8, count: 1204 } });
    expect(html).toMatch(/<p class="cta-proof__rating[^"]*"[^>]*data-cta-proof="rating"/);
    expect(html).toMatch(
      /<span class="cta-proof__stars[^"]*" aria-hidden="true" style="--_cta-star-fill: 96%"[^>]*>★★★★★<\/span>/,
    );
    expect(html).toContain('4.8 out of 5 from 1,204 reviews');
  });

  it("uses the author's scale and locale, and the singular for one review", async () => {
    expect(await render({ rating: { value: 9, best: 10, worst: 0, count: 1 } })).toContain('9 out of 10 from 1 review');
    expect(await render({ rating: { value: 4.5, count: 12000 }, locale: 'de-DE' })).toContain(
      '4,5 out of 5 from 12.000 reviews',
    );
  });
});

describe('<SocialProof> count', () => {
  it('renders the number with its label, date and source', async () => {
    const html = await render({
      count: { value: 12000, label: 'teams', source: 'https://acme.example/customers', asOf: '2026-10' },
    });
    expect(html).toMatch(/data-cta-proof="count" data-cta-source="https:\/\/acme.example\/customers"/);
    expect(html).toMatch(/<strong[^>]*>12,000<\/strong> teams, as of Oct 2026/);
    expect(html).toMatch(
      /<a class="cta-proof__count-source[^"]*" href="https:\/\/acme.example\/customers"[^>]*>\(source: acme.example\)<\/a>/,
    );
  });

  it('keeps a non-URL source in the contract without a link', async () => {
    const html = await render({ count: { value: 300, label: 'shops', source: 'billing system' } });
    expect(html).toContain('data-cta-source="billing system"');
    expect(html).not.toContain('cta-proof__count-source');
    expect(html).not.toContain('as of');
  });
});

describe('<SocialProof> logos', () => {
  it('renders a labelled list of logos, linked when given an href', async () => {
    const html = await render({
      logos: [
        { src: '/a.svg', alt: 'Acme Corp', href: 'https://acme.example', width: 120, height: 32 },
        { src: '/b.svg', alt: 'Globex' },
      ],
      logosLabel: 'Trusted by',
    });
    expect(html).toMatch(/<ul class="cta-proof__logos[^"]*" aria-label="Trusted by"[^>]*data-cta-proof="logos"/);
    expect(html).toMatch(
      /<a href="https:\/\/acme.example"[^>]*><img src="\/a.svg" alt="Acme Corp" width="120" height="32"/,
    );
    expect(html).toMatch(/<li[^>]*><img src="\/b.svg" alt="Globex"/);
  });
});

describe('<SocialProof> JSON-LD', () => {
  it('describes the rating and the reviews from the same props as the visible text', async () => {
    const html = await render({
      rating: { value: 4.8, count: 1204, itemReviewed: acme },
      testimonial: { ...ada, rating: 5 },
    });
    const data = jsonLdOf(html)!;
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'SoftwareApplication',
      name: 'Acme',
      aggregateRating: {
        '@type': 'AggregateRating',
        ratingValue: 4.8,
        bestRating: 5,
        worstRating: 1,
        ratingCount: 1204,
      },
    });
    expect(data.review).toEqual([
      expect.objectContaining({
        '@type': 'Review',
        reviewBody: ada.quote,
        author: expect.objectContaining({ '@type': 'Person', name: 'Ada Lovelace', jobTitle: 'Head of Growth' }),
        datePublished: '2026-10-14',
        url: ada.source,
        reviewRating: { '@type': 'Rating', ratingValue: 5, bestRating: 5, worstRating: 1 },
      }),
    ]);
    // The visible text says the same thing.
    expect(html).toContain('4.8 out of 5 from 1,204 reviews');
  });

  it("shows each reviewer's own rating, so the audit finds every JSON-LD figure on the page", async () => {
    const html = await render({
      rating: { value: 4.6, count: 318, itemReviewed: acme },
      testimonials: [
        { ...ada, rating: 4 },
        { quote: 'Fine.', author: 'Grace Hopper', role: 'Admiral', rating: 5 },
      ],
    });
    expect(html).toContain('Rated 4 out of 5');
    expect(html).toContain('Rated 5 out of 5');
    const page = `<!doctype html><html lang="en"><body><main>${html}</main></body></html>`;
    const structuredDataRules = rules.filter((rule) => rule.meta.category === 'structured-data');
    expect(auditHtml(page, structuredDataRules)).toEqual([]);
  });

  it('describes testimonials alone when `itemReviewed` is given at the top level', async () => {
    const data = jsonLdOf(
      await render({ testimonial: { ...ada, rating: 4 }, itemReviewed: { type: 'Course', name: 'Astro 101' } }),
    )!;
    expect(data['@type']).toBe('Course');
    expect(data.aggregateRating).toBeUndefined();
    expect(data.review).toHaveLength(1);
  });

  it('claims only rated testimonials as Reviews (a Review needs its rating), still showing all of them', async () => {
    const html = await render({
      rating: { value: 4.5, count: 20, itemReviewed: acme },
      testimonials: [
        { ...ada, rating: 4 },
        { quote: 'Nice.', author: 'Grace Hopper' },
      ],
    });
    expect(jsonLdOf(html)!.review).toEqual([
      expect.objectContaining({ author: expect.objectContaining({ name: 'Ada Lovelace' }) }),
    ]);
    expect(html).toContain('Grace Hopper');
    expect(jsonLdOf(await render({ testimonial: ada, itemReviewed: acme }))).toBeUndefined();
  });

  it('emits none without an itemReviewed, for counts and logos, or when turned off', async () => {
    expect(jsonLdOf(await render({ rating: { value: 4.8, count: 10 } }))).toBeUndefined();
    expect(
      jsonLdOf(await render({ count: { value: 1, label: 'team', source: 'x' }, itemReviewed: acme })),
    ).toBeUndefined();
    expect(
      jsonLdOf(await render({ rating: { value: 4.8, count: 10, itemReviewed: acme }, jsonLd: false })),
    ).toBeUndefined();
  });

  it.each(['Organization', 'LocalBusiness', 'Restaurant'])(
    'skips self-serving reviews of a %s with a build warning, still showing the proof',
    async (type) => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const html = await render({ rating: { value: 4.9, count: 87, itemReviewed: { type, name: 'Acme Inc.' } } });
      expect(jsonLdOf(html)).toBeUndefined();
      expect(html).toContain('4.9 out of 5 from 87 reviews');
      expect(warn).toHaveBeenCalledWith(
        expect.stringMatching(
          new RegExp(`<SocialProof> on .*no review JSON-LD for ${type} "Acme Inc\\.".*jsonLd=\\{false\\}`),
        ),
      );
    },
  );

  it('cannot be broken out of by a quote containing </script>', async () => {
    const quote = 'Great</script><script>alert(1)</script><!-- & more';
    const html = await render({ testimonial: { quote, author: 'Mallory', rating: 1 }, itemReviewed: acme });
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('\\u003c/script\\u003e');
    expect(jsonLdOf(html)!.review[0].reviewBody).toBe(quote);
    // The visible quote is escaped HTML.
    expect(html).toContain('Great&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!-- &amp; more');
  });

  it('serialises to JSON that parses back to the same value', () => {
    const value = { text: '</script>\u2028<!--&>' };
    expect(JSON.parse(serializeJsonLd(value))).toEqual(value);
    expect(serializeJsonLd(value)).not.toMatch(/[<>&\u2028\u2029]/);
  });
});

describe('<SocialProof> ships no JavaScript', () => {
  it('renders no script other than JSON-LD', async () => {
    const html = await render({
      testimonial: ada,
      rating: { value: 4, count: 3 },
      count: { value: 1, label: 'team', source: 'x' },
      logos: [{ src: '/a.svg', alt: 'A' }],
    });
    expect(html).not.toContain('<script');
  });
});

describe('<SocialProof> authoring errors', () => {
  it.each([
    [{}, '(props)', /shows nothing\. Fix: give at least one of/],
    [{ testimonial: { author: 'Ada' } }, 'testimonial.quote', /is missing/],
    [{ testimonials: [{ quote: 'Hi' }] }, 'testimonials[0].author', /anonymous quote is not social proof/],
    [
      { testimonial: { ...ada, source: 'g2.com/review' } },
      'testimonial.source',
      /"g2.com\/review" is not an absolute URL/,
    ],
    [{ testimonial: { ...ada, date: 'last week' } }, 'testimonial.date', /"last week" is not a date/],
    [{ testimonial: { ...ada, rating: 6 } }, 'testimonial.rating', /6 is outside 1 to 5/],
    [{ rating: { value: 5.2, count: 10 } }, 'rating.value', /5.2 is above best \(5\)/],
    [{ rating: { value: 0.5, count: 10 } }, 'rating.value', /0.5 is below worst \(1\)/],
    [{ rating: { value: 4, best: 1, worst: 1, count: 10 } }, 'rating.best', /must be above worst/],
    [{ rating: { value: 4, count: 0 } }, 'rating.count', /is not a positive whole number/],
    [
      { rating: { value: 4.8, count: 1 }, testimonials: [ada, { ...ada, author: 'B' }] },
      'rating.count',
      /1 is smaller than the 2 testimonials shown/,
    ],
    [
      { rating: { value: 4, count: 3, itemReviewed: { type: 'Product' } } },
      'rating.itemReviewed',
      /needs both `type` and `name`/,
    ],
    [
      { count: { value: 12000, label: 'teams' } },
      'count.source',
      /the count "12000 teams" has no source\. Fix: say where the number comes from/,
    ],
    [
      { count: { value: 12000, label: 'teams', source: 'x', asOf: 'October' } },
      'count.asOf',
      /"October" is not a date/,
    ],
    [{ count: { value: 1, source: 'x' } }, 'count.label', /is missing/],
    [
      { logos: [{ src: '/a.svg' }] },
      'logos[0].alt',
      /the logo \/a.svg has no alt text\. Fix: give the company's name as `alt`/,
    ],
    [{ logos: [{ src: '/a.svg', alt: '  ' }] }, 'logos[0].alt', /no alt text/],
  ])('rejects %o at %s', async (props, prop, message) => {
    const error = await render(props).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CtaAuthoringError);
    expect((error as CtaAuthoringError).prop).toBe(prop);
    expect((error as Error).message).toMatch(new RegExp(`^<SocialProof> \`${prop.replace(/[[\]()]/g, '\\$&')}\` on `));
    expect((error as Error).message).toMatch(message);
  });
});
