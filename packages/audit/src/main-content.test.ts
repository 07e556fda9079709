import { describe, expect, it } from 'vitest';
import { chromeByStructure, contentRegions, findMain, isChrome } from './main-content.ts';
import { parseHtml } from './parse.ts';

const regionsOf = (html: string) =>
  contentRegions(parseHtml(html)).map((el) => `${el.name}${el.attribs.class ? `.${el.attribs.class}` : ''}`);

describe('the page’s own content', () => {
  it('adds the sections after a partial <main> up to the site footer, leaving chrome and scripts out', () => {
    const html =
      '<body><header><nav><a href="/">Home</a></nav></header><main><h1>Hero</h1></main>' +
      '<section class="closing"><a href="/signup">Start now</a></section><aside>Ad</aside><script>x()</script>' +
      '<div class="cookie-banner"><button>Accept</button></div><footer>© 2026</footer><section class="after">x</section></body>';
    expect(regionsOf(html)).toEqual(['main', 'section.closing']);
  });

  it('keeps a closing <aside> CTA band after <main>, not a sidebar of links', () => {
    const band =
      '<aside class="band"><h2>Interested in working together?</h2><a href="mailto:me@x.com">Send me a message</a></aside>';
    const sidebar =
      '<aside class="side"><h2>Related</h2><ul><li><a href="/a">A</a></li><li><a href="/b">B</a></li></ul></aside>';
    expect(regionsOf(`<body><main><h1>A</h1></main>${sidebar}${band}<footer>F</footer></body>`)).toEqual([
      'main',
      'aside.band',
    ]);
  });

  it('climbs out of wrappers around <main>', () => {
    expect(
      regionsOf(
        '<body><div class="page"><main><h1>A</h1></main><div class="cta-band">B</div></div><footer>F</footer></body>',
      ),
    ).toEqual(['main', 'div.cta-band']);
  });

  it('is the body when there is no <main>, and the top-level elements of a fragment without <body>', () => {
    expect(regionsOf('<html><body><h1>A</h1></body></html>')).toEqual(['body']);
    expect(regionsOf('<h1>Hello</h1><p>Text</p><a class="btn" href="/x">Go</a>')).toEqual(['h1', 'p', 'a.btn']);
    expect(findMain(parseHtml('<h1>Hello</h1>'))).toBeUndefined();
  });
});

describe('chrome by position and structure', () => {
  it('finds a bar of links at the top and the copyright block at the end of a page without landmarks', () => {
    const document = parseHtml(
      '<body><div class="top"><a href="/">Logo</a><a href="/about">About</a><a href="/blog">Blog</a></div>' +
        '<div class="content"><h1>Welcome</h1><p>Text</p></div><div class="bottom"><a href="/privacy">Privacy</a> © 2026 Acme</div></body>',
    );
    const found = [...chromeByStructure(findMain(document)!)].map((el) => el.attribs.class);
    expect(found).toEqual(['top', 'bottom']);
  });

  it('takes a <header> with the page’s <h1> and no menu for the page’s title block, not the site banner', () => {
    const first = (html: string) =>
      parseHtml(html).children.find((node) => 'name' in node) as Parameters<typeof isChrome>[0];
    expect(
      isChrome(
        first(
          '<header class="hero"><div><h1>Ship faster</h1><a class="btn" href="/signup">Get started</a></div></header>',
        ),
        false,
      ),
    ).toBe(false);
    expect(isChrome(first('<header><h1><a href="/">Acme</a></h1><a href="/login">Log in</a></header>'), false)).toBe(
      true,
    );
    expect(isChrome(first('<header><h1>Acme</h1><nav><a href="/">Home</a></nav></header>'), false)).toBe(true);
    expect(isChrome(first('<header><a href="/">Acme</a></header>'), false)).toBe(true);
  });

  it('does not take the page’s heading block for a header', () => {
    const document = parseHtml(
      '<body><div class="hero"><h1>Welcome</h1><a href="/">Home</a><a href="/signup">Sign up</a></div><div>More</div></body>',
    );
    expect(chromeByStructure(findMain(document)!).size).toBe(0);
  });
});
