import Section from '../fixtures/Section.astro';
import { deadlineIn } from './story-helpers.ts';

/** CTASection with a CTA carrying incentive and countdown, a secondary CTA and social proof. */
export default { title: 'Compositions/CTASection with slots', component: Section };

const deadline = deadlineIn(4.25);

export const Split = { args: { deadline } };
export const Stacked = { args: { deadline, layout: 'stacked' } };
export const Dark = { args: { deadline, theme: 'dark' } };
export const RightToLeft = { args: { deadline, dir: 'rtl', lang: 'ar' } };
export const SaleEnded = { args: { deadline: '2025-01-31T23:59:00+01:00' } };
