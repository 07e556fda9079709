import { readFile, writeFile } from 'node:fs/promises';
import { defineConfig } from 'astro/config';
import astroCta from 'astro-cta';

/**
 * Stands for any integration that rewrites built HTML after rendering (minifiers, link rewriters): it runs its
 * astro:build:done before astro-cta's, so the audit must read the changed file, not the page as rendered.
 */
const rewriteChangedPage = {
  name: 'rewrite-changed-page',
  hooks: {
    'astro:build:done': async ({ dir }) => {
      const file = new URL('changed/index.html', dir);
      await writeFile(file, (await readFile(file, 'utf8')).replace('Start your free trial', 'Click here'));
    },
  },
};

export default defineConfig({
  integrations: [rewriteChangedPage, astroCta({ audit: { requireCta: ['/', '/changed/'] } })],
});
