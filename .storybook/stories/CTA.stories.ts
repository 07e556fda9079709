import CTA from '../../packages/astro-cta/src/components/CTA.astro';
import { LONG_LABEL } from './story-helpers.ts';

export default { title: 'Components/CTA', component: CTA };

const text = (label: string) => ({ default: label });

export const Primary = { args: { id: 'start-trial', href: '/signup', goal: 'signup', slots: text('Start your free trial') } };
export const Secondary = { args: { id: 'book-demo', href: '/demo', variant: 'secondary', slots: text('Book a demo') } };
export const Ghost = { args: { id: 'see-pricing', href: '/pricing', variant: 'ghost', slots: text('See pricing') } };
export const Link = { args: { id: 'read-docs', href: '/docs', variant: 'link', slots: text('Read the documentation') } };
export const Small = { args: { id: 'small', href: '/signup', size: 'sm', slots: text('Start free trial') } };
export const Medium = { args: { id: 'medium', href: '/signup', size: 'md', slots: text('Start free trial') } };
export const Large = { args: { id: 'large', href: '/signup', size: 'lg', slots: text('Start free trial') } };
export const SmallSecondary = { args: { id: 'small-secondary', href: '/demo', size: 'sm', variant: 'secondary', slots: text('Book a demo') } };
export const External = { args: { id: 'github', href: 'https://github.com/', external: true, variant: 'secondary', slots: text('Star us on GitHub') } };
export const SubmitButton = { args: { id: 'subscribe', type: 'submit', goal: 'newsletter', slots: text('Subscribe to the newsletter') } };
export const LongText = { args: { id: 'long', href: '/signup', slots: text(LONG_LABEL) } };
export const HtmlInTextIsEscaped = { args: { id: 'escaped', href: '/signup', slots: text('Save 20% &amp; start today') } };
/** `unstyled`: the markup and its `cta-…` classes, none of the kit's look (the site styles it). */
export const Unstyled = { args: { id: 'unstyled', href: '/signup', unstyled: true, slots: text('Start your free trial') } };
/** `class`/`style` reach the link; `groupClass`/`groupStyle` the wrapper that holds it with its slots. */
export const GroupStyled = {
  args: {
    id: 'group-styled',
    href: '/signup',
    style: 'letter-spacing: 0.05em',
    groupStyle: 'outline: 2px dashed #6b7280; padding: 0.5rem',
    slots: { default: 'Start your free trial', incentive: '<strong>14-day free trial</strong>' },
  },
};
