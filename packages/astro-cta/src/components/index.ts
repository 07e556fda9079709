// The component kit:
// `import { CTA, SocialProof, Countdown, Incentive, CTASection, Conversion } from 'astro-cta/components'`, and for
// offers and experiments `Offer`, `Choice`, `Experiment`, `Arm`, `ViewedItem`.
// In MDX these names need no import line once the integration is added (see integration/mdx-auto-import.ts).

export type { When } from '../offers/when.ts';
export { default as Arm } from './Arm.astro';
export { CtaAuthoringError } from './authoring-error.ts';
export { default as Choice } from './Choice.astro';
export { default as Conversion } from './Conversion.astro';
export { default as Countdown } from './Countdown.astro';
export { default as CTA } from './CTA.astro';
export { default as CTASection } from './CTASection.astro';
export { DEFAULT_DISCLOSURE } from './choice.ts';
export { type Deadline, formatDeadline, parseDeadline } from './deadline.ts';
export { default as Experiment } from './Experiment.astro';
export { default as Incentive } from './Incentive.astro';
export { default as Offer } from './Offer.astro';
export { default as SocialProof } from './SocialProof.astro';
export type { Count, ItemReviewed, Logo, Rating, Testimonial } from './social-proof.ts';
export { default as ViewedItem } from './ViewedItem.astro';
export type { CtaSize } from './validate.ts';
