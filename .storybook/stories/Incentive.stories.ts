import Incentive from '../../packages/astro-cta/src/components/Incentive.astro';
import { deadlineIn } from './story-helpers.ts';

export default { title: 'Components/Incentive', component: Incentive };

export const Trial = { args: { kind: 'trial', days: 14, terms: '/terms#trial' } };
export const PercentOff = { args: { kind: 'discount', percent: 20, terms: 'New customers only; one use per account.' } };
export const AmountOff = { args: { kind: 'discount', amount: 10, currency: 'EUR', locale: 'de-DE', terms: '/terms#discount' } };
export const WithCode = { args: { kind: 'discount', percent: 15, code: 'WINTER15', terms: '/terms#winter' } };
export const WithThreshold = { args: { kind: 'discount', percent: 15, threshold: 50, currency: 'USD', terms: '/terms' } };
export const FreeShipping = { args: { kind: 'free-shipping', threshold: 50, currency: 'GBP', locale: 'en-GB', terms: '/shipping' } };
export const Bonus = { args: { kind: 'bonus', terms: 'While stocks last.', slots: { default: 'Free sticker pack with every order' } } };
export const Expires = { args: { kind: 'discount', percent: 30, expires: deadlineIn(10), terms: '/terms' } };
export const LongTerms = {
  args: {
    kind: 'discount',
    percent: 25,
    terms:
      'Valid for new annual subscriptions only, cannot be combined with other offers, excludes taxes and add-ons, and ends when the campaign closes.',
  },
};
