import { describe, expect, it } from 'vitest';
import { ctaDuplicateId } from './cta-duplicate-id.ts';
import { messagesFor } from './support/test-helpers.ts';

const flagged = (snippet: string) => messagesFor(ctaDuplicateId, snippet);

describe('cta-duplicate-id', () => {
  it('allows the same id on the same CTA repeated, even with another URL form', () => {
    expect(flagged('<a href="/signup/" data-cta="t">Start</a><a href="/signup" data-cta="t">Start</a>')).toEqual([]);
  });

  it('flags the same id on a link and on a button', () => {
    expect(
      flagged('<a href="/signup" data-cta="t">Start</a><button type="button" data-cta="t">Open chat</button>'),
    ).toHaveLength(1);
  });

  it('counts ids in the header and footer too: the beacon reports them all', () => {
    expect(
      flagged(
        '</main><header><a href="/login" data-cta="t">Log in</a></header><main><a href="/signup" data-cta="t">Start</a>',
      ),
    ).toHaveLength(1);
  });

  it('suggests a new id', () => {
    expect(flagged('<a href="/a" data-cta="hero">A</a><a href="/b" data-cta="hero">B</a>')[0]).toContain(
      'data-cta="hero-2"',
    );
  });
});
