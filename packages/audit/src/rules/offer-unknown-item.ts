import { CHOICE_WHEN, VIEWED_ITEM } from '@astro-cta/contract';
import { attr } from '../dom.ts';
import type { Location, Rule } from '../types.ts';
import { choicesOf } from './support/choices.ts';
import { readCondition } from './support/conditions.ts';
import { elementsOf } from './support/elements.ts';
import { isSuppressed } from './support/suppress.ts';

const RULE_ID = 'offer-unknown-item';

/** What a page says about items: the ids it marks, and the ids its offers' conditions name. */
type PageItems =
  | { marked: string[] }
  | ({ route: string; file: string; item: string; arm: string; offer: string } & Partial<Location>);

const OFFER = (item: string) =>
  `<div data-cta-choose="offer" data-cta-experiment="jacket-offer"><div data-cta-arm="viewed" data-cta-when='{"viewed":"${item}","within":"7d"}' hidden><p>Back for the Fjord jacket? It is in stock in your size.</p></div><div data-cta-arm="default" data-cta-default><p>Free returns on every jacket.</p></div></div>`;

export const offerUnknownItem: Rule = {
  meta: {
    id: RULE_ID,
    severity: 'error',
    category: 'structure',
    description: 'An offer condition names an item id that no page of the site marks with data-cta-item.',
    rationale:
      'Behaviour signals record an item as viewed on the pages that mark it (data-cta-item, or <ViewedItem>). An ' +
      'offer for "fjord-jacket" when the product page marks "fjord-jacket-2026" never matches: the offer is ' +
      'silently never shown. The rule compares the ids in data-cta-when (viewed, inCart) ' +
      'with every data-cta-item of the audited build, so it needs the whole site: audit the build, not one page.',
    examples: {
      fail: [OFFER('fjord-jaket')],
      pass: [`${OFFER('fjord-jacket')}<p hidden data-cta-item="fjord-jacket"></p>`],
    },
    messages: {
      unknownItem:
        'Alternative "{arm}" of offer "{offer}" waits for item "{item}", but no page of the site marks it with ' +
        'data-cta-item, so the offer is never shown. {known}Fix the id, or mark the product page ' +
        '(<ViewedItem id="{item}" /> or data-cta-item="{item}").',
    },
  },
  check(page, _report, site) {
    const marked = new Set<string>();
    for (const element of elementsOf(page)) {
      const item = attr(element, VIEWED_ITEM)?.trim();
      if (item) marked.add(item);
    }
    if (marked.size > 0) site.keep({ marked: [...marked] } satisfies PageItems);
    for (const choice of choicesOf(page)) {
      for (const alternative of choice.alternatives) {
        const when = attr(alternative.element, CHOICE_WHEN);
        if (when === undefined || isSuppressed(alternative.element, RULE_ID)) continue;
        for (const item of new Set(readCondition(when).items)) {
          site.keep({
            route: page.route,
            file: page.file,
            ...page.locate(alternative.element),
            item,
            arm: alternative.arm ?? '(unnamed)',
            offer: choice.name ?? '(unnamed)',
          } satisfies PageItems);
        }
      }
    }
  },
  afterAll(report, site) {
    const kept = site.kept as PageItems[];
    const marked = new Set(kept.flatMap((entry) => ('marked' in entry ? entry.marked : [])));
    for (const entry of kept) {
      if ('marked' in entry) continue;
      const { item, arm, offer, ...where } = entry;
      if (marked.has(item)) continue;
      const known = [...marked].sort().slice(0, 5).join(', ');
      report({
        ...where,
        messageId: 'unknownItem',
        data: {
          arm,
          offer,
          item,
          known: known ? `Items the site marks: ${known}${marked.size > 5 ? ', …' : ''}. ` : '',
        },
      });
    }
  },
};
