import node from '@astrojs/node';
import { defineConfig } from 'astro/config';
import astroCta from 'astro-cta';

// A site for source locations and on-demand routes: findings written in components (one repeated by a loop), a
// page rendered on demand (/account/) and a redirect (/old-pricing), both linked, next to a link to a missing page.
export default defineConfig({
  adapter: node({ mode: 'standalone' }),
  redirects: { '/old-pricing': '/pricing/' },
  integrations: [
    astroCta({
      audit: {
        failOn: 'never',
        reports: [
          { format: 'sarif', file: 'dist/reports/cta-audit.sarif' },
          { format: 'json', file: 'dist/reports/cta-audit.json' },
          { format: 'html', file: 'dist/reports/cta-audit.html' },
        ],
      },
    }),
  ],
});
