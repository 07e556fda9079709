/**
 * The markup `<Conversion>` renders and its enhancer reads: an inert `<template>` carrying the goal reached on this
 * page, and its value and currency. Not part of the CTA contract (the audit and the core beacon never read them).
 */
export const CONVERSION_GOAL = 'data-cta-conversion';
export const CONVERSION_VALUE = 'data-cta-conversion-value';
export const CONVERSION_CURRENCY = 'data-cta-conversion-currency';
