import { attr } from '../dom.ts';
import type { PageContext, Rule, SiteReportInput } from '../types.ts';
import { elementsOf } from './support/elements.ts';
import { isSuppressed } from './support/suppress.ts';
import { basePathOf, classifyHref, findRoute, servedOnDemand, type Target } from './support/targets.ts';

const RULE_ID = 'cta-dead-target';

/** Fragments browsers resolve without an element: the top of the page and text fragments. */
const BUILT_IN_FRAGMENT = /^(?:top|:~:.*)$/i;

/**
 * A link to a #fragment on another page, checked in `afterAll`: while pages are checked (in worker threads, or
 * during the build as they are rendered), the target page may not be written yet.
 */
interface FragmentLink extends SiteReportInput {
  target: string;
  fragment: string;
}

export const ctaDeadTarget: Rule = {
  meta: {
    id: RULE_ID,
    severity: 'error',
    category: 'structure',
    description:
      'A CTA that leads nowhere: href "", "#" or javascript:, or a page or #fragment missing from the build.',
    rationale:
      'A CTA that goes nowhere loses exactly the visitors who were ready to act, and one that needs script is not ' +
      'crawlable and fails before hydration. Lighthouse crawlable-anchors flags "", "#" and javascript:; this rule ' +
      'also checks internal links against the pages and element ids of the built site (trailing slash, .html and ' +
      'index.html variants, query strings and the site’s base path are understood). External links, mailto:/tel: ' +
      'and files such as PDFs are not checked, nor are links to routes with no built page (pages and endpoints ' +
      'rendered on demand, redirects) that the astro-cta integration recorded.',
    examples: {
      fail: [
        '<a class="button" href="#">Start your free trial</a>',
        '<a class="button" href="javascript:void(0)">Book a demo</a>',
        '<a class="button" href="/no-such-page/">See pricing plans</a>',
        '<a class="button" href="#plans">Compare plans</a><section id="pricing">Plans</section>',
      ],
      pass: [
        '<a class="button" href="#plans">Compare plans</a><section id="plans">Plans</section>',
        '<a class="button" href="/?utm_source=hero">Back to the home page</a>',
        '<a class="button" href="https://github.com/acme/acme">Star Acme on GitHub</a>',
      ],
    },
    options: {
      onDemandRoutes: {
        description:
          'Route patterns served without a built page (`/account`, `/api/[id]`, `/docs/[...path]`): pages and ' +
          'endpoints rendered on demand (`prerender = false`) and redirects. Links to them are not dead.',
        default: [],
        setWith:
          'recorded by the astro-cta integration in .astro/astro-cta-audit.json (read by cta-audit in the project); ' +
          '--routes <file> on the CLI',
      },
    },
    messages: {
      noHref:
        '{name} is an <a> without href: it is not a link, cannot be focused with the keyboard and leads ' +
        'nowhere. Add the destination, e.g. href="/signup", or use a <button> if it runs script.',
      reloads:
        '{name} has href="{href}", which only reloads or scrolls to the top. Point it at the real ' +
        'destination, e.g. href="/signup" or href="#signup-form".',
      javascript:
        '{name} uses a javascript: link, which does nothing until scripts run and cannot be opened in a ' +
        'new tab or crawled. Use a real URL, or a <button type="button"> for an action.',
      notAPage:
        '{name} links to {path}, which is not a page of this build. Fix the link (check spelling, ' +
        'trailing slash and base path) or create the page. If it is served on demand or by a redirect, give its ' +
        'route pattern to the audit (--routes on the CLI; the astro-cta integration records them).',
      missingFragment:
        '{name} links to #{fragment} on {where}, but no element there has id="{fragment}". Add the id to the ' +
        'target section, or fix the fragment.',
    },
  },
  check(page, report, site) {
    let base: string | undefined;
    // Pages repeat their CTAs' hrefs (a catalogue of "Add to cart" links): resolve each href once.
    const targets = new Map<string | undefined, Target>();
    for (const cta of page.ctas) {
      if (cta.kind !== 'link' && cta.element.name !== 'a') continue;
      // Disabled on purpose (the kit's CTA of an ended offer: no href, role=link, aria-disabled): not a dead link.
      if (cta.element.attribs['aria-disabled'] === 'true') continue;
      let target = targets.get(cta.href);
      if (!target) {
        target = classifyHref(cta.href, page.route);
        targets.set(cta.href, target);
      }
      const text = cta.name || cta.visibleText;
      const name = text ? `"${text}"` : 'This CTA';
      switch (target.kind) {
        case 'missing':
          report({
            element: cta.element,
            messageId: 'noHref',
            data: { name },
          });
          break;
        case 'empty':
        case 'hash-only':
          report({
            element: cta.element,
            messageId: 'reloads',
            data: { name, href: String(cta.href) },
          });
          break;
        case 'javascript':
          report({
            element: cta.element,
            messageId: 'javascript',
            data: { name },
          });
          break;
        case 'internal': {
          base ??= basePathOf(page);
          const route = findRoute(target.path, site.routes, base);
          // Outside the site's base path, or the host's root of a site built without one: not part of this build.
          if (route === undefined && (target.path === '/' || !target.path.startsWith(base))) break;
          const onDemand = (site.options.onDemandRoutes ?? []) as readonly string[];
          if (route === undefined && servedOnDemand(target.path, onDemand, base)) break;
          if (route === undefined) {
            report({
              element: cta.element,
              messageId: 'notAPage',
              data: { name, path: target.path },
            });
            break;
          }
          const { fragment } = target;
          if (fragment === undefined || fragment === '' || BUILT_IN_FRAGMENT.test(fragment)) break;
          if (route === page.route) {
            if (page.byId(fragment) === undefined && !hasNamedAnchor(page, fragment))
              report({
                element: cta.element,
                messageId: 'missingFragment',
                data: { name, fragment, where: 'this page' },
              });
          } else if (!isSuppressed(cta.element, RULE_ID)) {
            site.keep({
              route: page.route,
              file: page.file,
              ...page.locate(cta.element),
              target: route,
              fragment,
              messageId: 'missingFragment',
              data: { name, fragment, where: route },
            } satisfies FragmentLink);
          }
          break;
        }
        default:
          break;
      }
    }
  },
  afterAll(report, site) {
    for (const link of site.kept as readonly FragmentLink[]) {
      // Unknown ids (a page the run did not index) are not reported: no guessing.
      if (site.idsOf(link.target)?.has(link.fragment) === false) {
        const { target: _target, fragment: _fragment, ...finding } = link;
        report(finding);
      }
    }
  },
};

/** `<a name="…">`, the old way to mark a fragment target. */
function hasNamedAnchor(page: PageContext, name: string): boolean {
  return elementsOf(page).some((el) => el.name === 'a' && attr(el, 'name') === name);
}
