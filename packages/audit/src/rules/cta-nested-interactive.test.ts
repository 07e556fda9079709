import { describe, expect, it } from 'vitest';
import { ctaNestedInteractive } from './cta-nested-interactive.ts';
import { findingsFor, messagesFor } from './support/test-helpers.ts';

const flagged = (snippet: string) => messagesFor(ctaNestedInteractive, snippet);

describe('cta-nested-interactive', () => {
  it('flags <a href><button>, the case axe-core misses, even when the link is not styled as a CTA', () => {
    const [finding] = findingsFor(ctaNestedInteractive, '<p><a href="/signup"><button>Sign up</button></a></p>');
    expect(finding?.message).toContain('This link contains a <button>');
    expect(finding?.excerpt).toMatch(/^<a href="\/signup">/);
  });

  it('flags links in links, inputs and focusable elements in buttons, anywhere on the page', () => {
    // (<button><input> cannot be tested: htmlparser2 closes a button when an input opens, unlike browsers.)
    expect(flagged('<a class="btn" href="/plans">Plan <input type="checkbox"></a>')).toHaveLength(1);
    expect(flagged('<button type="button">Plan <span tabindex="0">info</span></button>')).toHaveLength(1);
    expect(flagged('<a class="btn" href="/a">A <span role="link">b</span></a>')).toHaveLength(1);
    expect(auditNav()).toHaveLength(1);
  });

  it('leaves non-interactive content, <a> without href and hidden inputs alone', () => {
    expect(flagged('<a class="btn" href="/a"><img src="x.png" alt="Acme"> <strong>Buy</strong></a>')).toEqual([]);
    expect(flagged('<button type="button">Buy <a>placeholder</a></button>')).toEqual([]);
    expect(flagged('<button type="button">Buy <input type="hidden" name="x"></button>')).toEqual([]);
    expect(flagged('<button type="button">Buy <span tabindex="-1">now</span></button>')).toEqual([]);
  });
});

function auditNav() {
  return messagesFor(ctaNestedInteractive, '</main><nav><a href="/x"><button>Menu</button></a></nav><main>');
}
