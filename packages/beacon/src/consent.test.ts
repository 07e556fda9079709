import type { CtaEvent } from '@astro-cta/contract';
import { atom } from 'nanostores';
import { describe, expect, it } from 'vitest';
import { type ConsentState, consentGate, ctaConsent } from './consent.ts';

const event = (s: number): CtaEvent => ({ t: 'click', id: 'cta', p: '/', pv: 'view', s });

function gated(initial: ConsentState | undefined, fallback: ConsentState) {
  const store = atom<ConsentState | undefined>(initial);
  const delivered: number[] = [];
  const send = consentGate(store, fallback)((sent) => delivered.push(sent.s));
  return { store, delivered, send };
}

describe('consent gate', () => {
  it('holds events in memory while pending and releases them in order once granted', () => {
    const { store, delivered, send } = gated(undefined, 'pending');
    send(event(0));
    send(event(1));
    expect(delivered).toEqual([]);
    store.set('granted');
    expect(delivered).toEqual([0, 1]);
    send(event(2));
    expect(delivered).toEqual([0, 1, 2]);
  });

  it('drops what waited and what follows when denied', () => {
    const { store, delivered, send } = gated(undefined, 'pending');
    send(event(0));
    store.set('denied');
    send(event(1));
    expect(delivered).toEqual([]);
  });

  it('uses the default until the site decides, and the site’s decision wins', () => {
    const granted = gated(undefined, 'granted');
    granted.send(event(0));
    expect(granted.delivered).toEqual([0]);
    granted.store.set('denied'); // a visitor withdraws consent
    granted.send(event(1));
    expect(granted.delivered).toEqual([0]);

    const decidedEarlier = gated('granted', 'pending');
    decidedEarlier.send(event(0));
    expect(decidedEarlier.delivered).toEqual([0]);
  });

  it('exports one shared store, undefined until the site sets it', () => {
    expect(ctaConsent.get()).toBeUndefined();
  });
});
