import { CTA_NO_TRACK } from '@astro-cta/contract';
import { closestAncestor, has } from '../dom.ts';
import { NEVER_CONVERTING } from '../page-kind.ts';
import type { Rule, SiteReportInput } from '../types.ts';
import { isSuppressed } from './support/suppress.ts';

const RULE_ID = 'cta-untracked';
/**
 * Findings kept per page until the end of the run. Locating an element costs time and the findings wait in memory,
 * so a page with thousands of untracked CTAs (a generated catalogue) gets these and one summary.
 */
const MAX_PER_PAGE = 50;

/** Kept per page: that the page declares a CTA with data-cta (the site reports clicks), or an untracked CTA. */
type Kept = typeof USES_BEACON | SiteReportInput;
const USES_BEACON = 'uses-beacon';

/** A suggested id from the CTA's text: "Book a demo" → "book-a-demo". */
function suggestId(name: string): string {
  return (
    name
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'cta'
  );
}

export const ctaUntracked: Rule = {
  meta: {
    id: RULE_ID,
    severity: 'warning',
    category: 'structure',
    description:
      'A CTA the beacon cannot report: a button or button-styled link without data-cta, on a site that tracks CTAs.',
    rationale:
      'The beacon reports clicks and impressions of elements with a data-cta id; a CTA without one is invisible in ' +
      'the numbers, so its click-through rate can never be compared. Add an id, or mark it data-cta-notrack when ' +
      'it is left out on purpose. The rule only speaks on sites where some page uses data-cta: a site without the ' +
      'beacon is not expected to carry ids. Source: the astro-cta markup contract.',
    examples: {
      fail: [
        '<a href="/signup" data-cta="hero">Start your free trial</a><a class="button" href="/demo">Book a demo</a>',
        '<a href="/signup" data-cta="">Start your free trial</a>',
      ],
      pass: [
        '<a href="/signup" data-cta="hero">Start your free trial</a><a href="/demo" data-cta="demo">Book a demo</a>',
        '<a href="/signup" data-cta="hero">Start your free trial</a><a class="button" href="/demo" data-cta-notrack>Book a demo</a>',
        '<a class="button" href="/demo">Book a demo</a>',
      ],
    },
    messages: {
      emptyId:
        'This CTA has an empty data-cta, so its clicks are reported without an id. Give it a stable id, ' +
        'e.g. data-cta="{suggested}".',
      untracked:
        '"{name}" looks like a CTA but has no data-cta id, so the beacon cannot report its clicks. Add ' +
        'data-cta="{suggested}" (or use <CTA id="…">); if it should not be tracked, add data-cta-notrack.',
      more:
        '{count} more CTAs on this page have no data-cta id (only the first {max} are listed). Add ids, ' +
        'or data-cta-notrack on a container whose CTAs should not be tracked.',
    },
  },
  check(page, report, site) {
    let usesBeacon = false;
    let listed = 0;
    let more = 0;
    // An error page's way home or a redirect's link is a CTA, but nobody compares its click-through rate.
    const isNeverConverting = () => NEVER_CONVERTING.has(page.kind.kind);
    for (const cta of page.ctas) {
      if (cta.declared) {
        if (!usesBeacon) site.keep(USES_BEACON);
        usesBeacon = true;
        if (cta.id?.trim() === '') {
          report({
            element: cta.element,
            messageId: 'emptyId',
            data: { suggested: suggestId(cta.name) },
          });
        }
        continue;
      }
      if (closestAncestor(cta.element, (el) => has(el, CTA_NO_TRACK)) || isSuppressed(cta.element, RULE_ID)) continue;
      if (isNeverConverting()) continue;
      if (listed >= MAX_PER_PAGE) {
        more += 1;
        continue;
      }
      listed += 1;
      site.keep({
        route: page.route,
        file: page.file,
        ...page.locate(cta.element),
        messageId: 'untracked',
        data: { name: cta.name || cta.visibleText, suggested: suggestId(cta.name) },
      });
    }
    if (more > 0) {
      site.keep({
        route: page.route,
        file: page.file,
        messageId: 'more',
        data: { count: more, max: MAX_PER_PAGE },
      });
    }
  },
  afterAll(report, site) {
    const kept = site.kept as readonly Kept[];
    if (!kept.includes(USES_BEACON)) return;
    for (const finding of kept) if (finding !== USES_BEACON) report(finding);
  },
};
