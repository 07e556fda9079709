import type { ConversionEvent } from '@astro-cta/contract';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ga4 } from './ga4.ts';
import { plausible } from './plausible.ts';
import { posthog } from './posthog.ts';
import { eventName, eventProps } from './props.ts';
import { umami } from './umami.ts';

const base = { p: '/thanks/', pv: '123', s: 0, vi: '987' };
const signup: ConversionEvent = { ...base, t: 'conversion', id: 'signup', g: 'signup', val: 49.9, cur: 'EUR' };
const download: ConversionEvent = { ...base, t: 'conversion', id: 'whitepaper', g: 'whitepaper' };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('conversions on analytics platforms', () => {
  it('names a conversion by its goal and carries goal, value and currency', () => {
    expect(eventName(signup)).toBe('signup');
    expect(eventProps(signup)).toEqual({ cta_goal: 'signup', page_path: '/thanks/', value: 49.9, currency: 'EUR' });
    expect(eventProps(download)).toEqual({ cta_goal: 'whitepaper', page_path: '/thanks/' });
  });

  it('Plausible: the goal as event with revenue { amount, currency }', () => {
    const calls: unknown[][] = [];
    vi.stubGlobal('window', { plausible: (...args: unknown[]) => calls.push(args) });
    plausible()(signup);
    plausible()(download);
    expect(calls).toEqual([
      [
        'signup',
        {
          props: { cta_goal: 'signup', page_path: '/thanks/', value: '49.9', currency: 'EUR' },
          revenue: { amount: 49.9, currency: 'EUR' },
        },
      ],
      ['whitepaper', { props: { cta_goal: 'whitepaper', page_path: '/thanks/' } }],
    ]);
  });

  it('Umami: the goal as event whose data holds revenue and currency', () => {
    const calls: unknown[][] = [];
    vi.stubGlobal('window', { umami: { track: (...args: unknown[]) => calls.push(args) } });
    umami()(signup);
    expect(calls).toEqual([
      ['signup', { cta_goal: 'signup', page_path: '/thanks/', value: 49.9, currency: 'EUR', revenue: 49.9 }],
    ]);
  });

  it('GA4: the recommended event (sign_up, purchase, generate_lead) with value and currency, else the goal', () => {
    const calls: unknown[][] = [];
    vi.stubGlobal('window', { gtag: (...args: unknown[]) => calls.push(args) });
    ga4()(signup);
    ga4()({ ...signup, id: 'purchase', g: 'purchase' });
    ga4()({ ...download, id: 'lead', g: 'lead' });
    ga4()(download);
    expect(calls.map(([, name]) => name)).toEqual(['sign_up', 'purchase', 'generate_lead', 'whitepaper']);
    expect(calls[0]![2]).toEqual({ cta_goal: 'signup', page_path: '/thanks/', value: 49.9, currency: 'EUR' });
  });

  it('PostHog: captured under the goal with value and currency', () => {
    const calls: unknown[][] = [];
    vi.stubGlobal('window', { posthog: { capture: (...args: unknown[]) => calls.push(args) } });
    posthog()(signup);
    expect(calls).toEqual([['signup', { cta_goal: 'signup', page_path: '/thanks/', value: 49.9, currency: 'EUR' }]]);
  });
});
