import type { EngagedEvent } from '@astro-cta/contract';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ga4 } from './ga4.ts';
import { plausible } from './plausible.ts';
import { posthog } from './posthog.ts';
import { umami } from './umami.ts';

const engaged: EngagedEvent = { t: 'engaged', id: '10s', p: '/', pv: '123', s: 4, vi: '987' };
const click = { t: 'click', id: 'hero', p: '/', pv: '123', s: 0 } as const;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the engagement signal on analytics platforms', () => {
  it('is not sent: each platform measures engagement itself, so it would count twice', () => {
    const calls: string[] = [];
    vi.stubGlobal('window', {
      plausible: (name: string) => calls.push(`plausible ${name}`),
      umami: { track: (name: string) => calls.push(`umami ${name}`) },
      gtag: (_: string, name: string) => calls.push(`ga4 ${name}`),
      posthog: { capture: (name: string) => calls.push(`posthog ${name}`) },
    });
    for (const sink of [plausible(), umami(), ga4(), posthog()]) {
      sink(engaged);
      sink(click);
    }
    expect(calls).toEqual(['plausible cta_click', 'umami cta_click', 'ga4 cta_click', 'posthog cta_click']);
  });
});
