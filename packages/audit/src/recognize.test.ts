import { describe, expect, it } from 'vitest';
import { createPage } from './page.ts';

const ctaTexts = (main: string) =>
  createPage(`<!doctype html><html lang="en"><body><main>${main}</main></body></html>`, '/', 'index.html').ctas.map(
    (cta) => cta.visibleText,
  );

describe('recognizing CTAs by shape', () => {
  it('reads button-like class names', () => {
    expect(
      ctaTexts(
        '<a class="btn btn-primary" href="/a">Buy</a><a class="hero__cta" href="/b">Join</a><a class="c-button--large" href="/c">Book</a>',
      ),
    ).toEqual(['Buy', 'Join', 'Book']);
  });

  it('leaves the source and terms links of declared social proof and incentives alone', () => {
    const proof =
      '<p class="cta-proof__count" data-cta-proof="count">12,000 teams <a class="cta-proof__count-source" href="https://example.com/report">(source: example.com)</a></p>';
    const incentive = '<p data-cta-incentive="trial">14-day trial <a class="cta-terms" href="/terms">Terms</a></p>';
    expect(ctaTexts(proof + incentive)).toEqual([]);
    expect(
      ctaTexts(
        '<p class="cta-proof__count">12,000 teams <a class="cta-proof__count-source" href="/r">(source)</a></p>',
      ),
    ).toEqual(['(source)']);
  });
});

const page = (body: string) =>
  createPage(`<!doctype html><html lang="en"><body>${body}</body></html>`, '/', 'index.html');

describe('what is not a CTA on real templates', () => {
  it('leaves share intents and icon-only social links alone', () => {
    expect(
      ctaTexts(
        '<a class="btn" href="https://twitter.com/intent/tweet?url=x">Share on X</a>' +
          '<a href="https://www.linkedin.com/sharing/share-offsite/?url=x" class="px-3 rounded"><svg aria-label="LinkedIn"></svg></a>' +
          '<a href="https://github.com/acme"><svg><title>GitHub</title></svg></a>',
      ),
    ).toEqual([]);
    expect(
      ctaTexts(
        '<div class="share-links"><a class="btn" href="mailto:?subject=x">Email</a></div><div class="social-icons"><a class="btn" href="https://x.com/acme">X</a></div>',
      ),
    ).toEqual([]);
  });

  it('leaves post cards, tag chips and pagination alone', () => {
    expect(
      ctaTexts('<a href="/blog/one/" class="block rounded-lg px-4 bg-white"><h3>One</h3><p>Summary</p></a>'),
    ).toEqual([]);
    expect(ctaTexts('<a href="/blog/two/"><img src="/two.png" alt="Two"></a>')).toEqual([]);
    expect(
      ctaTexts(
        '<a href="/tags/astro/" class="px-2 rounded bg-gray-100">#astro</a><a rel="tag" class="btn" href="/t/x">x</a><span class="tag"><a href="/x">Get</a></span>',
      ),
    ).toEqual(['Get']);
    expect(
      ctaTexts(
        '<a class="btn" href="/tag/astro/">Browse astro</a><a class="px-3 bg-white" href="/blog/page/2/">2</a><a class="btn" rel="next" href="/blog/2/">Next</a>',
      ),
    ).toEqual([]);
  });

  it('leaves “back to” and series navigation, theme toggles and media controls alone', () => {
    expect(
      ctaTexts(
        '<a class="btn" href="/blog/">← Back to blog</a><div><a href="/blog/">Go back</a></div><a class="btn" href="/docs/a/">Previous: Install</a>',
      ),
    ).toEqual([]);
    expect(
      ctaTexts(
        '<button id="theme-toggle" class="px-3 rounded">Dark</button><button class="btn" aria-label="Switch to dark mode"><svg></svg></button>',
      ),
    ).toEqual([]);
    expect(
      ctaTexts(
        '<button class="btn" aria-label="Play video"><svg></svg></button><button class="rounded px-2 bg-black">Mute</button>',
      ),
    ).toEqual([]);
  });

  it('leaves text links in table cells (row actions) alone', () => {
    expect(
      ctaTexts(
        '<table><tr><th>Invoice</th><th></th></tr><tr><td>#1042</td><td><a href="/invoices/1042.pdf">Download</a></td></tr></table>',
      ),
    ).toEqual([]);
    expect(
      ctaTexts(
        '<table><tr><td><p>Our catalog.</p><div><a href="/catalog.pdf">Download our catalog</a></div></td></tr></table>',
      ),
    ).toEqual(['Download our catalog']);
  });

  it('takes the way home of an error page, but not a “back to” link elsewhere', () => {
    expect(
      ctaTexts(
        '<h1>Page not found</h1><div><a href="/fr/">Retourner à l’accueil</a></div><div><a href="/blog/">← Back to blog</a></div>',
      ),
    ).toEqual(['Retourner à l’accueil']);
  });

  it('leaves icon-only buttons named for what they do (bookmark, like), bare nameless ones and “Copy link” alone', () => {
    expect(
      ctaTexts(
        '<button aria-label="Bookmark this post"><svg></svg></button><button type="button" class="inline-flex rounded-lg p-2.5"><svg></svg></button>',
      ),
    ).toEqual([]);
    expect(ctaTexts('<button type="button" class="js-clipboard px-3 rounded-lg">Copy link</button>')).toEqual([]);
  });

  it('keeps scripted buttons with other names (“Yes”, “No”) as unsure, not reported on', () => {
    const feedback = page(
      '<main><h3>Was this helpful?</h3><button type="button" class="px-3 py-2 border rounded-lg">Yes</button></main>',
    );
    expect(feedback.ctas).toEqual([]);
    expect(feedback.unsureCtas.map((cta) => cta.visibleText)).toEqual(['Yes']);
  });

  it('leaves a link nested in a card link, jumps to a heading of the page and social profile links alone', () => {
    expect(
      ctaTexts('<a href="/c/"><div class="card"><h3>Shoes</h3><a class="btn" href="/c/">See products</a></div></a>'),
    ).toEqual([]);
    expect(
      ctaTexts(
        '<h2 id="sign-up">Sign up to the service</h2><div><a href="#sign-up">Sign up to the service</a></div><div><a href="#pricing">Get started</a></div>',
      ),
    ).toEqual(['Get started']);
    expect(ctaTexts('<div><a href="/">Go to our Twitter page, opens in a new tab</a></div>')).toEqual([]);
  });

  it('leaves mobile-only nameless toggles and item controls (Edit, Remove) alone, keeps type-less framework buttons', () => {
    expect(
      ctaTexts(
        '<button class="btn btn-link d-md-none"><i class="fa fa-bars"></i></button><button class="btn">Edit</button><button class="btn">Remove</button>',
      ),
    ).toEqual([]);
    expect(
      ctaTexts(
        '<button class="btn btn-dark">Apple Pay</button><button type="button" class="btn btn-dark">Modal 1</button>',
      ),
    ).toEqual(['Apple Pay']);
  });

  it('takes a button whose label a Markdown slot wrapped in a paragraph, but not a card with a heading and text', () => {
    expect(ctaTexts('<div><a class="sl-link-button primary" href="/start/"><p>Read the docs</p></a></div>')).toEqual([
      'Read the docs',
    ]);
    expect(
      ctaTexts(
        '<div><a class="button" href="/p/"><p>A product with a long description of its many parts</p></a></div>',
      ),
    ).toEqual([]);
    expect(ctaTexts('<div><a class="button" href="/p/"><p><span>Shoes</span><time>2024</time></p></a></div>')).toEqual(
      [],
    );
  });

  it('takes a button-styled jump to a section and the lone action link at the foot of a card', () => {
    expect(ctaTexts('<h2 id="pricing">Pricing</h2><p><a class="btn" href="#pricing">See pricing</a></p>')).toEqual([
      'See pricing',
    ]);
    const plan =
      '<div class="card"><h3>Pro</h3><p>For teams.</p><p><a href="/signup?plan=pro">Get started</a></p></div>';
    expect(ctaTexts(plan)).toEqual(['Get started']);
    expect(
      ctaTexts('<div class="card"><h3><a href="/posts/get-started/">Get started</a></h3><p>A post.</p></div>'),
    ).toEqual([]);
    expect(
      ctaTexts('<div class="card"><img src="/m.png" alt=""><p><a href="/p/mirror/">View details</a></p></div>'),
    ).toEqual([]);
  });

  it('keeps scripted buttons of a dialog unsure and leaves triggers (id or class "…-trigger") alone', () => {
    const drawer =
      '<dialog><p>Edit task</p><button type="button" class="button type-primary" onclick="closeDrawer()">Save changes</button></dialog>';
    expect(ctaTexts(drawer)).toEqual([]);
    const unsure = createPage(`<html><body><main>${drawer}</main></body></html>`, '/', 'index.html').unsureCtas;
    expect(unsure.map((cta) => cta.visibleText)).toEqual(['Save changes']);
    expect(
      ctaTexts(
        '<button id="modal1-trigger" class="button">Modal 1</button><dialog><button class="btn">Add to cart</button></dialog>',
      ),
    ).toEqual(['Add to cart']);
  });

  it('takes an app-store link whatever its class, and an icon beside a short action, not a product tile', () => {
    expect(
      ctaTexts(
        '<p><a class="badge" href="https://apps.apple.com/app/id1"><img src="a.svg" alt="Download on the App Store"></a></p>',
      ),
    ).toEqual(['']);
    expect(ctaTexts('<p><a href="/download/mac"><img src="apple.svg" alt=""> Download for macOS</a></p>')).toEqual([
      'Download for macOS',
    ]);
    expect(ctaTexts('<div><a href="/p/lamp"><img src="lamp.jpg" alt=""><span>Brass lamp</span></a></div>')).toEqual([]);
    expect(ctaTexts('<div><a href="/p/lamp"><img src="lamp.jpg" alt=""><span>View the lamp</span></a></div>')).toEqual(
      [],
    );
  });

  it('takes a pricing table’s head or foot actions, not a data row’s', () => {
    const table =
      '<table><thead><tr><th>Plan</th><th>Pro <a href="/buy/pro">Buy Pro</a></th></tr></thead>' +
      '<tbody><tr><td>Invoice 12</td><td><a href="/invoices/12.pdf">Download</a></td></tr></tbody></table>';
    expect(ctaTexts(table)).toEqual(['Buy Pro']);
  });

  it('leaves links dressed as buttons that operate the page (Edit, Remove, Load more) alone', () => {
    expect(
      ctaTexts(
        '<a class="btn btn-sm" href="#">Edit</a><a class="button" href="/orders/1/delete">Delete</a><a class="btn" href="?page=2">Load more</a>',
      ),
    ).toEqual([]);
    expect(ctaTexts('<a class="btn" href="/signup">Sign up</a>')).toEqual(['Sign up']);
  });

  it('leaves the title link of a link card alone, and copy-to-clipboard buttons whatever they copy', () => {
    expect(
      ctaTexts(
        '<div class="sl-link-card"><span><a href="https://x.dev/a"><span class="title">Add sponsors to your site</span></a><span>How to.</span></span></div>',
      ),
    ).toEqual([]);
    expect(ctaTexts('<button type="button" class="px-3 rounded">Copy download icon to clipboard</button>')).toEqual([]);
  });

  it('takes an image with a caption inside a link for a card, not an action', () => {
    expect(
      ctaTexts(
        '<a href="/products/a/" class="group flex rounded-xl"><img src="/a.avif" alt="A"><span>Explore the A series</span></a>',
      ),
    ).toEqual([]);
  });
});

describe('what is a CTA on real templates', () => {
  it('takes app-store badges and image links named by an action (alt or aria-label)', () => {
    expect(
      page(
        '<main><div><a href="https://apps.apple.com/app/id1"><img src="/badge.svg" alt="App Store"></a>' +
          '<a href="https://play.google.com/store/apps/details?id=x" aria-label="Get it on Google Play"><img src="/gp.svg" alt=""></a></div>' +
          '<p><a href="/download/"><img src="/dl.png" alt="Download the app"></a></p></main>',
      ).ctas.map((cta) => cta.name),
    ).toEqual(['App Store', 'Get it on Google Play', 'Download the app']);
  });

  it('takes a store badge by its image’s name when the link still points at a placeholder', () => {
    expect(
      page(
        '<main><div><a href="https://github.com/acme/app"><img src="/as.svg" alt="App Store Image"></a>' +
          '<a href="#"><img src="/gp.svg" alt="Get it on Google Play"></a></div>' +
          '<p>Our <a href="/store/">store</a> sells shirts.</p>' +
          '<a href="/team/"><img src="/t.jpg" alt="Team photo"></a></main>',
      ).ctas.map((cta) => cta.name),
    ).toEqual(['App Store Image', 'Get it on Google Play']);
  });

  it('leaves share buttons named "<network> Share" out, e-mail included', () => {
    const icon = '<svg viewBox="0 0 24 24"><path d="M0 0h24v24H0z"/></svg>';
    expect(
      page(
        `<main><h1>Post</h1><p>Text.</p><div><button aria-label="Twitter Share">${icon}</button>` +
          `<button aria-label="Email Share">${icon}</button>` +
          `<button aria-label="Email us">${icon}</button></div><a class="btn" href="/offer">Claim your share</a></main>`,
      ).ctas.map((cta) => cta.name),
    ).toEqual(['Email us', 'Claim your share']);
  });

  it('knows Persian action verbs as it knows their English counterparts (learn about, view, download, contact)', () => {
    const links = ['آشنایی با Astro', 'مشاهده همه نوشته‌ها', 'دانلود برنامه', 'تماس با ما']
      .map((text, n) => `<p><a href="/fa/${n}/">${text}</a></p>`)
      .join('');
    expect(ctaTexts(`<article><p>Astro یک فریم‌ورک وب است.</p>${links}</article>`)).toEqual([
      'آشنایی با Astro',
      'مشاهده همه نوشته‌ها',
      'دانلود برنامه',
      'تماس با ما',
    ]);
    expect(ctaTexts('<p>برای <a href="/fa/x/">مشاهده</a> این صفحه کلیک کنید.</p>')).toEqual([]);
  });

  it('leaves cards built of plain boxes (a title and a sentence) out, not a button with two lines', () => {
    const icon = '<svg viewBox="0 0 24 24"><path d="M0 0h24v24H0z"/></svg>';
    const card = (title: string, text: string) =>
      `<li><a class="relative flex py-3 px-4 rounded-lg border" href="/blog/${title.length}/">` +
      `<div><div>${title}</div><div>${text}</div></div>${icon}</a></li>`;
    expect(
      ctaTexts(
        `<ul>${card('Getting started', 'Hit the ground running.')}${card('Blog Collection', 'How to add posts.')}</ul>` +
          '<a class="btn rounded-lg border px-4" href="/app"><div>Get it on</div><div>Google Play</div></a>',
      ),
    ).toEqual(['Get it on Google Play']);
  });

  it('takes an e-mail address named in a row of social profiles as one of them, not a lone contact link', () => {
    const social = (href: string, text: string) => `<li><a href="${href}">${text}</a> / </li>`;
    expect(
      ctaTexts(
        '<h5>Let’s Connect</h5><ul>' +
          social('https://twitter.com/acme', 'twitter-x') +
          social('https://github.com/acme', 'github') +
          social('https://www.linkedin.com/in/acme', 'linkedin') +
          social('mailto:hi@acme.dev', 'email') +
          '</ul><div><a href="mailto:sales@acme.dev">Email sales</a></div>',
      ),
    ).toEqual(['Email sales']);
  });

  it('takes short action links that are not part of a sentence, beside a heading too', () => {
    expect(
      ctaTexts(
        '<div class="flex justify-between"><h2>Recent posts</h2><a href="/blog/">View all posts »</a></div>' +
          '<div><p>An open-source tool.</p><a href="https://github.com/acme/tool">Go to the project</a></div><div><a href="/contact/">Contact us</a></div>',
      ),
    ).toEqual(['View all posts »', 'Go to the project', 'Contact us']);
  });

  it('takes the secondary link of a button group (“Learn more →” beside “Get started”), not a lone “Learn more”', () => {
    expect(
      ctaTexts(
        '<div class="flex gap-4"><a class="rounded-md bg-indigo-600 px-3.5" href="/start">Get started</a><a href="/learn">Learn more →</a></div>',
      ),
    ).toEqual(['Get started', 'Learn more →']);
    expect(ctaTexts('<div><h3>Speed</h3><p>Fast.</p><a href="/speed">Learn more →</a></div>')).toEqual([]);
  });

  it('does not take action words inside running prose or link lists', () => {
    expect(
      ctaTexts(
        '<p>You can <a href="/docs/">read the guide</a> or <a href="/contact/">contact us</a> if anything goes wrong with it.</p>',
      ),
    ).toEqual([]);
    expect(
      ctaTexts(
        '<ul><li><a href="/a/">Get started with A</a></li><li><a href="/b/">Get started with B</a></li><li><a href="/c/">Get started with C</a></li></ul>',
      ),
    ).toEqual([]);
  });

  it('takes mailto: and tel: contact links; in prose only as unsure', () => {
    expect(
      ctaTexts(
        '<div><a href="mailto:hello@acme.com">hello@acme.com</a></div><div><a href="tel:+15551234">+1 555 1234</a></div>',
      ),
    ).toEqual(['hello@acme.com', '+1 555 1234']);
    const inProse = page(
      '<main><p>Write to me at <a href="mailto:me@x.com">me@x.com</a> any time you have a question.</p></main>',
    );
    expect(inProse.ctas).toEqual([]);
    expect(inProse.unsureCtas.map((cta) => [cta.visibleText, cta.confidence])).toEqual([['me@x.com', 0.4]]);
  });

  it('reads buttons from utility CSS and framework classes (Tailwind combos, DaisyUI, Bootstrap, Bulma)', () => {
    expect(
      ctaTexts(
        '<a href="/a" class="inline-flex items-center px-5 py-3 border border-transparent">Try it</a>' +
          '<a href="/b" class="md:px-6 hover:bg-indigo-700 bg-indigo-600">Pricing plans</a><a href="/c" class="btn btn-accent">Docs</a>' +
          '<a href="/d" class="button is-link">Guide</a>',
      ),
    ).toEqual(['Try it', 'Pricing plans', 'Docs', 'Guide']);
  });
});

describe('confidence', () => {
  it('is 1 for declared CTAs and lower for shapes, highest for button classes and submits', () => {
    const confidences = page(
      '<main><a data-cta="x" href="/x">Declared</a><a class="btn" href="/y">Styled</a>' +
        '<form action="/s"><input name="e"><button>Subscribe</button></form><div><a href="/z">Get the guide</a></div>' +
        '<div class="x"><h2>News</h2><a href="/n">See all news</a></div></main>',
    ).ctas.map((cta) => [cta.visibleText, cta.confidence]);
    expect(confidences).toEqual([
      ['Declared', 1],
      ['Styled', 0.9],
      ['Subscribe', 0.9],
      ['Get the guide', 0.85],
      ['See all news', 0.7],
    ]);
  });
});

describe('CTAs outside a partial <main>', () => {
  it('finds the closing CTA band after </main> but not the footer’s links', () => {
    expect(
      page(
        '<main><h1>Hero</h1></main><section><h2>Ready?</h2><a class="btn" href="/signup">Start free</a></section>' +
          '<footer><a class="btn" href="/contact">Contact</a></footer>',
      ).ctas.map((cta) => cta.visibleText),
    ).toEqual(['Start free']);
  });

  it('finds CTAs in a fragment without <body> (an MDX page without a layout)', () => {
    const fragment = createPage(
      '<h1>Launch</h1><p>Our new thing.</p><a class="btn" href="/buy">Buy now</a>',
      '/launch/',
      'launch/index.html',
    );
    expect(fragment.ctas.map((cta) => cta.visibleText)).toEqual(['Buy now']);
  });

  it('leaves header bars and copyright footers out on pages without landmarks', () => {
    expect(
      page(
        '<div class="top"><a href="/">Acme</a><a class="btn" href="/login">Log in</a></div><div><h1>Welcome</h1><a class="btn" href="/signup">Sign up</a></div>' +
          '<div class="bottom"><a class="btn" href="/contact">Contact</a> © 2026 Acme</div>',
      ).ctas.map((cta) => cta.visibleText),
    ).toEqual(['Sign up']);
  });
});

// Failure classes met on templates the audit had never seen (tests/fixtures/real-world: astroplate, astro-nomy,
// astro-erudite, astro-landing-page, astro-i18n-starter), each written as the general convention it follows.
describe('site conventions learned from unseen templates', () => {
  it('leaves a pager and "back to the list" links alone by their arrow icons, but not an action with an arrow', () => {
    const chevron = (side: string) => `<svg data-icon="lucide:chevron-${side}"><use href="#c"></use></svg>`;
    expect(
      ctaTexts(
        `<div class="flex justify-between"><a class="px-4 rounded-md hover:bg-accent" href="/docs/intro">${chevron('left')}Introduction</a>` +
          `<a class="px-4 rounded-md hover:bg-accent" href="/docs/components">Components${chevron('right')}</a></div>` +
          `<p><a class="px-4 rounded-md" href="/guides">${chevron('left')}See all guides</a></p>`,
      ),
    ).toEqual([]);
    expect(ctaTexts(`<p><a class="btn btn-primary" href="/signup">Get started${chevron('right')}</a></p>`)).toEqual([
      'Get started',
    ]);
  });

  it('leaves stretched overlay links of cards alone', () => {
    expect(
      ctaTexts(
        '<div class="relative"><h3>Docs</h3><p>How it works.</p><a href="/docs" class="absolute inset-0"><span class="sr-only">View</span></a></div>' +
          '<div class="card"><h3>API</h3><a class="stretched-link" href="/api"></a></div>',
      ),
    ).toEqual([]);
  });

  it('leaves a row of filter chips alone, "All posts" included', () => {
    const chip = (href: string, text: string) =>
      `<a class="inline-flex px-3 rounded-full bg-muted" href="${href}">${text}</a>`;
    expect(
      ctaTexts(
        `<div>${chip('/blog', 'All posts')}${chip('/blog/category/design', 'design')}${chip('/blog/category/code', 'code')}</div>`,
      ),
    ).toEqual([]);
  });

  it('leaves an envelope icon in a row of social profile icons alone', () => {
    expect(
      ctaTexts(
        '<ul><li><a aria-label="GitHub" href="https://github.com/jane"><svg></svg></a></li>' +
          '<li><a aria-label="Twitter" href="https://twitter.com/jane"><svg></svg></a></li>' +
          '<li><a aria-label="Email" href="mailto:jane@example.com"><svg></svg></a></li></ul>',
      ),
    ).toEqual([]);
  });

  it("leaves a card's repeated 'read more' in a grid of cards alone, keeps a featured post's button", () => {
    const card = (n: number) =>
      `<div class="md:col-6"><div><img src="/p${n}.png" alt=""><h4><a href="/blog/post-${n}">Post ${n}</a></h4>` +
      `<p>Summary.</p><a class="btn btn-outline-primary btn-sm" href="/blog/post-${n}">read more</a></div></div>`;
    expect(ctaTexts(`<div class="row">${card(1)}</div>`)).toEqual([]);
    expect(ctaTexts(`<div class="row">${card(1)}${card(2)}</div>`)).toEqual([]);
    expect(
      ctaTexts(
        '<section><div class="sm:order-1"><h2><a href="/blog/post-3/">Featured</a></h2>' +
          '<div class="mt-5"><a class="inline-flex rounded-lg px-4 py-3 bg-orange-400" href="/blog/post-3/">Read More</a></div></div></section>',
      ),
    ).toEqual(['Read More']);
  });

  it('takes "…and more →" closing a list of examples, and leaves review counts alone', () => {
    expect(ctaTexts('<p><a class="text-primary" href="https://example.com/all">...and more →</a></p>')).toEqual([
      '...and more →',
    ]);
    expect(ctaTexts('<p><a href="#reviews">See all 117 reviews</a></p>')).toEqual([]);
  });

  it('reads past icon-font ligatures and knows action verbs in more languages', () => {
    expect(
      ctaTexts(
        '<p><a href="/en/setup/" class="start"><span class="material-icons-sharp">arrow_forward</span> Start Setup</a></p>',
      ),
    ).toHaveLength(1);
    expect(ctaTexts('<p><a href="/ar/setup/">ابدأ الإعداد</a></p>')).toHaveLength(1);
    expect(ctaTexts('<p><a href="/ja/setup/">設定を開始</a></p>')).toHaveLength(1);
    expect(ctaTexts('<p><a href="/ru/buy/">Купить сейчас</a></p>')).toHaveLength(1);
  });

  it("takes an error page's stand-alone link home, named in any language", () => {
    expect(ctaTexts('<h1>404</h1><p>Not found.</p><a href="/" class="gotop">Top Page</a>')).toEqual(['Top Page']);
    expect(ctaTexts('<h1>404</h1><a href="/ja/">トップページ</a>')).toEqual(['トップページ']);
  });

  it('keeps a button that dismisses a dialog (onclick) unsure, takes one that opens a call-back form', () => {
    expect(
      ctaTexts(
        '<dialog><p>Modal</p><button class="button" onclick="closeModal()">Confirm action</button></dialog>' +
          '<button type="button" class="btn" onclick="document.getElementById(\'cb\').showModal()">Call me back</button>',
      ),
    ).toEqual(['Call me back']);
  });

  it('leaves announcement bars alone (Starlight sl-banner)', () => {
    expect(
      ctaTexts(
        '<div class="sl-banner">Updating to Astro 7? <a href="https://example.com/upgrade">Learn how to upgrade</a></div>',
      ),
    ).toEqual([]);
  });
});
