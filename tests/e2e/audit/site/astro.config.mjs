import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import astroCta from 'astro-cta';

// A site for the audit's end-to-end tests: report files, source hints, frontmatter opt-outs and failOn.
// AUDIT_FAIL_ON lets one spec build it both ways.
export default defineConfig({
  integrations: [
    mdx(),
    astroCta({
      audit: {
        requireCta: ['/**'],
        failOn: process.env.AUDIT_FAIL_ON ?? 'never',
        reports: [
          { format: 'sarif', file: 'reports/cta-audit.sarif' },
          { format: 'json', file: 'reports/cta-audit.json' },
          { format: 'html', file: 'reports/cta-audit.html' },
        ],
      },
    }),
  ],
});
