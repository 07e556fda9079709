/**
 * The core's settings decided at build time. This file is what every plain install runs: `built` is false, so the
 * core reads its options at run time. The astro-cta integration's build replaces this module with one of constants
 * for its configuration (build.ts writes it), and the minifier drops every option check and every branch that
 * configuration does not use: the default page pays nothing for options nobody set.
 */
export const built = false as boolean;
/** The collector URL; '' when events go only to sinks. */
export const endpoint = '' as string;
/** Whether a `sink` is passed (an analytics platform or your own function). */
export const sink = false as boolean;
/** Whether a `gate` is passed (the consent gate). */
export const gate = false as boolean;
/** Whether an `href` is passed (e.g. `keepQuery()`); false keeps the default destination. */
export const href = false as boolean;
/** Whether `@astro-cta/beacon/history` may run: the core then listens for its page event. */
export const history = false as boolean;
/** Honour Global Privacy Control. */
export const gpc = true as boolean;
/** Honour Do Not Track. */
export const dnt = true as boolean;
/** Report on localhost too. */
export const localhost = false as boolean;
/** Report in automated browsers too. */
export const automation = false as boolean;
/** The visit id. */
export const visits = false as boolean;
