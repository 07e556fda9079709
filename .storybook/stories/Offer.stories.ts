import Offer from '../fixtures/Offer.astro';
import { deadlineIn, endSoon, LONG_LABEL } from './story-helpers.ts';

/** The example: a CTA with an incentive, a countdown and social proof in its slots. */
export default { title: 'Compositions/CTA with slots', component: Offer };

type Canvas = { canvasElement: HTMLElement };
const running = { deadline: deadlineIn(6.5) };

export const AllSlots = { args: { ...running } };
export const Dark = { args: { ...running, theme: 'dark' } };
export const RightToLeft = { args: { ...running, dir: 'rtl', lang: 'ar', label: 'ابدأ تجربتك المجانية' } };
export const LongText = { args: { ...running, label: LONG_LABEL, maxWidth: '22rem' } };
/** At zero the CTA in the group and the footer CTA named by `for` are disabled (links lose their href). */
export const DisableCtaEndsSoon = {
  args: { ...running, onExpire: 'disable-cta', withFooterCta: true, expiredText: 'The trial offer has ended.' },
  play: ({ canvasElement }: Canvas) => endSoon(canvasElement),
};
/** Built after the deadline: the ended text is rendered and the enhancer disables the CTAs as the page loads. */
export const DisableCtaExpiredAtBuild = {
  args: { deadline: '2025-01-31T23:59:00Z', onExpire: 'disable-cta', withFooterCta: true, expiredText: 'The trial offer has ended.' },
};
export const HideEndsSoon = {
  args: { ...running, onExpire: 'hide', proof: false },
  play: ({ canvasElement }: Canvas) => endSoon(canvasElement),
};
/** Built after the deadline with `onExpire="hide"`: the offer is gone, no countdown markup and no enhancer. */
export const HideExpiredAtBuild = { args: { deadline: '2025-01-31T23:59:00Z', onExpire: 'hide', proof: false } };
