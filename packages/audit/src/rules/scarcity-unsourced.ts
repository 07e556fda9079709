import { PROOF_KIND, PROOF_SOURCE } from '@astro-cta/contract';
import type { Element } from 'domhandler';
import { attr, closestAncestor, collapse, visibleText } from '../dom.ts';
import { isScarcityClaim, mayHoldScarcityClaim } from '../text/scarcity.ts';
import type { Rule } from '../types.ts';
import { elementsOf, subtree } from './support/elements.ts';
import { claimedText, smallestMatching } from './support/visible.ts';

/**
 * Claims with a declared source are left out of the text searched, so a page of sourced claims costs one pass.
 * Text without any scarcity word is not cleaned up at all (it reads as '', which is no claim either).
 */
const unsourcedText = (element: Element) =>
  claimedText(element, (el) => (attr(el, PROOF_SOURCE) ?? '').trim() !== '', mayHoldScarcityClaim);

function sourced(element: Element): boolean {
  return (
    closestAncestor(element, (el) => (attr(el, PROOF_SOURCE) ?? '').trim() !== '') !== undefined ||
    subtree(element).some((el) => (attr(el, PROOF_SOURCE) ?? '').trim() !== '')
  );
}

export const scarcityUnsourced: Rule = {
  meta: {
    id: 'scarcity-unsourced',
    severity: 'warning',
    category: 'honesty',
    description:
      'A low-stock or activity claim ("only 3 left", "12 people are viewing") or a count with no declared data source.',
    rationale:
      'Low-stock and "people are viewing" messages pressure people into deciding now; Mathur et al. (2019) found 632 ' +
      'low-stock and 313 activity messages on 11K shopping sites, many generated at random. EU UCPD Annex I No 7 ' +
      'bans false limited-availability claims; the FTC (2022) lists fake scarcity as a dark pattern. Declare where ' +
      'the number comes from with data-cta-source (e.g. "inventory API, build time"), so reviewers can check it.',
    examples: {
      fail: [
        '<p class="stock">Hurry! Only <strong>3</strong> left in stock.</p>',
        '<p lang="de">Nur noch 2 Plätze verfügbar</p>',
        '<p>14 people are viewing this right now</p>',
        '<p data-cta-proof="count">2,431 teams use Acme</p>',
      ],
      pass: [
        '<p data-cta-source="inventory API at build time">Only 3 left in stock.</p>',
        '<p data-cta-proof="count" data-cta-source="billing database, 2026-11-01">2,431 teams use Acme</p>',
        '<p>Only 3 steps to set up your account.</p>',
      ],
    },
    messages: {
      unsourcedClaim:
        '"{claim}" claims scarcity or live activity without saying where the number comes from. Add ' +
        'data-cta-source="…" naming the data (e.g. "stock from the shop API at build time"), or remove ' +
        'the claim if it is not real.',
      unsourcedCount:
        'This count ("{count}") has no data-cta-source. Say where the number comes from, e.g. ' +
        'data-cta-source="billing database, 2026-11-01" (the source prop of <SocialProof>).',
    },
  },
  check(page, report) {
    // Activity pop-ups often sit outside <main>: look at the whole body.
    const body = elementsOf(page).find((el) => el.name === 'body') ?? page.main;
    if (!body) return;
    for (const element of smallestMatching(body, isScarcityClaim, unsourcedText)) {
      if (sourced(element)) continue;
      report({
        element,
        messageId: 'unsourcedClaim',
        data: { claim: claimedText(element).slice(0, 80) },
      });
    }
    for (const count of elementsOf(page).filter((el) => attr(el, PROOF_KIND) === 'count')) {
      if (sourced(count) || smallestMatching(count, isScarcityClaim, claimedText).length > 0) continue;
      report({
        element: count,
        messageId: 'unsourcedCount',
        data: { count: collapse(visibleText(count)).slice(0, 80) },
      });
    }
  },
};
