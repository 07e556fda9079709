// `import { ctaConsent } from 'astro-cta/client/beacon-consent.ts'`, then `ctaConsent.set('granted' | 'denied')`.
export { consentGate, ctaConsent, type ConsentState } from '@astro-cta/beacon/consent';
