import { describe, expect, it } from 'vitest';
import { ctaSameNameDiffTarget } from './cta-same-name-diff-target.ts';
import { messagesFor } from './support/test-helpers.ts';

const flagged = (snippet: string, route = '/') => messagesFor(ctaSameNameDiffTarget, snippet, { route });

describe('cta-same-name-diff-target', () => {
  it('treats trailing slash, index.html and relative forms of one page as the same destination', () => {
    expect(
      flagged(
        '<a class="btn" href="/pricing/">See plans</a><a class="btn" href="/pricing/index.html">See plans</a><a class="btn" href="../pricing">See plans</a>',
        '/about/',
      ),
    ).toEqual([]);
  });

  it('compares names after normalising case, punctuation and arrows', () => {
    expect(
      flagged('<a class="btn" href="/signup">Get started</a><a class="btn" href="/docs/">GET STARTED →</a>'),
    ).toHaveLength(1);
  });

  it('treats different query strings and fragments as different destinations', () => {
    expect(
      flagged(
        '<a class="btn" href="/buy?plan=pro">Choose plan</a><a class="btn" href="/buy?plan=team">Choose plan</a>',
      ),
    ).toHaveLength(1);
  });

  it('reports each extra destination once, naming both hrefs', () => {
    const messages = flagged(
      '<a class="btn" href="/a">Start now</a><a class="btn" href="/a">Start now</a><a class="btn" href="/b">Start now</a>',
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('/b here but to /a');
  });

  it('ignores buttons, which have no destination', () => {
    expect(flagged('<button type="button">Play video</button><button type="button">Play video</button>')).toEqual([]);
  });
});

describe('cta-same-name-diff-target: grids', () => {
  it('reports a grid of same-named links to different places once, with the count', () => {
    const grid = ['/p/1', '/p/2', '/p/3', '/p/4']
      .map((href) => `<a class="btn" href="${href}">View product</a>`)
      .join('');
    const messages = flagged(grid);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('and 2 more places');
  });
});
