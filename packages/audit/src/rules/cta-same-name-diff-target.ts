import { normalizeCtaText } from '../text/generic-phrases.ts';
import type { Cta, ReportInput, Rule } from '../types.ts';
import { viewsOf } from './support/choices.ts';
import { destinationOf } from './support/targets.ts';

export const ctaSameNameDiffTarget: Rule = {
  meta: {
    id: 'cta-same-name-diff-target',
    severity: 'warning',
    category: 'accessibility',
    description: 'Two links on one page with the same name but different destinations.',
    rationale:
      'People who navigate by a list of links, and search engines, take links with the same name to go to the same ' +
      'place. "Get started" leading to /signup in the hero and to /docs further down is a trap. Source: WCAG 2.2 SC ' +
      '2.4.4 and 2.4.9 (Link Purpose); axe-core identical-links-same-purpose, which only asks for review — this rule ' +
      'compares the resolved destinations. The same link repeated to the same place is fine.',
    examples: {
      fail: ['<a class="btn" href="/signup">Get started</a><p>…</p><a class="btn" href="/docs/">Get started</a>'],
      pass: [
        '<a class="btn" href="/signup">Get started</a><p>…</p><a class="btn" href="/signup/">Get started</a>',
        '<a class="btn" href="/signup">Create an account</a><a class="btn" href="/docs/">Read the guide</a>',
      ],
    },
    messages: {
      sameNameElsewhere:
        '"{name}" leads to {href} here but to {firstHref} earlier on this page{others}. Give links to ' +
        'different places different names (e.g. "Get started: create an account" and "Get started: read ' +
        'the docs"), or point them to the same place.',
    },
  },
  check(page, report) {
    const reportedNames = new Set<string>();
    // Links in sibling alternatives of an offer or experiment are never listed together: each combination of
    // alternatives a visitor can see is judged on its own (a page without offers has one).
    for (const shown of viewsOf(page)) {
      const byName = new Map<string, { first: Cta; destinations: Map<string, Cta> }>();
      for (const cta of page.ctas) {
        if (cta.kind !== 'link' || !shown(cta.element)) continue;
        const name = normalizeCtaText(cta.name);
        if (!name || reportedNames.has(name)) continue;
        const destination = destinationOf(cta, page.route);
        const group = byName.get(name) ?? { first: cta, destinations: new Map<string, Cta>() };
        if (!group.destinations.has(destination)) group.destinations.set(destination, cta);
        byName.set(name, group);
      }
      reportGroups(byName, reportedNames, report);
    }
  },
};

/** One finding per name, on its second destination: a product grid of "View product" links is one problem. */
function reportGroups(
  byName: Map<string, { first: Cta; destinations: Map<string, Cta> }>,
  reportedNames: Set<string>,
  report: (finding: ReportInput) => void,
): void {
  for (const [name, { first, destinations }] of byName) {
    if (destinations.size < 2) continue;
    reportedNames.add(name);
    const [, second] = [...destinations.values()];
    const others =
      destinations.size > 2 ? ` and ${destinations.size - 2} more place${destinations.size > 3 ? 's' : ''}` : '';
    report({
      element: second!.element,
      messageId: 'sameNameElsewhere',
      data: { name: second!.name, href: second!.href ?? '(no href)', firstHref: String(first.href), others },
    });
  }
}
