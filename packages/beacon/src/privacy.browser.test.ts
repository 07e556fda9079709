import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { startBeacon } from './index.ts';

describe('beacon privacy gates in the browser', () => {
  it('stays off under Global Privacy Control unless told otherwise', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(null, { status: 204 }));
    Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { configurable: true, get: () => true });
    expect(startBeacon({ endpoint: '/collect', localhost: true, automation: true })).toBeUndefined();
    document.body.innerHTML = '<button data-cta="gpc">Go</button>';
    await userEvent.click(document.querySelector('button')!);
    expect(fetchSpy).not.toHaveBeenCalled();
    // gpc: false is the site's explicit choice to ignore the signal.
    expect(startBeacon({ endpoint: '/collect', localhost: true, automation: true, gpc: false })).toBeTypeOf('function');
    await userEvent.click(document.querySelector('button')!);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });

  it('stays off in automated browsers (navigator.webdriver) by default', () => {
    expect(navigator.webdriver).toBe(true);
    expect(startBeacon({ endpoint: '/collect', gpc: false })).toBeUndefined();
    expect(startBeacon({ endpoint: '/collect', gpc: false, localhost: true })).toBeUndefined();
  });

  it('leaves localhost to the collector, and checks it itself where a sink gets events', () => {
    expect(location.hostname).toMatch(/^(localhost|127\.)/);
    // Only the collector: it drops local pages itself (cta-collect --accept-local keeps them).
    expect(startBeacon({ endpoint: '/collect', gpc: false, automation: true })).toBeTypeOf('function');
    // A sink (analytics platforms do not filter localhost): off unless told otherwise.
    const sink = () => {};
    expect(startBeacon({ endpoint: '/collect', sink, gpc: false, automation: true })).toBeUndefined();
    expect(startBeacon({ sink, gpc: false, automation: true, localhost: true })).toBeTypeOf('function');
  });
});
