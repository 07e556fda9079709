import type { WireEvent } from '@astro-cta/contract';
import { atom } from 'nanostores';
import type { Gate } from './index.ts';

export type ConsentState = 'granted' | 'pending' | 'denied';

/**
 * The visitor's consent for CTA reporting, as a nanostores atom. Undefined until the site decides; the gate then
 * uses its default. Set it from your consent banner: `ctaConsent.set('granted')` or `ctaConsent.set('denied')`.
 */
export const ctaConsent = atom<ConsentState | undefined>(undefined);

/**
 * A gate for `startBeacon({ gate })`: nothing leaves before consent. Events wait in memory (never in storage) while
 * consent is pending, go out in order once it is granted, and are dropped, queued ones included, when it is denied.
 */
export function consentGate(
  store: { get(): ConsentState | undefined; listen(listener: () => void): unknown } = ctaConsent,
  fallback: ConsentState = 'pending',
): Gate {
  return (deliver) => {
    const waiting: WireEvent[] = [];
    const release = () => {
      const state = store.get() ?? fallback;
      if (state != 'pending') for (const event of waiting.splice(0)) if (state == 'granted') deliver(event);
    };
    store.listen(release);
    return (event) => {
      waiting.push(event);
      release();
    };
  };
}
