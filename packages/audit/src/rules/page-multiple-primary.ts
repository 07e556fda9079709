import type { Cta, Rule } from '../types.ts';
import { viewsOf } from './support/choices.ts';
import { primaryCtas } from './support/primary.ts';
import { destinationOf } from './support/targets.ts';

export const pageMultiplePrimary: Rule = {
  meta: {
    id: 'page-multiple-primary',
    severity: 'warning',
    category: 'structure',
    description: 'More than one distinct primary destination on a page. The same primary CTA repeated is fine.',
    rationale:
      'A primary button tells people what the page wants them to do; two different ones compete, and neither stands ' +
      'out. Repeating the same primary CTA (hero and end of page) is fine. Source: GOV.UK Design System, Button ' +
      '("avoid using multiple default buttons on a single page"). Primaries are CTAs with data-cta-role="primary" or ' +
      'variant primary, or hand-written buttons with a primary class (btn-primary, button--primary). The ' +
      'alternatives of an offer or experiment (data-cta-choose) are never shown together: each combination a ' +
      'visitor can see is judged on its own.',
    examples: {
      fail: [
        '<a href="/signup" data-cta="hero" data-cta-role="primary">Start your free trial</a><a href="/demo" data-cta="demo" data-cta-role="primary">Book a demo</a>',
      ],
      pass: [
        '<a href="/signup" data-cta="hero" data-cta-role="primary">Start your free trial</a><a href="/demo" data-cta="demo" data-cta-role="secondary">Book a demo</a>',
        '<a href="/signup" data-cta="hero" data-cta-role="primary">Start your free trial</a><p>…</p><a href="/signup/" data-cta="end" data-cta-role="primary">Start your free trial</a>',
        '<div data-cta-choose="experiment" data-cta-experiment="hero-cta" data-cta-destinations="differ"><div data-cta-arm="trial" data-cta-default><a href="/signup" data-cta="hero" data-cta-role="primary" data-cta-experiment="hero-cta" data-cta-arm="trial">Start your free trial</a></div><div data-cta-arm="demo" hidden><a href="/demo" data-cta="hero" data-cta-role="primary" data-cta-experiment="hero-cta" data-cta-arm="demo">Book a demo</a></div></div>',
      ],
    },
    messages: {
      secondPrimary:
        '"{name}" is a second primary CTA, leading to {destination} while "{first}" already is the page’s ' +
        'primary. Keep one primary action and make this one secondary (variant="secondary" or ' +
        'data-cta-role="secondary").',
    },
  },
  check(page, report) {
    const primaries = primaryCtas(page);
    const reported = new Set<Cta>();
    // An offer's or experiment's alternatives are never shown together: primaries compete only within what one
    // visitor can see, so each combination of alternatives is judged on its own (a page without offers has one).
    for (const shown of viewsOf(page)) {
      const seen = new Map<string, string>();
      for (const cta of primaries) {
        if (!shown(cta.element)) continue;
        const destination = destinationOf(cta, page.route);
        if (seen.has(destination)) continue;
        if (seen.size > 0 && !reported.has(cta)) {
          reported.add(cta);
          const [firstName] = seen.values();
          report({
            element: cta.element,
            messageId: 'secondPrimary',
            data: { name: cta.name, destination: cta.href ?? destination, first: String(firstName) },
          });
        }
        seen.set(destination, cta.name);
      }
    }
  },
};
