import {
  COUNTDOWN_DEADLINE,
  COUNTDOWN_ENDED,
  COUNTDOWN_ON_EXPIRE,
  COUNTDOWN_RUNNING,
  CTA_GROUP,
  readDeadline,
} from '@astro-cta/contract';
import type { Element } from 'domhandler';
import { attr, closestAncestor, has, isHidden } from '../../dom.ts';
import { type Deadline, parseDeadline } from '../../text/dates.ts';
import type { PageContext } from '../../types.ts';
import { hiddenFromEveryone } from './choices.ts';
import { subtree } from './elements.ts';

/** A countdown on a page: the kit's (`data-cta-countdown`) or a hand-written one recognised by its markup. */
export interface Countdown {
  element: Element;
  /** Declared through the markup contract. */
  declared: boolean;
  /** The deadline as written, and where. */
  deadlineText: string | undefined;
  deadlineFrom: string | undefined;
  deadline: Deadline | undefined;
  /** A countdown script's duration setting (`data-duration`, `data-minutes`…): a timer relative to the visit. */
  durationAttribute: string | undefined;
  onExpire: string | undefined;
  /** The `<time>` elements inside it. */
  times: Element[];
  /** Not rendered (`hidden`, `display: none` on it or an ancestor): it claims nothing to anyone. */
  hidden: boolean;
  /** Rendered in its ended state, as the kit's countdown does when the build runs after its deadline. */
  showsEnded: boolean;
}

/** Class or id words that name a countdown in hand-written markup and common countdown scripts. */
const COUNTDOWN_NAME =
  /count-?down|(?:^|[\s_-])(?:timer|deal-?timer|offer-?timer|flip-?clock|clock-?timer)(?:$|[\s_-])/i;
const HEADING = /^h[1-6]$/;
/** Data attributes countdown scripts read their deadline from. */
const DEADLINE_ATTRIBUTES = [
  'data-deadline',
  'data-countdown',
  'data-end',
  'data-end-date',
  'data-end-time',
  'data-ends-at',
  'data-ends',
  'data-expires',
  'data-expiry',
  'data-date',
  'data-target-date',
  'data-until',
];
/** Data attributes that make a timer relative to the visit instead of a fixed moment. */
const DURATION_ATTRIBUTES = [
  'data-duration',
  'data-minutes',
  'data-hours',
  'data-seconds',
  'data-time-left',
  'data-remaining',
  'data-evergreen',
];

/** The attributes above that only countdown scripts use (`data-date` or `data-minutes` alone could be anything). */
const IDENTIFYING_ATTRIBUTES = new Set(
  [...DEADLINE_ATTRIBUTES, ...DURATION_ATTRIBUTES].filter(
    (name) => !['data-date', 'data-end', 'data-hours', 'data-minutes', 'data-seconds'].includes(name),
  ),
);

function isCountdownElement(element: Element): boolean {
  if (
    element.name === 'script' ||
    element.name === 'style' ||
    element.name === 'html' ||
    element.name === 'body' ||
    element.name === 'main'
  )
    return false;
  if (has(element, COUNTDOWN_DEADLINE) || attr(element, 'role') === 'timer') return true;
  // Headings get ids from their text ("Slots: incentive, countdown…"): a name there is a slug, not a widget.
  if (HEADING.test(element.name)) return false;
  if (COUNTDOWN_NAME.test(attr(element, 'class') ?? '') || COUNTDOWN_NAME.test(attr(element, 'id') ?? '')) return true;
  // Runs on every element of every page: looking up its few attributes (usually none) in the set is much cheaper
  // than asking each element for each of the dozen names. Parsed attribute values are always strings, never null.
  // A for-in loop rather than Object.keys: no array per element (attribs are plain objects: nothing enumerable is inherited).
  for (const name in element.attribs) {
    if (IDENTIFYING_ATTRIBUTES.has(name)) return !isNotifier(element);
  }
  return false;
}

/** Roles and names of notification areas (toasts, snackbars, flash messages). */
const NOTIFIER_ROLES = new Set(['log', 'status', 'alert', 'alertdialog']);
const NOTIFIER_NAME = /(?:^|[\s_-])(?:toasts?|snackbars?|notifications?|notifier|flash|alerts?)(?:$|[\s_-])/i;

/**
 * A notification area's `data-duration` is how long each message shows before it is dismissed, not an offer's
 * timer: live regions and toast providers are never countdowns by their attributes alone.
 */
function isNotifier(element: Element): boolean {
  return (
    NOTIFIER_ROLES.has(attr(element, 'role') ?? '') ||
    NOTIFIER_NAME.test(`${attr(element, 'class') ?? ''} ${attr(element, 'id') ?? ''}`)
  );
}

/** The page's countdowns, outermost elements only: `page.countdowns`, found once per page. */
export function countdownsOf(page: PageContext): readonly Countdown[] {
  return page.countdowns;
}

/** Finds the page's countdowns (a countdown's own digits are not countdowns of their own). See `page.countdowns`. */
export function findCountdowns(page: Pick<PageContext, 'elements'>): Countdown[] {
  const elements = page.elements.filter(isCountdownElement);
  const found = new Set(elements);
  const outermost = elements.filter(
    (element) => !element.parent || !closestAncestor(element.parent as Element, (el) => found.has(el)),
  );
  return outermost.map(describe);
}

function describe(element: Element): Countdown {
  const inside = subtree(element);
  const times = inside.filter((el) => el.name === 'time');
  let deadlineText: string | undefined;
  let deadlineFrom: string | undefined;
  const declared = has(element, COUNTDOWN_DEADLINE);
  const sources: [Element, string][] = [COUNTDOWN_DEADLINE, ...DEADLINE_ATTRIBUTES].flatMap((name) =>
    inside.filter((el) => has(el, name)).map((el) => [el, name] as [Element, string]),
  );
  for (const time of times) if (has(time, 'datetime')) sources.push([time, 'datetime']);
  const [source] = sources.filter(([el, name]) => (attr(el, name) ?? '').trim() !== '');
  if (source) {
    deadlineText = attr(source[0], source[1])!.trim();
    deadlineFrom = source[1] === 'datetime' ? '<time datetime>' : source[1];
  }
  const durationAttribute = DURATION_ATTRIBUTES.find((name) => inside.some((el) => has(el, name)));
  const onExpireHolder =
    closestAncestor(element, (el) => has(el, COUNTDOWN_ON_EXPIRE)) ?? inside.find((el) => has(el, COUNTDOWN_ON_EXPIRE));
  return {
    element,
    declared,
    deadlineText,
    deadlineFrom,
    deadline: deadlineText === undefined ? undefined : deadlineOf(deadlineText, deadlineFrom === COUNTDOWN_DEADLINE),
    durationAttribute,
    onExpire: onExpireHolder ? attr(onExpireHolder, COUNTDOWN_ON_EXPIRE) : undefined,
    times,
    // An offer's alternative hidden in the HTML is still shown to the visitors it is chosen for.
    hidden: closestAncestor(element, hiddenFromEveryone) !== undefined,
    showsEnded:
      inside.some((el) => has(el, COUNTDOWN_ENDED) && !isHidden(el)) &&
      inside.some((el) => has(el, COUNTDOWN_RUNNING) && isHidden(el)),
  };
}

/**
 * A deadline as written. The contract's attribute in its RFC 3339 form is read with the contract's own parser (the
 * one the components write it with and the enhancer reads it with); everything else (durations, timestamps, dates
 * without an offset, scripts' data attributes) is recognised leniently, so the rules can say what it is.
 */
function deadlineOf(text: string, contractAttribute: boolean): Deadline {
  const parsed = contractAttribute ? readDeadline(text) : undefined;
  if (parsed && !('problem' in parsed)) return { kind: 'absolute', date: new Date(parsed.epochMs) };
  return parseDeadline(text);
}

/** Where a countdown's terms belong: its CTA group, else its parent element. */
export function countdownScope(countdown: Countdown): Element {
  const group = closestAncestor(countdown.element, (el) => has(el, CTA_GROUP));
  if (group) return group;
  const parent = countdown.element.parent;
  return parent && 'name' in parent && (parent as Element).name !== 'body' && (parent as Element).name !== 'html'
    ? (parent as Element)
    : countdown.element;
}
