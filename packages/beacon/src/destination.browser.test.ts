import type { CtaEvent } from '@astro-cta/contract';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { keepQuery } from './destination.ts';
import { startBeacon } from './index.ts';

// Real Chromium, the real core with keepQuery(); fetch is replaced by a recorder of exactly what would be sent.
const bodies: string[] = [];

beforeAll(() => {
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (_url, init) => {
    bodies.push(String(init?.body));
    return new Response(null, { status: 204 });
  });
  navigator.sendBeacon = () => false;
  startBeacon({ endpoint: '/collect', localhost: true, automation: true, href: keepQuery(['utm_*', 'ref']) });
  // The links lead nowhere during the test: the page stays (the click is reported all the same).
  document.addEventListener('click', (event) => event.preventDefault());
});

async function destinationOf(href: string): Promise<string | undefined> {
  document.body.innerHTML = `<a data-cta="go" href="${href}">Go</a>`;
  const before = bodies.length;
  await userEvent.click(document.querySelector('a')!);
  await vi.waitFor(() => expect(bodies.length).toBeGreaterThan(before));
  const events = bodies.slice(before).flatMap((body) => JSON.parse(body) as CtaEvent[]);
  return events.find((event) => event.t === 'click')?.d;
}

describe('keepQuery()', () => {
  it('keeps only the named query parameters (a trailing * matches any ending), in their order', async () => {
    const sent = await destinationOf(
      'https://shop.example/p/?email=jane%40example.com&utm_source=news&token=x&ref=hn&utm_medium=mail#top',
    );
    expect(sent).toBe('https://shop.example/p/?utm_source=news&ref=hn&utm_medium=mail');
  });

  it('sends no "?" when no named parameter is there, and never a fragment', async () => {
    expect(await destinationOf('/pricing/?email=jane%40example.com#plans')).toBe(`${location.origin}/pricing/`);
  });

  it('never keeps the address of mailto: or tel:, whatever it names', async () => {
    expect(await destinationOf('mailto:jane@example.com?utm_source=x')).toBe('mailto:');
    expect(await destinationOf('tel:+15551234567')).toBe('tel:');
  });
});
