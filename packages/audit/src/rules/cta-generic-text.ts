import type { Element } from 'domhandler';
import { attr, closestAncestor, collapse, visibleText } from '../dom.ts';
import { isGenericText, isPlaceholderText, normalizeCtaText } from '../text/generic-phrases.ts';
import type { Rule } from '../types.ts';

/** A bare URL as link text ("https://example.com/signup"): Lighthouse flags it too. */
const BARE_URL = /^(?:https?:\/\/|www\.)\S+$/i;

export const ctaGenericText: Rule = {
  meta: {
    id: 'cta-generic-text',
    severity: 'warning',
    category: 'copy',
    description:
      'A CTA whose text says nothing about where it leads or what it does ("Click here", "Learn more"), or a ' +
      'template\'s placeholder left on a page meant to convert ("Call to Action", "Button text").',
    rationale:
      'Screen-reader users often list links and buttons out of context; "Learn more" five times tells them ' +
      'nothing (WCAG 2.2 SC 2.4.4, failure F84). Lighthouse flags the same phrases, but only on exact matches and only ' +
      'for links; this rule also ignores case, punctuation, arrows and emoji, checks buttons, and accepts ' +
      'visually hidden text or aria-describedby that adds the missing context. Evidence that "Learn more" converts ' +
      'worse is anecdotal, hence a warning: the case rests on accessibility. Placeholder texts of templates and ' +
      'design kits ("Call to Action", "Custom Btn", "Lorem ipsum") are reported on pages meant to convert only: on ' +
      'a style guide or a component demo they are samples.',
    examples: {
      fail: [
        '<a class="button" href="/pricing">Learn more →</a>',
        '<button type="button">Click here!</button>',
        '<a class="btn" href="/a" lang="de">Hier klicken</a>',
        '<div lang="fr"><a class="btn" href="/a">En savoir plus »</a></div>',
        '<a class="btn btn-primary" href="/signup">Call to Action</a>',
      ],
      pass: [
        '<a class="button" href="/pricing">See pricing plans</a>',
        '<a class="button" href="/pricing">Learn more<span class="sr-only"> about pricing</span></a>',
        '<a class="button" href="/pricing" aria-describedby="p">Learn more</a><p id="p">Pricing for teams</p>',
      ],
    },
    messages: {
      generic:
        'CTA text "{text}" is generic: say what happens, e.g. "Start your free trial" or "See pricing ' +
        'plans". If the design needs the short text, add the context in visually hidden text (<span ' +
        'class="sr-only"> about pricing</span>).',
      placeholder:
        'CTA text "{text}" is a placeholder left from a template: say what happens, e.g. "Start your free ' +
        'trial" or "Download the app".',
      bareUrl:
        'CTA text is a bare URL ("{name}"), which screen readers spell out character by character. Name ' +
        'the destination instead, e.g. "Read the setup guide".',
    },
  },
  check(page, report) {
    for (const cta of page.ctas) {
      if (describedBy(cta.element, page.byId)) continue;
      if (STEP_WORD.test(normalizeCtaText(cta.name)) && endsForm(cta.element)) continue;
      const holder = closestAncestor(cta.element, (el) => attr(el, 'lang') !== undefined);
      const lang = holder ? attr(holder, 'lang')! : page.lang;
      // The accessible name is what a screen reader announces; visually hidden context makes it specific.
      if (isPlaceholderText(cta.name)) {
        // On a page meant to convert it is a template's leftover; on a style guide or a component demo, a sample.
        if (page.kind.converting) {
          report({ element: cta.element, messageId: 'placeholder', data: { text: cta.visibleText || cta.name } });
        }
      } else if (isGenericText(cta.name, lang)) {
        report({
          element: cta.element,
          messageId: 'generic',
          data: { text: cta.visibleText || cta.name },
        });
      } else if (BARE_URL.test(cta.name)) {
        report({
          element: cta.element,
          messageId: 'bareUrl',
          data: { name: cta.name },
        });
      }
    }
  },
};

/** "Continue" and "Next" name a form's next step; the form's fields and heading say what it continues. */
const STEP_WORD = /^(?:continue|next|next step|weiter|continuer|suivant|continuar|siguiente|avanti|doorgaan|volgende)$/;
const FIELDS = new Set(['input', 'select', 'textarea']);
/** Levels above a button searched for the fields it submits (checkout steps often have no <form>). */
const FORM_DEPTH = 3;

/** A button that ends a form: inside a <form>, or with visible form fields in its nearest containers. */
function endsForm(element: Element): boolean {
  if (element.name === 'a') return false;
  if (closestAncestor(element, (el) => el.name === 'form')) return true;
  let node = element.parent;
  for (let depth = 0; node && depth < FORM_DEPTH; depth++, node = node.parent) {
    if (node.type === 'tag' && hasField(node as Element)) return true;
  }
  return false;
}

/** Elements looked at per container: a form step is small, and a page of 80,000 buttons must stay linear. */
const MAX_FIELD_SEARCH = 300;

function hasField(container: Element): boolean {
  // Its own walk, not findDescendant: that pushes every child of a node, which on a row of 80,000 buttons is
  // 80,000 pushes per button.
  const queue: Element[] = [container];
  for (let i = 0; i < queue.length && i < MAX_FIELD_SEARCH; i++) {
    for (const child of queue[i]!.children) {
      if (queue.length >= MAX_FIELD_SEARCH) break;
      if (child.type !== 'tag') continue;
      const element = child as Element;
      if (FIELDS.has(element.name) && attr(element, 'type') !== 'hidden') return true;
      queue.push(element);
    }
  }
  return false;
}

/** aria-describedby counts only when it points at an element with text. */
function describedBy(element: Element, byId: (id: string) => Element | undefined): boolean {
  const ids = attr(element, 'aria-describedby');
  if (!ids) return false;
  return ids.split(/\s+/).some((id) => {
    const target = id ? byId(id) : undefined;
    return target !== undefined && collapse(visibleText(target)) !== '';
  });
}
