import CTASection from '../../packages/astro-cta/src/components/CTASection.astro';
import { LONG_LABEL } from './story-helpers.ts';

export default { title: 'Components/CTASection', component: CTASection };

const primary = { id: 'start-trial', href: '/signup', label: 'Start your free trial', goal: 'signup' };
const secondary = { id: 'book-demo', href: '/demo', label: 'Book a demo' };

export const Split = {
  args: { headline: 'Ship landing pages that convert', subhead: 'Accessible CTAs, honest urgency, zero JavaScript by default.', primary, secondary },
};
export const Stacked = { args: { headline: 'Ship landing pages that convert', subhead: 'Start in minutes.', primary, layout: 'stacked' } };
export const PrimaryOnly = { args: { headline: 'Join 12,000 teams', primary } };
export const LongText = {
  args: {
    headline: 'Everything your marketing team needs to launch, measure and improve landing pages without waiting for engineering',
    subhead: LONG_LABEL,
    primary: { ...primary, label: LONG_LABEL },
    secondary,
  },
};
