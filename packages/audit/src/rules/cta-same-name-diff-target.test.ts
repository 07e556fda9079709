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

describe('cta-same-name-diff-target: links that close a list of their own section', () => {
  const section = (heading: string, href: string, link = '…and more →') =>
    `<section><h2>${heading}</h2><ul><li><a href="${href}a">A</a></li></ul><p><a href="${href}">${link}</a></p></section>`;

  it('names "…and more" and "View all" by the heading of their section: different sections, different names', () => {
    expect(flagged(section('Frameworks', '/frameworks/') + section('Hosts', '/hosts/'))).toEqual([]);
    expect(
      flagged(section('Latest posts', '/blog/', 'View all') + section('Projects', '/projects/', 'View all')),
    ).toEqual([]);
    // The heading may sit deeper in an earlier sibling (a header block of the section).
    expect(
      flagged(
        '<div><div><h3>Deploy</h3></div><div><a href="/deploy/">...and more</a></div></div>' +
          '<div><div><h3>Themes</h3></div><div><a href="/themes/">...and more</a></div></div>',
      ),
    ).toEqual([]);
  });

  it('still reports list-closing links to different places under one heading', () => {
    const messages = flagged(
      '<h2>Frameworks</h2><p><a href="/frameworks/">…and more →</a></p><p><a href="/other/">…and more →</a></p>',
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('/other/ here but to /frameworks/');
  });

  it('keeps judging action names on their own, whatever the headings: "Get started" is a trap in any section', () => {
    expect(
      flagged(
        '<section><h2>Hero</h2><a class="btn" href="/signup">Get started</a></section>' +
          '<section><h2>Docs</h2><a class="btn" href="/docs/">Get started</a></section>',
      ),
    ).toHaveLength(1);
  });
});
