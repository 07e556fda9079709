/**
 * The CTA markup contract.
 *
 * These attribute names are the only thing the three parts of astro-cta share: the components write them,
 * the audit reads them from built HTML, the beacon reads them in the visitor's browser. Hand-written HTML
 * that carries them is audited and reported exactly like the kit's own components. See README.md beside
 * this package for the meaning of each attribute and an example.
 *
 * Kept dependency-free and side-effect-free: the beacon imports it into a ≤ 1 KB bundle.
 */

/** On the clickable element (`<a>`, `<button>`, `<input type=submit>`): the CTA's stable analytics id. */
export const CTA_ID = 'data-cta';
/** `primary` or `secondary`: how many primaries a page may have is an audit rule. */
export const CTA_ROLE = 'data-cta-role';
/** The visual variant: `primary`, `secondary`, `ghost` or `link`. Reported with clicks so variants can be compared. */
export const CTA_VARIANT = 'data-cta-variant';
/** The conversion the CTA stands for (`signup`, `purchase`…). Free text, reported with clicks. */
export const CTA_GOAL = 'data-cta-goal';
/** The experiment a CTA takes part in (free text, e.g. `hero-copy-2026-11`); reported with its events. */
export const CTA_EXPERIMENT = 'data-cta-experiment';
/** The arm of that experiment this CTA is (`A`, `B`, `control`…); only meaningful with `data-cta-experiment`. */
export const CTA_ARM = 'data-cta-arm';
/**
 * Suppresses audit rules on this element and its descendants: a space- or comma-separated list of rule ids,
 * or `all`. Written by authors, never by the components.
 */
export const CTA_IGNORE = 'data-cta-ignore';
/** Opts an element out of click and impression reporting (the audit's `cta-untracked` knows this is on purpose). */
export const CTA_NO_TRACK = 'data-cta-notrack';

/**
 * On the element that groups a CTA with its social proof, countdown and incentive (written by `<CTA>` when a
 * slot is used). A countdown with `disable-cta` disables the CTAs in its group.
 */
export const CTA_GROUP = 'data-cta-group';

/** On a countdown's root element: its absolute deadline, ISO 8601 with a UTC offset. */
export const COUNTDOWN_DEADLINE = 'data-cta-countdown';
/** On a countdown's root: what happens at zero — `hide`, `replace` or `disable-cta`. */
export const COUNTDOWN_ON_EXPIRE = 'data-cta-on-expire';

/** On a countdown's root: space-separated `data-cta` ids of CTAs outside its group that `disable-cta` applies to. */
export const COUNTDOWN_FOR = 'data-cta-for';

/** Inside a countdown's root: the part shown while the clock runs (hidden at zero). */
export const COUNTDOWN_RUNNING = 'data-cta-running';
/** Inside the running part: the box the enhancer fills with the time left. */
export const COUNTDOWN_REMAINING = 'data-cta-remaining';
/** Inside a countdown's root: the part shown at zero (`replace`, `disable-cta`). */
export const COUNTDOWN_ENDED = 'data-cta-ended';

/** On a social-proof element: `testimonial`, `rating`, `count` or `logos`. */
export const PROOF_KIND = 'data-cta-proof';
/** On a scarcity or count claim: where the number comes from (a URL or a short description). */
export const PROOF_SOURCE = 'data-cta-source';
/** On an incentive: `discount`, `free-shipping`, `trial` or `bonus`. */
export const INCENTIVE_KIND = 'data-cta-incentive';

/**
 * Offers and experiments: pre-rendered alternatives of which the visitor's device shows one, chosen before first
 * paint. The wrapper carries `data-cta-choose` (`offer`: chosen by on-device behaviour signals; `experiment`: a
 * sticky weighted random assignment) and `data-cta-experiment` with the name; each alternative carries
 * `data-cta-arm` with its name, and so do the CTAs inside it, so their events compare alternatives in the report.
 */
export const CHOOSE = 'data-cta-choose';
/** On an offer's alternative: its condition on behaviour signals as JSON, e.g. `{"viewed":"fjord-jacket","within":"7d"}`. */
export const CHOICE_WHEN = 'data-cta-when';
/** On the alternative shown without JavaScript, and when no condition matches or the experiment has ended. */
export const CHOICE_DEFAULT = 'data-cta-default';
/** On an experiment's arm: its relative weight (a positive number; default 1). */
export const ARM_WEIGHT = 'data-cta-weight';
/** On an experiment's wrapper: the share of visitors (0 to 1) held out: they see the default and are not counted. */
export const EXPERIMENT_HOLDOUT = 'data-cta-holdout';
/** On an experiment's wrapper: when it stops splitting (RFC 3339 with offset); everyone sees the winner after it. */
export const EXPERIMENT_ENDS = 'data-cta-ends';
/** On an experiment's wrapper: the arm everyone sees once the experiment has ended or been decided. */
export const EXPERIMENT_WINNER = 'data-cta-winner';
/** On an experiment's wrapper: `differ` declares that its arms' CTAs lead to different destinations on purpose. */
export const EXPERIMENT_DESTINATIONS = 'data-cta-destinations';
/** On an alternative whose price or discount is personalised from behaviour signals. */
export const OFFER_PERSONALISED = 'data-cta-personalised';
/** Inside a personalised alternative: the visible notice that its price or discount was personalised. */
export const OFFER_DISCLOSURE = 'data-cta-disclosure';
/** On any element of a product page: the id of the item it shows, recorded on the device as viewed. */
export const VIEWED_ITEM = 'data-cta-item';

/**
 * The keys of an offer's condition (`data-cta-when`): the kit's chooser evaluates them and the audit checks them, so
 * both read this one list.
 */
export const CHOICE_CONDITION_KEYS = [
  'viewed',
  'times',
  'inCart',
  'within',
  'notPurchased',
  'returning',
  'campaign',
] as const;
export type ChoiceConditionKey = (typeof CHOICE_CONDITION_KEYS)[number];

export const CTA_ROLES = ['primary', 'secondary'] as const;
export type CtaRole = (typeof CTA_ROLES)[number];

export const CTA_VARIANTS = ['primary', 'secondary', 'ghost', 'link'] as const;
export type CtaVariant = (typeof CTA_VARIANTS)[number];

export const COUNTDOWN_EXPIRE_MODES = ['hide', 'replace', 'disable-cta'] as const;
export type CountdownExpireMode = (typeof COUNTDOWN_EXPIRE_MODES)[number];

export const PROOF_KINDS = ['testimonial', 'rating', 'count', 'logos'] as const;
export type ProofKind = (typeof PROOF_KINDS)[number];

export const INCENTIVE_KINDS = ['discount', 'free-shipping', 'trial', 'bonus'] as const;
export type IncentiveKind = (typeof INCENTIVE_KINDS)[number];

/** CSS selector for every element that declares a CTA. */
export const CTA_SELECTOR = `[${CTA_ID}]`;

/** The role a variant implies when the author does not set one. */
export function roleForVariant(variant: CtaVariant): CtaRole {
  return variant === 'primary' ? 'primary' : 'secondary';
}

/** Parses a `data-cta-ignore` value into rule ids (`all` stands for every rule). */
export function parseIgnoreList(value: string | null | undefined): string[] {
  if (!value) return [];
  return value.split(/[\s,]+/).filter(Boolean);
}

export * from './deadline.ts';
export * from './events.ts';
export * from './self-serving.ts';
