// The component kit:
// `import { CTA, SocialProof, Countdown, Incentive, CTASection, Conversion } from 'astro-cta/components'`.
// In MDX these names need no import line once the integration is added (see integration/mdx-auto-import.ts).
export { default as CTA } from './CTA.astro';
export { default as SocialProof } from './SocialProof.astro';
export { default as Incentive } from './Incentive.astro';
export { default as Countdown } from './Countdown.astro';
export { default as CTASection } from './CTASection.astro';
export { default as Conversion } from './Conversion.astro';

export type { Testimonial, Rating, Count, Logo, ItemReviewed } from './social-proof.ts';
export type { CtaSize } from './validate.ts';
export { CtaAuthoringError } from './authoring-error.ts';
export { parseDeadline, formatDeadline, type Deadline } from './deadline.ts';

