import { normalizeCtaText } from '../text/generic-phrases.ts';
import type { Rule, SiteReportInput } from '../types.ts';
import { isSuppressed } from './support/suppress.ts';
import { testimonialsOf } from './support/testimonial.ts';

const RULE_ID = 'testimonial-unattributed';
/** Shorter quotes ("Great!", "Love it") legitimately repeat under different names. */
const MIN_QUOTE_LENGTH = 25;
/** Quotes remembered per page for the cross-page check: bounds time (locating) and memory on generated pages. */
const MAX_SIGHTINGS_PER_PAGE = 200;

/** A named quote, kept for the cross-page check: `key` is the quote normalised. */
interface Sighting extends SiteReportInput {
  key: string;
  name: string;
}

function short(quote: string): string {
  return quote.length > 60 ? `${quote.slice(0, 59)}…` : quote;
}

export const testimonialUnattributed: Rule = {
  meta: {
    id: RULE_ID,
    severity: 'warning',
    category: 'honesty',
    description:
      'A testimonial without a name plus a role or source, or the same quote under different names across the site.',
    rationale:
      'An anonymous quote cannot be checked and reads as invented; the same words under two names are invented. ' +
      'Since 2024-10-21 the FTC rule on fake reviews and testimonials (16 CFR Part 465) prohibits testimonials that ' +
      'misrepresent who gave them; EU UCPD Annex I No 23b/23c bans unverified or fake consumer reviews. Mathur et ' +
      'al. (2019) found testimonials of uncertain origin. Attribute each quote to a person with their role and ' +
      'company, or link its source (cite="…" or data-cta-source).',
    examples: {
      fail: [
        '<blockquote>Acme doubled our sign-ups in a month.</blockquote>',
        '<figure data-cta-proof="testimonial"><blockquote>Acme doubled our sign-ups in a month.</blockquote><figcaption>Jane</figcaption></figure>',
        '<figure class="testimonial"><blockquote>Acme doubled our sign-ups in a month.</blockquote><figcaption>Jane Doe, CTO at Globex</figcaption></figure><figure class="testimonial"><blockquote>Acme doubled our sign-ups in a month!</blockquote><figcaption>John Roe, CEO at Initech</figcaption></figure>',
      ],
      pass: [
        '<h2 id="testimonials">Testimonials</h2><p>What our customers say, with their names.</p>',
        '<figure data-cta-proof="testimonial"><blockquote>Acme doubled our sign-ups in a month.</blockquote><figcaption>Jane Doe, CTO at Globex</figcaption></figure>',
        '<blockquote cite="https://www.g2.com/products/acme/reviews/123"><p>Acme doubled our sign-ups in a month.</p><footer>— <cite>Jane Doe</cite></footer></blockquote>',
        '<figure class="testimonial"><blockquote>Acme doubled our sign-ups.</blockquote><figcaption><span class="name">Jane Doe</span> <span class="role">Head of Growth, Globex</span></figcaption></figure>',
      ],
    },
    messages: {
      anonymous:
        'The testimonial "{quote}" names nobody. Add who said it with their role and company, e.g. ' +
        '<figcaption>Jane Doe, CTO at Globex</figcaption>, or remove it.',
      noDetail:
        'The testimonial by "{name}" gives no role, company or source, so nobody can check it. Add them, ' +
        'e.g. "{name}, Head of Growth at Globex", or link the original review with cite="…".',
      twoAuthors:
        'This quote is attributed to "{name}" here but to "{first}" on {firstRoute} (line {firstLine}). ' +
        'The same words cannot come from two people: keep the real author and remove the other.',
    },
  },
  check(page, report, site) {
    let remembered = 0;
    for (const testimonial of testimonialsOf(page)) {
      if (!testimonial.name) {
        report({
          element: testimonial.element,
          messageId: 'anonymous',
          data: { quote: short(testimonial.quote) },
        });
      } else if (!testimonial.detail) {
        report({
          element: testimonial.element,
          messageId: 'noDetail',
          data: { name: testimonial.name },
        });
      }
      const key = normalizeCtaText(testimonial.quote);
      if (
        !testimonial.name ||
        key.length < MIN_QUOTE_LENGTH ||
        remembered >= MAX_SIGHTINGS_PER_PAGE ||
        isSuppressed(testimonial.element, RULE_ID)
      )
        continue;
      remembered += 1;
      site.keep({
        route: page.route,
        file: page.file,
        ...page.locate(testimonial.element),
        key,
        name: testimonial.name,
      } satisfies Sighting);
    }
  },
  afterAll(report, site) {
    const sightings = new Map<string, Sighting[]>();
    for (const sighting of site.kept as readonly Sighting[]) {
      const list = sightings.get(sighting.key) ?? [];
      list.push(sighting);
      sightings.set(sighting.key, list);
    }
    for (const list of sightings.values()) {
      const first = list[0]!;
      for (const sighting of list.slice(1)) {
        if (normalizeCtaText(sighting.name) === normalizeCtaText(first.name)) continue;
        const { name: _name, key: _key, ...finding } = sighting;
        report({
          ...finding,
          messageId: 'twoAuthors',
          data: { name: sighting.name, first: first.name, firstRoute: first.route, firstLine: String(first.line) },
        });
      }
    }
  },
};
