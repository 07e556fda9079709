import type { Document, Element } from 'domhandler';
import type { PageKindResult } from './page-kind.ts';
import type { Choices } from './rules/support/choices.ts';
import type { Countdown } from './rules/support/countdown.ts';
import type { PageJsonLd } from './rules/support/jsonld.ts';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export type Category = 'accessibility' | 'copy' | 'structure' | 'honesty' | 'structured-data' | 'audit';

/** Everything a rule says about itself: the docs page, the help URL and the rule's own tests come from this. */
export interface RuleMeta {
  id: string;
  severity: Severity;
  category: Category;
  /** One line: what the rule finds. */
  description: string;
  /** Why it matters, with the source it rests on. */
  rationale: string;
  /** HTML snippets (inside a page's `<main>`) the rule must flag, and ones it must leave alone. */
  examples: { fail: string[]; pass: string[] };
  /**
   * False for rules that run only when asked for (the `strict` preset, or `rules` in the configuration): their
   * measured precision is not yet high enough to report by default. Default true.
   */
  recommended?: boolean;
  /** The options the rule takes (ESLint-style), with their defaults and where users set them. */
  options?: Readonly<Record<string, RuleOptionMeta>>;
  /** Option values the examples run with, for rules that judge more than the HTML (measured numbers, say). */
  exampleOptions?: Readonly<Record<string, unknown>>;
  /** Message templates by id; `{name}` is filled from the report's `data`. Tests assert on ids, not prose. */
  messages?: Readonly<Record<string, string>>;
}

/** One option of a rule. Values are plain data (they are sent to worker threads). */
export interface RuleOptionMeta {
  description: string;
  /** The value when the user sets nothing. */
  default: unknown;
  /** Where users set it: the audit configuration key, the CLI flag, frontmatter. Quoted by findings it changes. */
  setWith: string;
}

/** A CTA as the audit recognises it, from the markup contract or from the shape of hand-written HTML. */
export interface Cta {
  element: Element;
  /** `data-cta` value, when the contract declares one. */
  id: string | undefined;
  role: 'primary' | 'secondary';
  kind: 'link' | 'button' | 'submit';
  /** Accessible name, whitespace collapsed. */
  name: string;
  /** Text a sighted user sees (no aria-label, no visually hidden text). */
  visibleText: string;
  href: string | undefined;
  /** True when declared through the markup contract rather than recognised by shape. */
  declared: boolean;
  /** How sure recognition is, 0 to 1 (1 when declared). See CONFIDENCE in recognize.ts. */
  confidence: number;
}

/**
 * One page as every rule sees it. Parsed once; each fact below the `document` is computed the first time a rule
 * asks for it and kept on this object for the other rules, so a page pays only for the facts its rules use, and
 * everything goes with the page when the next one is audited.
 */
export interface PageContext {
  /** Site-relative URL path of the page, e.g. `/pricing/`. */
  route: string;
  /** Built file, relative to the audited directory, with forward slashes. */
  file: string;
  html: string;
  document: Document;
  /** `lang` of the document element, lowercased, or '' when missing. */
  lang: string;
  /** The page's main content element: `<main>`, or `<body>` when the page has none. */
  main: Element | undefined;
  /**
   * The page's own content: `main` and the sections after it before the site footer (closing CTA bands), or the
   * top-level elements of a fragment without `<body>`. See main-content.ts.
   */
  content: readonly Element[];
  /** True when the element is inside the page's own content. */
  inContent(element: Element): boolean;
  /** CTAs recognised confidently (declared, or by shape with confidence >= CONFIDENT): what rules report on. */
  ctas: Cta[];
  /** CTAs recognition is unsure of: not reported on, but they do count as "a CTA is there". */
  unsureCtas: Cta[];
  /** Every element of the page in document order (recorded while parsing): filter it rather than walk the tree. */
  elements: readonly Element[];
  /** What the page is for (a page meant to convert, a tag index, an error page…), from page-kind.ts. */
  kind: PageKindResult;
  /** The page's countdowns, outermost elements only (rules/support/countdown.ts). */
  countdowns: readonly Countdown[];
  /** The page's offers and experiments and their alternatives (rules/support/choices.ts). */
  choices: Choices;
  /** Every JSON-LD block of the page, parsed (rules/support/jsonld.ts); invalid blocks are listed, never thrown. */
  jsonLd: PageJsonLd;
  /** What a sighted visitor can read on the whole page (no scripts, hidden or visually hidden text). */
  visibleText: string;
  /** Looks up an element by id (cached). */
  byId(id: string): Element | undefined;
  /** Where an element is, for findings reported later (by `afterAll`). */
  locate(element: Element): Location;
}

/** A place in a source file: where an element is written. */
export interface SourcePlace {
  /** Project-relative (matches) or as Astro annotated it (absolute in `astro dev`). */
  file: string;
  line?: number;
  column?: number;
  /** How the place was found: Astro's annotation, or matching the built element against `src/`. */
  via?: 'annotation' | 'match';
  /** 0 to 1; 1 for annotations. */
  confidence?: number;
  /** For matches: what matched (`text`, `href`, …). */
  matchedOn?: string[];
}

export interface Location {
  line: number;
  column: number;
  selector: string;
  excerpt: string;
  /** Where the element is written in the source, when the page says so (see Finding.source). */
  source?: SourcePlace;
}

/** Facts about the whole audited site, shared by every page of one run. */
export interface SiteFacts {
  /** Every page route in the audited build. */
  routes: ReadonlySet<string>;
  /** The moment the audit treats as "now" (deadlines before it have expired). */
  now: Date;
  /**
   * Element ids on a page of the build (for `#fragment` targets); undefined when the route is not in the build.
   * Only `afterAll` may ask: while pages are checked, other pages may not be written yet (see `keep`).
   */
  idsOf(route: string): ReadonlySet<string> | undefined;
}

/** What a rule's `check` knows about the whole site while it looks at one page. */
export interface SiteContext extends Omit<SiteFacts, 'idsOf'> {
  /**
   * Keeps a value for this rule's `afterAll`, which sees every page's kept values in page order. Pages may be
   * checked in worker threads, so keep plain data (no elements, no functions): it is copied between threads.
   */
  keep(value: unknown): void;
  /** This rule's options: what the configuration set, else the defaults in its meta. */
  options: Readonly<Record<string, unknown>>;
}

/** What a rule's `afterAll` knows once every page was checked. */
export interface SiteSummary extends SiteFacts {
  /** Everything this rule kept with `site.keep`, in page order. */
  kept: readonly unknown[];
}

/** A value a rule kept while checking a page, with the rule's id. */
export type Kept = [ruleId: string, value: unknown];

/** A finding reported after all pages were checked: it names its own page and place. */
export interface SiteReportInput extends Partial<Location> {
  route: string;
  file: string;
  /** The message; or give `messageId` (a key of the rule's `meta.messages`) and `data` to fill it. */
  message?: string;
  messageId?: string;
  data?: Readonly<Record<string, string | number>>;
}

export interface ReportInput {
  /** The message; or give `messageId` (a key of the rule's `meta.messages`) and `data` to fill it. */
  message?: string;
  messageId?: string;
  data?: Readonly<Record<string, string | number>>;
  /** The element the finding is about; gives the excerpt, CSS path, line and column. */
  element?: Element;
}

export interface Rule {
  meta: RuleMeta;
  /** Option values set by the configuration (see `withOptions`); missing ones take the defaults in `meta.options`. */
  options?: Readonly<Record<string, unknown>>;
  check(page: PageContext, report: (finding: ReportInput) => void, site: SiteContext): void;
  /** For rules that compare pages: called once after every page was checked, with what they kept. */
  afterAll?(report: (finding: SiteReportInput) => void, site: SiteSummary): void;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** The id of the message in the rule's `meta.messages`, when it reported by id. */
  messageId?: string;
  route: string;
  file: string;
  line?: number;
  column?: number;
  selector?: string;
  excerpt?: string;
  helpUrl: string;
  /**
   * The source file the page was built from (e.g. `src/pages/pricing.astro` or `src/content/docs/intro.mdx`),
   * when the integration or the CLI could tell. Filled in by the audit runner, never by rules.
   */
  sourceHint?: string;
  /**
   * Where the element is written in the source (the component file): from Astro's `data-astro-source-file`/`-loc`
   * annotations (`astro dev`), or after a build by matching the element against `src/` (source-match.ts), with
   * how sure that match is. `line`/`column` above stay the built file's.
   */
  source?: SourcePlace;
  /** Set on the `audit-error` of a page that hit the time budget: unlike other audit errors it counts toward failOn. */
  timedOut?: true;
  /**
   * The same rule said the same thing about other elements of this page (ten cards built from one component): one
   * finding stands for the pattern, and these are the built-file positions of the repeats ("and 9 more like it").
   */
  alsoAt?: { line?: number; column?: number }[];
}
