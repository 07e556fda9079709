// The main job's site: docs-site/ (Starlight docs and live landing-page demos), built with the astro-cta integration.

import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import astroCta from 'astro-cta';

export default defineConfig({
  // The config sits at the repository root (so `astro build` works from here) while the site lives in docs-site/.
  srcDir: './docs-site/src',
  publicDir: './docs-site/public',
  outDir: './docs-site/dist',
  site: 'http://127.0.0.1:4321',
  devToolbar: { enabled: true },
  integrations: [
    starlight({
      title: 'astro-cta',
      description: 'Calls to action for Astro: components, a build-time audit and a click beacon.',
      // Wrapped code lines: a horizontally scrolling <pre> is not keyboard-reachable (axe: scrollable-region-focusable).
      expressiveCode: { defaultProps: { wrap: true } },
      sidebar: [
        { label: 'Start here', items: ['getting-started', 'markup-contract'] },
        {
          label: 'Components',
          items: [
            'components/cta',
            'components/social-proof',
            'components/countdown',
            'components/incentive',
            'components/cta-section',
            'components/conversion',
            'components/offers',
            'components/theming',
            'components/mdx',
          ],
        },
        { label: 'Click reporting', items: ['beacon', 'collector'] },
        {
          label: 'Audit',
          items: [
            'audit/configuration',
            'audit/cli',
            'audit/reports',
            'audit/baseline',
            'toolbar',
            { label: 'Rules', link: '/rules/' },
          ],
        },
        {
          label: 'Demos',
          items: [
            { label: 'SaaS trial', link: '/demos/saas/' },
            { label: 'E-commerce sale', link: '/demos/sale/' },
            { label: 'Newsletter signup', link: '/demos/newsletter/' },
            { label: 'Event registration', link: '/demos/event/' },
          ],
        },
      ],
    }),
    astroCta({
      // The demo is served on 127.0.0.1 and its end-to-end test drives Chromium: both are skipped unless allowed.
      beacon: { endpoint: '/api/cta', allowLocalhost: true, allowAutomation: true },
      // Docs pages are not meant to convert; the demos are.
      audit: { requireCta: ['/demos/**'] },
      // The demos' layout follows the system's colour scheme, and so does Starlight unless a visitor picks a theme
      // (then it sets data-theme="light", which keeps the kit light): the components follow the system too.
      darkMode: 'media',
      // The sale demo's "10% off the jacket you viewed" and the SaaS hero experiment: signals recorded on the device.
      offers: true,
    }),
  ],
});
