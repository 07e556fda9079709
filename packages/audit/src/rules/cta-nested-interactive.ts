import type { Element } from 'domhandler';
import { attr, has } from '../dom.ts';
import type { Rule } from '../types.ts';
import { elementsOf, findDescendant } from './support/elements.ts';

const INTERACTIVE_ROLES = new Set([
  'button',
  'link',
  'checkbox',
  'radio',
  'switch',
  'menuitem',
  'tab',
  'textbox',
  'combobox',
  'slider',
  'option',
]);

/** Interactive content in the HTML content model, plus focusable and ARIA-interactive elements. */
function isInteractive(element: Element): boolean {
  switch (element.name) {
    case 'a':
      return has(element, 'href');
    case 'button':
    case 'select':
    case 'textarea':
    case 'iframe':
    case 'embed':
    case 'label':
    case 'details':
      return true;
    case 'input':
      return (attr(element, 'type') ?? '').toLowerCase() !== 'hidden';
    case 'audio':
    case 'video':
      return has(element, 'controls');
    case 'img':
      return has(element, 'usemap');
  }
  const tabindex = attr(element, 'tabindex');
  if (tabindex !== undefined && tabindex.trim() !== '' && Number(tabindex) >= 0) return true;
  return (
    INTERACTIVE_ROLES.has(attr(element, 'role') ?? '') || (attr(element, 'contenteditable') ?? 'false') !== 'false'
  );
}

function describeElement(element: Element): string {
  if (element.name === 'a') return 'link';
  if (element.name === 'input') return `<input type="${attr(element, 'type') ?? 'text'}">`;
  return `<${element.name}>`;
}

export const ctaNestedInteractive: Rule = {
  meta: {
    id: 'cta-nested-interactive',
    severity: 'error',
    category: 'accessibility',
    description: 'A link or button with another interactive element inside it, such as <a href><button>.',
    rationale:
      'The HTML content model forbids interactive content inside <a> and <button>: browsers split or re-parent it, ' +
      'keyboard users get two tab stops for one action, and screen readers announce the wrong role. axe-core ' +
      'nested-interactive misses <a href><button>; html-validate catches it. Source: HTML Living Standard, content ' +
      'models of a and button; WCAG 2.2 SC 4.1.2.',
    examples: {
      fail: [
        '<a href="/signup"><button type="button">Start your free trial</button></a>',
        '<button type="button" class="btn">Buy now <a href="/terms">terms apply</a></button>',
      ],
      pass: [
        '<a class="button" href="/signup">Start your free trial</a>',
        '<button type="button" class="btn">Buy now <span class="badge">-20%</span></button>',
      ],
    },
    messages: {
      nested:
        'This {outer} contains a {inner}: interactive elements must not be nested. Keep one of them — ' +
        'style the link as a button (<a class="button" href="…">) instead of putting a <button> inside ' +
        'it.',
    },
  },
  check(page, report) {
    // Every link and button of the page, not only recognised CTAs: <a><button> is often not styled as a button.
    const outers = elementsOf(page).filter(
      (el) =>
        (el.name === 'a' && has(el, 'href')) ||
        el.name === 'button' ||
        ['button', 'link'].includes(attr(el, 'role') ?? ''),
    );
    for (const outer of outers) {
      const inner = findDescendant(outer, isInteractive);
      if (!inner) continue;
      report({
        element: outer,
        messageId: 'nested',
        data: { outer: describeElement(outer), inner: describeElement(inner) },
      });
    }
  },
};
