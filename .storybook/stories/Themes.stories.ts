import Showcase from '../fixtures/Showcase.astro';
import { deadlineIn } from './story-helpers.ts';

/** Every component on a dark page and in a right-to-left page (Arabic text where the component has text). */
export default { title: 'Themes/Dark and RTL', component: Showcase };

const rating = { value: 4.8, count: 1204, itemReviewed: { type: 'SoftwareApplication', name: 'Acme' } };
const section = {
  headline: 'Ship landing pages that convert',
  subhead: 'Accessible CTAs, honest urgency, zero JavaScript by default.',
  primary: { id: 'start-trial', href: '/signup', label: 'Start your free trial' },
  secondary: { id: 'book-demo', href: '/demo', label: 'Book a demo' },
};
const dark = { theme: 'dark' };
const rtl = { dir: 'rtl', lang: 'ar' };

export const CtaPrimaryDark = { args: { ...dark, component: 'CTA', props: { id: 'a', href: '/signup' }, text: 'Start your free trial' } };
export const CtaSecondaryDark = { args: { ...dark, component: 'CTA', props: { id: 'b', href: '/demo', variant: 'secondary' }, text: 'Book a demo' } };
export const CtaGhostDark = { args: { ...dark, component: 'CTA', props: { id: 'c', href: '/pricing', variant: 'ghost' }, text: 'See pricing' } };
export const CtaLinkDark = { args: { ...dark, component: 'CTA', props: { id: 'd', href: '/docs', variant: 'link' }, text: 'Read the docs' } };
export const CtaExternalRtl = { args: { ...rtl, component: 'CTA', props: { id: 'e', href: 'https://example.com', external: true }, text: 'ابدأ تجربتك المجانية' } };
export const CountdownDark = { args: { ...dark, component: 'Countdown', props: { deadline: deadlineIn(2.3), locale: 'en-GB' } } };
export const CountdownRtl = { args: { ...rtl, component: 'Countdown', props: { deadline: deadlineIn(2.3), locale: 'ar', label: 'ينتهي' } } };
export const IncentiveDark = { args: { ...dark, component: 'Incentive', props: { kind: 'discount', percent: 20, code: 'WINTER20', terms: '/terms' } } };
export const IncentiveRtl = { args: { ...rtl, component: 'Incentive', props: { kind: 'discount', percent: 20, code: 'WINTER20', terms: '/terms', locale: 'ar' } } };
export const SocialProofDark = { args: { ...dark, component: 'SocialProof', props: { rating } } };
export const SocialProofRtl = { args: { ...rtl, component: 'SocialProof', props: { rating, locale: 'ar' } } };
export const CTASectionDark = { args: { ...dark, component: 'CTASection', props: section } };
export const CTASectionRtl = { args: { ...rtl, component: 'CTASection', props: section } };
