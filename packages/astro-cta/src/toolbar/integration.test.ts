import { existsSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import astroCta from '../index.ts';
import { AUDIT_REQUEST } from './protocol.ts';

type Hooks = Required<ReturnType<typeof astroCta>['hooks']>;

function setUp(command: 'dev' | 'build', options?: Parameters<typeof astroCta>[0]) {
  const hooks = astroCta(options).hooks as Hooks;
  const addDevToolbarApp = vi.fn();
  const on = vi.fn();
  const config = {
    root: new URL('file:///site/'),
    integrations: [],
    markdown: { processor: { name: 'satteri', options: { mdastPlugins: [] } } },
  };
  hooks['astro:config:setup']({
    command,
    config,
    addDevToolbarApp,
    injectScript: vi.fn(),
    updateConfig: vi.fn(),
    logger: { warn: vi.fn() },
  } as never);
  hooks['astro:server:setup']({ toolbar: { on, send: vi.fn() }, logger: {} } as never);
  return { addDevToolbarApp, on };
}

describe('the integration and the toolbar app', () => {
  it('registers the app in astro dev, with an entrypoint that exists, and listens for its requests', () => {
    const { addDevToolbarApp, on } = setUp('dev');
    expect(addDevToolbarApp).toHaveBeenCalledTimes(1);
    const entry = addDevToolbarApp.mock.calls[0]![0];
    expect(entry).toMatchObject({ id: 'astro-cta', name: 'CTA audit', icon: expect.stringContaining('<svg') });
    expect(existsSync(entry.entrypoint)).toBe(true);
    expect(on).toHaveBeenCalledWith(AUDIT_REQUEST, expect.any(Function));
  });

  it('adds nothing to astro build, and nothing at all when the audit is off', () => {
    expect(setUp('build').addDevToolbarApp).not.toHaveBeenCalled();
    const off = setUp('dev', { audit: false });
    expect(off.addDevToolbarApp).not.toHaveBeenCalled();
    expect(off.on).not.toHaveBeenCalled();
  });
});
