import type { AnyNode, Element } from 'domhandler';
import { isTag } from 'domhandler';
import { collapse, visibleText } from '../dom.ts';
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
      'compares the resolved destinations. The same link repeated to the same place is fine, and so are links that ' +
      'close a list of their own section ("…and more →", "View all") under different headings: their heading ' +
      'names the list (WCAG technique H80, link purpose from the preceding heading).',
    examples: {
      fail: ['<a class="btn" href="/signup">Get started</a><p>…</p><a class="btn" href="/docs/">Get started</a>'],
      pass: [
        '<a class="btn" href="/signup">Get started</a><p>…</p><a class="btn" href="/signup/">Get started</a>',
        '<a class="btn" href="/signup">Create an account</a><a class="btn" href="/docs/">Read the guide</a>',
        '<h2>Frameworks</h2><p><a href="/frameworks/">…and more →</a></p><h2>Hosts</h2><p><a href="/hosts/">…and ' +
          'more →</a></p>',
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
        const name = nameInContext(normalizeCtaText(cta.name), cta.element);
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

/**
 * Names that point at the rest of a list: "…and more →", "View all", "See all posts", "More projects". Such a link
 * is named by its section: "…and more" under "Frameworks" and under "Hosts" are two different names.
 */
const LIST_CLOSER =
  /^(?:and more|und mehr|et plus|y más|e mais|(?:see|view|show|browse|explore) (?:all|more)(?: \S+){0,2}|(?:all|more) \S+(?: \S+)?|voir tout|ver todo|alle \S+(?: anzeigen)?)$/;
const HEADING = /^h[1-6]$/;
/** Elements looked at while searching backwards for a heading: a section's heading is near, a hostile page is not. */
const MAX_HEADING_SEARCH = 2_000;

/** The link's name as compared: a list-closing name carries the heading of its section, other names stand alone. */
function nameInContext(name: string, element: Element): string {
  if (!name || !LIST_CLOSER.test(name)) return name;
  return `${name} \u0000${sectionHeading(element)}`;
}

/** The text of the nearest heading before the element in document order ('' when there is none). */
function sectionHeading(element: Element): string {
  const budget = { left: MAX_HEADING_SEARCH };
  for (let node: AnyNode | null = element; node && budget.left > 0; node = node.parent) {
    for (let sibling = node.prev; sibling && budget.left > 0; sibling = sibling.prev) {
      const heading = isTag(sibling) ? lastHeadingIn(sibling, budget) : undefined;
      if (heading) return collapse(visibleText(heading)).toLocaleLowerCase();
    }
  }
  return '';
}

/** The last heading inside `root` (itself included), searched from its end. */
function lastHeadingIn(root: Element, budget: { left: number }): Element | undefined {
  budget.left -= 1;
  if (HEADING.test(root.name) || root.attribs.role === 'heading') return root;
  for (let index = root.children.length - 1; index >= 0 && budget.left > 0; index--) {
    const child = root.children[index]!;
    const heading = isTag(child) ? lastHeadingIn(child, budget) : undefined;
    if (heading) return heading;
  }
  return undefined;
}
