import picomatch from 'picomatch';
import { NEVER_CONVERTING } from '../page-kind.ts';
import type { Rule } from '../types.ts';

/** How users change which pages need a CTA: quoted by every finding of this rule. */
const REMEDY =
  'Not meant to convert? Set `ctaAudit: { ignore: [page-no-cta] }` in its frontmatter, or list the pages that ' +
  'need a CTA with the audit option `requireCta` (`--require-cta <glob>` on the CLI).';

const compiled = new WeakMap<readonly string[], (route: string) => boolean>();

/** A matcher for `requireCta` globs; `/landing` and `/landing/` match alike. Compiled once per options array. */
function matcherFor(globs: readonly string[]): (route: string) => boolean {
  let match = compiled.get(globs);
  if (!match) {
    const matches = picomatch([...globs], { dot: true });
    match = (route) => matches(route) || matches(route.replace(/\/$/, ''));
    compiled.set(globs, match);
  }
  return match;
}

export const pageNoCta: Rule = {
  meta: {
    id: 'page-no-cta',
    severity: 'warning',
    category: 'structure',
    description: 'A page that should convert has no call to action in its main content.',
    rationale:
      'A landing page without a call to action leaves visitors with nothing to do next. Navigation, header and ' +
      'footer links do not count: they are on every page and are not what the page asks for. By default only ' +
      'pages meant to convert are checked: tag, category and author indexes, paginated and other lists, archives, ' +
      'search, documentation, legal, error, redirect, feed, noindex and CMS pages are told apart by their URL, ' +
      "their markup (robots meta, rel=prev/next, a content made of cards) and the site's routes; any other page " +
      'converts when it shows a sign of selling (the home page, a pricing, product, contact or services URL, a ' +
      'form, a price, an offer), so a tool or a sample page is left alone. The ' +
      '`requireCta` option (route globs) names the pages that must have one instead.',
    examples: {
      fail: ['<h1>Our product</h1><p>It is great. <a href="/docs">Read the docs</a> to learn how.</p>'],
      pass: ['<h1>Our product</h1><a class="button" href="/signup">Start your free trial</a>'],
    },
    options: {
      requireCta: {
        description:
          'Route globs of the pages that must have a CTA, e.g. ["/", "/landing/**"]. Unset: every page meant to ' +
          'convert, by its page kind. Error pages, redirects, feeds and CMS shells never need one.',
        default: undefined,
        setWith: 'requireCta in the audit options, --require-cta <glob> on the CLI',
      },
    },
    messages: {
      missing:
        'This page has no call to action in its main content ({reason}, so it is expected to convert). Add a ' +
        `<CTA>. ${REMEDY}`,
      missingRequired:
        'This page matches the `requireCta` option but has no call to action in its main content. Add a <CTA>, or ' +
        'leave the page out of `requireCta` (`--require-cta` on the CLI) or set ' +
        '`ctaAudit: { ignore: [page-no-cta] }` in its frontmatter.',
    },
  },
  check(page, report, site) {
    // Unsure CTAs count too: the rule reports an absence, and an unsure CTA is not one.
    if ([...page.ctas, ...page.unsureCtas].some((cta) => page.inContent(cta.element))) return;
    const requireCta = site.options.requireCta as readonly string[] | undefined;
    if (requireCta && !matcherFor(requireCta)(page.route)) return;
    const { kind } = page;
    if (NEVER_CONVERTING.has(kind.kind) || (!requireCta && !kind.converting)) return;
    report(requireCta ? { messageId: 'missingRequired' } : { messageId: 'missing', data: { reason: kind.reason } });
  },
};
