/**
 * The markup contract as a table: every attribute, where it goes, what it holds and who reads it. Written once
 * here; `scripts/contract-table.ts` generates the table in packages/contract/README.md and on the docs site's
 * markup-contract page from it, and a test fails when either has drifted.
 */
import {
  ARM_WEIGHT,
  CHOICE_DEFAULT,
  CHOICE_WHEN,
  CHOOSE,
  COUNTDOWN_DEADLINE,
  COUNTDOWN_ENDED,
  COUNTDOWN_FOR,
  COUNTDOWN_ON_EXPIRE,
  COUNTDOWN_REMAINING,
  COUNTDOWN_RUNNING,
  CTA_ARM,
  CTA_EXPERIMENT,
  CTA_GOAL,
  CTA_GROUP,
  CTA_ID,
  CTA_IGNORE,
  CTA_NO_TRACK,
  CTA_ROLE,
  CTA_VARIANT,
  EXPERIMENT_DESTINATIONS,
  EXPERIMENT_ENDS,
  EXPERIMENT_HOLDOUT,
  EXPERIMENT_WINNER,
  INCENTIVE_KIND,
  OFFER_DISCLOSURE,
  OFFER_PERSONALISED,
  PROOF_KIND,
  PROOF_SOURCE,
  VIEWED_ITEM,
} from './index.ts';

export interface ContractAttribute {
  name: string;
  /** The element it goes on. */
  on: string;
  /** What it holds (Markdown). */
  value: string;
  /** Who reads it (Markdown). */
  readBy: string;
}

export const CONTRACT_ATTRIBUTES: readonly ContractAttribute[] = [
  {
    name: CTA_ID,
    on: 'the clickable element (`a`, `button`, `input[type=submit]`)',
    value: 'stable analytics id, unique per page',
    readBy: 'audit, beacon',
  },
  { name: CTA_ROLE, on: 'same', value: '`primary` or `secondary`', readBy: 'audit (`page-multiple-primary`)' },
  {
    name: CTA_VARIANT,
    on: 'same',
    value: '`primary`, `secondary`, `ghost`, `link`',
    readBy: 'beacon (reported), audit',
  },
  { name: CTA_GOAL, on: 'same', value: 'the conversion it stands for, e.g. `signup`', readBy: 'beacon (reported)' },
  {
    name: CTA_EXPERIMENT,
    on: 'same',
    value: 'the experiment this CTA takes part in, e.g. `hero-copy`',
    readBy: 'beacon (sent as `x`), collector report',
  },
  {
    name: CTA_ARM,
    on: 'same, with `data-cta-experiment`',
    value: 'the arm of that experiment this CTA is, e.g. `A`, `B`, `control`',
    readBy: 'beacon (sent as `a`), collector report',
  },
  {
    name: CTA_IGNORE,
    on: 'any element',
    value: 'rule ids separated by spaces or commas, or `all`',
    readBy: 'audit (suppresses on the element and its subtree)',
  },
  {
    name: CTA_NO_TRACK,
    on: 'a CTA',
    value: 'present: not reported by the beacon on purpose',
    readBy: 'beacon, audit (`cta-untracked`)',
  },
  {
    name: CTA_GROUP,
    on: 'wrapper of a CTA and its slots',
    value: 'present',
    readBy: 'countdown enhancer (`disable-cta`), audit',
  },
  {
    name: COUNTDOWN_DEADLINE,
    on: "a countdown's root",
    value: 'absolute deadline, RFC 3339 with offset (`2026-12-31T23:59:00+01:00`)',
    readBy: 'audit, countdown enhancer',
  },
  {
    name: COUNTDOWN_ON_EXPIRE,
    on: "a countdown's root",
    value: '`hide`, `replace`, `disable-cta`',
    readBy: 'audit, countdown enhancer',
  },
  {
    name: COUNTDOWN_FOR,
    on: "a countdown's root",
    value: '`data-cta` ids outside its group that `disable-cta` applies to',
    readBy: 'countdown enhancer',
  },
  {
    name: COUNTDOWN_RUNNING,
    on: 'inside a countdown',
    value: 'present: the part shown while the clock runs',
    readBy: 'audit, countdown enhancer',
  },
  {
    name: COUNTDOWN_REMAINING,
    on: 'inside the running part',
    value: 'present: the box the enhancer fills with the time left',
    readBy: 'countdown enhancer',
  },
  {
    name: COUNTDOWN_ENDED,
    on: 'inside a countdown',
    value: 'present: the part shown at zero',
    readBy: 'audit, countdown enhancer',
  },
  {
    name: CHOOSE,
    on: "the wrapper of an offer's or experiment's alternatives (with `data-cta-experiment` naming it)",
    value: '`offer` (chosen from behaviour signals on the device) or `experiment` (sticky weighted assignment)',
    readBy: 'chooser script, audit',
  },
  {
    name: CHOICE_WHEN,
    on: "an offer's alternative (with `data-cta-arm` naming it)",
    value: 'its condition on behaviour signals, JSON, e.g. `{"viewed":"fjord-jacket","within":"7d"}`',
    readBy: 'chooser script, audit',
  },
  {
    name: CHOICE_DEFAULT,
    on: 'one alternative per wrapper',
    value: 'present: shown without JavaScript, when nothing matches, and in the holdout',
    readBy: 'chooser script, audit',
  },
  {
    name: ARM_WEIGHT,
    on: "an experiment's arm",
    value: 'relative weight, a positive number (default 1)',
    readBy: 'chooser script, audit',
  },
  {
    name: EXPERIMENT_HOLDOUT,
    on: "an experiment's wrapper",
    value: 'share of visitors, 0 to 1, who see the default and are not counted',
    readBy: 'chooser script',
  },
  {
    name: EXPERIMENT_ENDS,
    on: "an experiment's wrapper",
    value: 'when it stops splitting, RFC 3339 with offset',
    readBy: 'chooser script, audit (`experiment-ended-still-splitting`)',
  },
  {
    name: EXPERIMENT_WINNER,
    on: "an experiment's wrapper",
    value: 'the arm everyone sees after the end or a decision',
    readBy: 'chooser script, audit',
  },
  {
    name: EXPERIMENT_DESTINATIONS,
    on: "an experiment's wrapper",
    value: '`differ`: its arms lead to different destinations on purpose',
    readBy: 'audit',
  },
  {
    name: OFFER_PERSONALISED,
    on: 'an alternative',
    value: 'present: its price or discount is personalised from behaviour signals',
    readBy: 'audit (`offer-personalised-undisclosed`)',
  },
  {
    name: OFFER_DISCLOSURE,
    on: 'inside a personalised alternative',
    value: 'present: the visible notice that the price was personalised',
    readBy: 'audit (`offer-personalised-undisclosed`)',
  },
  {
    name: VIEWED_ITEM,
    on: 'any element of a product page',
    value: 'the id of the item the page shows',
    readBy: 'behaviour signals module, audit',
  },
  { name: PROOF_KIND, on: 'social proof', value: '`testimonial`, `rating`, `count`, `logos`', readBy: 'audit' },
  {
    name: PROOF_SOURCE,
    on: 'a count or scarcity claim',
    value: 'where the number comes from',
    readBy: 'audit (`scarcity-unsourced`)',
  },
  { name: INCENTIVE_KIND, on: 'an incentive', value: '`discount`, `free-shipping`, `trial`, `bonus`', readBy: 'audit' },
];

/** The table as Markdown, as it appears in the README and on the docs page. */
export function contractTableMarkdown(): string {
  const rows = CONTRACT_ATTRIBUTES.map((row) => `| \`${row.name}\` | ${row.on} | ${row.value} | ${row.readBy} |`);
  return ['| attribute | on | value | read by |', '|---|---|---|---|', ...rows].join('\n');
}
