/**
 * An offer alternative's condition (`data-cta-when`, JSON) as the audit reads it: which keys the chooser knows, what
 * each may hold, and which item ids it names (checked against the site's `data-cta-item` marks).
 *
 * The keys follow the behaviour signals of issue 12 (items viewed and how often, within a time window, carted,
 * purchased, returning visitor, campaign landing). The chooser script reads the same JSON: keep the two lists equal.
 */

type Check = (value: unknown) => string | undefined;

const itemIds: Check = (value) =>
  isItemId(value) || (Array.isArray(value) && value.length > 0 && value.every(isItemId))
    ? undefined
    : 'an item id (a non-empty string) or a list of them';

const CONDITION_KEYS: Readonly<Record<string, Check>> = {
  viewed: itemIds,
  carted: itemIds,
  purchased: itemIds,
  // `true`: the items named by `viewed`/`carted` were not bought; or the ids not bought.
  notPurchased: (value) => (value === true || itemIds(value) === undefined ? undefined : 'true or item ids'),
  within: (value) => (typeof value === 'string' && DURATION.test(value) ? undefined : 'a duration such as "7d", "12h"'),
  times: (value) => (Number.isInteger(value) && (value as number) >= 1 ? undefined : 'a whole number of at least 1'),
  returning: (value) => (typeof value === 'boolean' ? undefined : 'true or false'),
  campaign: (value) => (typeof value === 'string' && value.trim() !== '' ? undefined : 'a utm_campaign value'),
};

/** The keys a condition may have. */
export const KNOWN_CONDITION_KEYS: readonly string[] = Object.keys(CONDITION_KEYS);
/** Keys whose values are item ids. */
const ITEM_KEYS = ['viewed', 'carted', 'purchased', 'notPurchased'];
/** Keys that narrow an item signal rather than stand alone. */
const NEEDS_ITEM = ['within', 'times', 'notPurchased'];

/** A duration: a positive whole number of minutes, hours, days or weeks. */
const DURATION = /^[1-9]\d*(?:m|h|d|w)$/;

function isItemId(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

export type ConditionProblem =
  | { kind: 'json'; detail: string }
  | { kind: 'not-object' }
  | { kind: 'empty' }
  | { kind: 'unknown-key'; key: string }
  | { kind: 'bad-value'; key: string; expected: string }
  | { kind: 'needs-item'; key: string }
  | { kind: 'never'; item: string };

export interface Condition {
  problems: ConditionProblem[];
  /** Item ids the condition names (empty when it is not valid JSON). */
  items: string[];
}

/** Reads a `data-cta-when` value: what is wrong with it, and the item ids it names. */
export function readCondition(text: string): Condition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { problems: [{ kind: 'json', detail: (error as Error).message }], items: [] };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { problems: [{ kind: 'not-object' }], items: [] };
  }
  const record = parsed as Record<string, unknown>;
  const keys = Object.keys(record);
  const problems: ConditionProblem[] = [];
  if (keys.length === 0) problems.push({ kind: 'empty' });
  for (const key of keys) {
    const check = Object.hasOwn(CONDITION_KEYS, key) ? CONDITION_KEYS[key] : undefined;
    if (!check) {
      problems.push({ kind: 'unknown-key', key });
      continue;
    }
    const expected = check(record[key]);
    if (expected) problems.push({ kind: 'bad-value', key, expected });
  }
  const hasItemSignal = ['viewed', 'carted', 'purchased'].some((key) => Object.hasOwn(record, key));
  for (const key of NEEDS_ITEM) {
    // `notPurchased` with its own ids stands alone; `true` needs items to refer to.
    const standsAlone = key === 'notPurchased' && record[key] !== true;
    if (Object.hasOwn(record, key) && !hasItemSignal && !standsAlone) problems.push({ kind: 'needs-item', key });
  }
  const ids = (key: string): string[] => {
    const value = record[key];
    if (isItemId(value)) return [value.trim()];
    return Array.isArray(value) ? value.filter(isItemId).map((id) => id.trim()) : [];
  };
  // Bought and not bought at once: the condition can never be true.
  const notPurchased = record.notPurchased === true ? [...ids('viewed'), ...ids('carted')] : ids('notPurchased');
  const contradiction = ids('purchased').find((id) => notPurchased.includes(id));
  if (contradiction) problems.push({ kind: 'never', item: contradiction });
  const items = ITEM_KEYS.flatMap(ids);
  return { problems, items };
}

/** What is wrong, said to the author, with the fix. */
export function describeProblem(problem: ConditionProblem): string {
  switch (problem.kind) {
    case 'json':
      return `is not valid JSON (${problem.detail}); write it like {"viewed":"fjord-jacket","within":"7d"}`;
    case 'not-object':
      return 'is not a JSON object; write it like {"viewed":"fjord-jacket","within":"7d"}';
    case 'empty':
      return 'is empty, so it matches every visitor and the default is never shown; name a signal, e.g. {"returning":true}';
    case 'unknown-key':
      return `has the unknown key "${problem.key}", which the chooser ignores; known keys: ${KNOWN_CONDITION_KEYS.join(', ')}`;
    case 'bad-value':
      return `has "${problem.key}" set to something other than ${problem.expected}`;
    case 'never':
      return `asks for "${problem.item}" to be purchased and not purchased at once, so it is never true; drop one`;
    case 'needs-item':
      return `has "${problem.key}" without an item to apply it to; add "viewed", "carted" or "purchased"`;
  }
}
