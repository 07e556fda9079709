import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_SETTINGS, settingsModule } from './build.ts';
import * as defaults from './settings.ts';

describe('build-time settings', () => {
  it('writes a module with every constant of settings.ts, `built` true', async () => {
    const code = settingsModule(DEFAULT_PAGE_SETTINGS);
    const fixed = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as typeof defaults;
    expect(Object.keys(fixed).sort()).toEqual(Object.keys(defaults).sort());
    expect(fixed).toMatchObject({ built: true, endpoint: '/api/cta', visits: true, sink: false, history: false });
    // A plain install reads options at run time, and listens for History API page views.
    expect(defaults.built).toBe(false);
  });
});
