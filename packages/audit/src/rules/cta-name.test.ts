import { describe, expect, it } from 'vitest';
import { ctaName } from './cta-name.ts';
import { messagesFor } from './support/test-helpers.ts';

const flagged = (snippet: string) => messagesFor(ctaName, snippet);

describe('cta-name', () => {
  it('flags icon-only links and buttons whose icon has no text alternative', () => {
    expect(flagged('<a class="btn" href="/cart"><svg><path d="M0 0"/></svg></a>')).toHaveLength(1);
    expect(flagged('<button type="button" class="btn"><i class="fa fa-cart"></i></button>')[0]).toContain(
      'no accessible name',
    );
  });

  it('does not count aria-hidden content or hidden text as a name', () => {
    expect(flagged('<a class="btn" href="/cart"><span aria-hidden="true">Cart</span></a>')).toHaveLength(1);
    expect(flagged('<a class="btn" href="/cart"><span hidden>Cart</span></a>')).toHaveLength(1);
  });

  it('accepts every source of a name: aria-labelledby, aria-label, alt, svg title, visually hidden text, title', () => {
    expect(flagged('<span id="l">View cart</span><a class="btn" href="/cart" aria-labelledby="l"><svg/></a>')).toEqual(
      [],
    );
    expect(flagged('<a class="btn" href="/cart" aria-label="View cart"><svg/></a>')).toEqual([]);
    expect(flagged('<a class="btn" href="/cart"><img src="c.svg" alt="View cart"></a>')).toEqual([]);
    expect(flagged('<a class="btn" href="/cart"><svg><title>View cart</title></svg></a>')).toEqual([]);
    expect(flagged('<a class="btn" href="/cart"><svg/><span class="sr-only">View cart</span></a>')).toEqual([]);
    expect(flagged('<a class="btn" href="/cart" title="View cart"><svg/></a>')).toEqual([]);
  });

  it('flags a name made only of arrows or emoji, in any script', () => {
    expect(flagged('<a class="btn" href="/next">→</a>')[0]).toContain('symbol');
    expect(flagged('<a class="btn" href="/next">👉</a>')).toHaveLength(1);
    expect(flagged('<a class="btn" href="/next">次へ</a>')).toEqual([]);
  });

  it('checks submit inputs: an image submit needs alt text, a plain one has the browser default name', () => {
    expect(flagged('<form><input type="image" src="go.png"></form>')).toHaveLength(1);
    expect(flagged('<form><input type="image" src="go.png" alt="Search the catalogue"></form>')).toEqual([]);
    expect(flagged('<form><input type="submit"></form>')).toEqual([]);
  });
});
