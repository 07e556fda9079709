import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { CtaEvent } from '@astro-cta/contract';
import { startBeacon } from './index.ts';

const sent: { url: string; init: RequestInit }[] = [];

beforeAll(() => {
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (url, init) => {
    sent.push({ url: String(url), init: init ?? {} });
    return new Response(null, { status: 204 });
  });
  startBeacon({ endpoint: '/collect' });
});

afterEach(() => {
  sent.length = 0;
  document.body.innerHTML = '';
});

describe('beacon', () => {
  it('reports a click on a [data-cta] element, with id, variant, goal, page and destination', async () => {
    document.body.innerHTML = '<a href="#pricing" data-cta="hero-trial" data-cta-variant="primary" data-cta-goal="signup"><span>Start trial</span></a>';
    await userEvent.click(document.querySelector('span')!);
    expect(sent).toHaveLength(1);
    const [{ url, init }] = sent as [(typeof sent)[0]];
    expect(url).toBe('/collect');
    expect(init.keepalive).toBe(true);
    expect(new Headers(init.headers).get('content-type')).toBe('text/plain');
    const [event] = JSON.parse(String(init.body)) as CtaEvent[];
    expect(event).toMatchObject({ t: 'click', id: 'hero-trial', v: 'primary', g: 'signup', p: location.pathname, s: 0 });
    expect(event!.d).toBe(new URL('#pricing', location.href).href);
  });

  it('works for elements added after start, and ignores clicks elsewhere and data-cta-notrack', async () => {
    document.body.innerHTML = '<p>text</p><button data-cta="late">Late</button><button data-cta="quiet" data-cta-notrack>Quiet</button>';
    await userEvent.click(document.querySelector('p')!);
    await userEvent.click(document.querySelector('[data-cta="quiet"]')!);
    await userEvent.click(document.querySelector('[data-cta="late"]')!);
    expect(sent.map(({ init }) => (JSON.parse(String(init.body)) as CtaEvent[])[0]!.id)).toEqual(['late']);
  });
});
