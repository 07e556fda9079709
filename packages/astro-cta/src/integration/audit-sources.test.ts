import type { IntegrationResolvedRoute } from 'astro';
import { describe, expect, it } from 'vitest';
import { onDemandPatterns } from './audit-sources.ts';

/** The fields of `astro:routes:resolved` routes that decide whether a route has a built page. */
const route = (pattern: string, fields: Partial<IntegrationResolvedRoute>) =>
  ({ pattern, type: 'page', isPrerendered: true, origin: 'project', ...fields }) as IntegrationResolvedRoute;

describe('routes with no built page', () => {
  it('are the on-demand pages and endpoints and the redirects, not prerendered pages or Astro’s own routes', () => {
    const routes = [
      route('/', {}),
      route('/account', { isPrerendered: false }),
      route('/api/[id]', { type: 'endpoint', isPrerendered: false }),
      route('/rss.xml', { type: 'endpoint' }),
      route('/old-pricing', { type: 'redirect' }),
      route('/_image', { type: 'endpoint', isPrerendered: false, origin: 'internal' }),
      route('/account', { isPrerendered: false }),
    ];
    expect(onDemandPatterns(routes)).toEqual(['/account', '/api/[id]', '/old-pricing']);
  });
});
