// `import { ctaConsent } from 'astro-cta/client/beacon-consent.ts'`, then `ctaConsent.set('granted' | 'denied')`.
export { type ConsentState, consentGate, ctaConsent } from '@astro-cta/beacon/consent';
