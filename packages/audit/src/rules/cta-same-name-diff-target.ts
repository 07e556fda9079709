import { normalizeCtaText } from '../text/generic-phrases.ts';
import type { Cta, Rule } from '../types.ts';
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
    const byName = new Map<string, { first: Cta; destinations: Map<string, Cta> }>();
    for (const cta of page.ctas) {
      if (cta.kind !== 'link') continue;
      const name = normalizeCtaText(cta.name);
      if (!name) continue;
      const destination = destinationOf(cta, page.route);
      const group = byName.get(name) ?? { first: cta, destinations: new Map<string, Cta>() };
      if (!group.destinations.has(destination)) group.destinations.set(destination, cta);
      byName.set(name, group);
    }
    // One finding per name, on its second destination: a product grid of "View product" links is one problem.
    for (const { first, destinations } of byName.values()) {
      if (destinations.size < 2) continue;
      const [, second] = [...destinations.values()];
      const others =
        destinations.size > 2 ? ` and ${destinations.size - 2} more place${destinations.size > 3 ? 's' : ''}` : '';
      report({
        element: second!.element,
        messageId: 'sameNameElsewhere',
        data: { name: second!.name, href: second!.href ?? '(no href)', firstHref: String(first.href), others },
      });
    }
  },
};
