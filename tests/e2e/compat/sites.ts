/**
 * The compatibility matrix: three scratch sites, each on the latest release of one Astro major, each the kind of
 * site users add the kit to. They install the packed tarballs (what npm would serve), never the workspace.
 *
 * - astro5-tailwind: Astro 5 + Tailwind 4 (@tailwindcss/vite), a black-and-white brand theme, light only.
 * - astro6-mdx: Astro 6 + @astrojs/mdx, an MDX content collection without import lines (auto-import through the
 *   remark plugin), dark mode through a `data-theme` attribute that follows the system.
 * - astro7-node: Astro 7 + @astrojs/node (standalone), one page rendered on demand, light only.
 */
export interface SiteSpec {
  name: string;
  astroMajor: 5 | 6 | 7;
  /** Registry packages besides the tarballs, with the major each needs for this Astro. */
  dependencies: string[];
  /** Whether the site itself has a dark theme (else it is light-only and must stay readable under a dark OS). */
  hasDarkMode: boolean;
  /** Pages the spec opens (the first is screenshot-compared). */
  pages: string[];
  /** Served by the Node adapter's standalone server instead of a static file server. */
  server: boolean;
  files: Record<string, string>;
}

/**
 * The beacon as a site with a collector at /api/cta would set it, plus the two switches that let it report from
 * 127.0.0.1 in an automated browser (it stays silent on localhost and under WebDriver by default).
 */
const BEACON = "{ endpoint: '/api/cta', allowLocalhost: true, allowAutomation: true }";

const head = (title: string) =>
  `<meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>${title}</title>`;

const tailwind: SiteSpec = {
  name: 'astro5-tailwind',
  astroMajor: 5,
  dependencies: ['astro@^5', 'tailwindcss@^4', '@tailwindcss/vite@^4'],
  hasDarkMode: false,
  pages: ['/', '/proof/'],
  server: false,
  files: {
    'astro.config.mjs': `import { defineConfig } from 'astro/config';
import tailwindcss from '@tailwindcss/vite';
import astroCta from 'astro-cta';

export default defineConfig({
  integrations: [astroCta({ beacon: ${BEACON} })],
  vite: { plugins: [tailwindcss()] },
});
`,
    'src/styles/global.css': `@import "tailwindcss";

@theme {
  --font-sans: system-ui, sans-serif;
  --color-brand: #000;
}

/* The brand: black and white. The kit's colours come from its custom properties. */
:root {
  --cta-primary-bg: #000;
  --cta-primary-bg-hover: #262626;
  --cta-primary-fg: #fff;
  --cta-secondary-fg: #000;
  --cta-focus: #000;
  --cta-radius: 2px;
}
`,
    'src/pages/index.astro': `---
import '../styles/global.css';
import { CTA, Incentive, SocialProof } from 'astro-cta/components';
---
<html lang="en">
  <head>${head('Monochrome — notes that stay out of your way')}</head>
  <body class="bg-white font-sans text-neutral-900">
    <header class="border-b border-neutral-200">
      <nav class="mx-auto flex max-w-4xl items-center justify-between px-6 py-4">
        <a href="/" class="font-bold tracking-tight">Monochrome</a>
        <a href="#pricing" class="text-neutral-700 underline">Pricing</a>
      </nav>
    </header>
    <main class="mx-auto max-w-4xl px-6 py-16">
      <h1 class="text-4xl font-bold tracking-tight">Notes that stay out of your way</h1>
      <p class="mt-4 max-w-prose text-lg text-neutral-700">Plain text, instant search and sync across your devices.
        No folders to manage, no formatting to fight.</p>
      <div class="mt-8">
        <CTA id="start-trial" href="#pricing" goal="signup" class="bg-black rounded-sm px-4 text-white">
          Start your 14-day trial
          <Incentive slot="incentive" kind="trial" days={14} terms="No card needed. Cancel any time." />
          <SocialProof slot="social-proof" count={{ value: 3400, label: 'writers', source: 'https://monochrome.example/customers', asOf: '2026-10' }} />
        </CTA>
      </div>
      <section id="pricing" class="mt-16 border-t border-neutral-200 pt-8">
        <h2 class="text-2xl font-bold">Pricing</h2>
        <p class="mt-2 text-neutral-700">One plan, 6 € a month, billed yearly.</p>
      </section>
    </main>
  </body>
</html>
`,
    // Text the kit writes around expressions ("Ends <time>", "via g2.com, <time>"): Astro 5's compiler dropped or
    // added the spaces that Astro 7's keeps (a countdown read "EndsDec 31", a testimonial "via g2.com , Oct 14").
    'src/pages/proof.astro': `---
import '../styles/global.css';
import { CTA, Countdown, SocialProof } from 'astro-cta/components';
---
<html lang="en">
  <head>${head('Monochrome — what writers say')}</head>
  <body class="bg-white font-sans text-neutral-900">
    <main class="mx-auto max-w-4xl px-6 py-16">
      <h1 class="text-4xl font-bold tracking-tight">What writers say</h1>
      <CTA id="upgrade" href="/#pricing" goal="purchase">
        Upgrade to the yearly plan
        <Countdown slot="countdown" deadline="2099-12-31T23:59:00+01:00" />
      </CTA>
      <SocialProof testimonial={{ quote: 'The only notes app I kept.', author: 'Ada Park', source: 'https://www.g2.com/products/monochrome/reviews', date: '2026-10-14' }} />
    </main>
  </body>
</html>
`,
  },
};

const mdx: SiteSpec = {
  name: 'astro6-mdx',
  astroMajor: 6,
  dependencies: ['astro@^6', '@astrojs/mdx@^6'],
  hasDarkMode: true,
  pages: ['/guides/first-week/', '/'],
  server: false,
  files: {
    'astro.config.mjs': `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import astroCta from 'astro-cta';

export default defineConfig({ integrations: [mdx(), astroCta({ beacon: ${BEACON}, darkMode: { attribute: 'data-theme', value: 'dark' } })] });
`,
    'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const guides = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './src/content/guides' }),
  schema: z.object({ title: z.string(), summary: z.string() }),
});

export const collections = { guides };
`,
    'src/layouts/Base.astro': `---
const { title } = Astro.props;
---
<html lang="en">
  <head>
    ${head('{title} — Trailhead guides')}
    <script is:inline>
      // The site's own theme switch: data-theme follows the system (a theme toggle would set it too).
      document.documentElement.dataset.theme = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
    </script>
    <style is:global>
      :root { color-scheme: light; --bg: #ffffff; --fg: #1f2937; --link: #1d4ed8; }
      :root[data-theme='dark'] { color-scheme: dark; --bg: #0b1220; --fg: #e5e7eb; --link: #93c5fd; }
      body { margin: 0; background: var(--bg); color: var(--fg); font: 1.0625rem/1.6 system-ui, sans-serif; }
      a { color: var(--link); }
      header, main { max-inline-size: 44rem; margin-inline: auto; padding: 1rem 1.5rem; }
    </style>
  </head>
  <body>
    <header><a href="/">Trailhead</a></header>
    <main><slot /></main>
  </body>
</html>
`,
    'src/pages/index.astro': `---
import { getCollection } from 'astro:content';
import Base from '../layouts/Base.astro';
const guides = await getCollection('guides');
---
<Base title="Guides">
  <h1>Guides</h1>
  <ul>{guides.map((guide) => <li><a href={\`/guides/\${guide.id}/\`}>{guide.data.title}</a> — {guide.data.summary}</li>)}</ul>
</Base>
`,
    'src/pages/guides/[id].astro': `---
import { getCollection, render } from 'astro:content';
import Base from '../../layouts/Base.astro';
export async function getStaticPaths() {
  const guides = await getCollection('guides');
  return guides.map((guide) => ({ params: { id: guide.id }, props: { guide } }));
}
const { guide } = Astro.props;
const { Content } = await render(guide);
---
<Base title={guide.data.title}>
  <h1>{guide.data.title}</h1>
  <Content />
</Base>
`,
    // No import line: the kit's MDX auto-import adds it (a remark plugin on Astro 6).
    'src/content/guides/first-week.mdx': `---
title: Your first week on the trail
summary: What to pack, where to sleep and how far to walk.
---

Start with short days. Ten kilometres with a full pack is plenty on the first day; your feet decide the rest.

<CTA id="get-checklist" href="/" goal="download">
  Get the packing checklist
  <Incentive slot="incentive" kind="bonus" terms="Free PDF, no sign-up.">Printable A4 checklist</Incentive>
</CTA>

## Where to sleep

Huts fill up from June. Book the first two nights; after that you will know your pace.
`,
  },
};

const node: SiteSpec = {
  name: 'astro7-node',
  astroMajor: 7,
  dependencies: ['astro@^7', '@astrojs/node@^11'],
  hasDarkMode: false,
  pages: ['/', '/offer/'],
  server: true,
  files: {
    'astro.config.mjs': `import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import astroCta from 'astro-cta';

export default defineConfig({
  adapter: node({ mode: 'standalone' }),
  integrations: [astroCta({ beacon: ${BEACON} })],
});
`,
    'src/pages/index.astro': `---
import { CTA, SocialProof } from 'astro-cta/components';
---
<html lang="en">
  <head>${head('Fernweh Rail — night trains across Europe')}</head>
  <body style="margin:0;font:1rem/1.6 system-ui,sans-serif;color:#1f2937;background:#fff">
    <main style="max-inline-size:44rem;margin:auto;padding:2rem 1.5rem">
      <h1>Night trains across Europe</h1>
      <p>Fall asleep in Vienna, wake up in Venice. Seats, couchettes and sleepers on 40 routes.</p>
      <CTA id="book" href="/offer/" goal="purchase">Click here
        <SocialProof slot="social-proof" count={{ value: 90000, label: 'travellers this year', source: 'https://fernweh.example/stats', asOf: '2026-10' }} />
      </CTA>
    </main>
  </body>
</html>
`,
    // Rendered on demand by the Node server: the audit covers prerendered pages only, the beacon runs everywhere.
    'src/pages/offer.astro': `---
export const prerender = false;
import { CTA } from 'astro-cta/components';
const from = Astro.url.searchParams.get('from') ?? 'Vienna';
---
<html lang="en">
  <head>${head('Offers from {from} — Fernweh Rail')}</head>
  <body style="margin:0;font:1rem/1.6 system-ui,sans-serif;color:#1f2937;background:#fff">
    <main style="max-inline-size:44rem;margin:auto;padding:2rem 1.5rem">
      <h1>Night trains from {from}</h1>
      <CTA id="book-offer" href="/" goal="purchase">Book a sleeper from {from}</CTA>
    </main>
  </body>
</html>
`,
  },
};

export const SITES: SiteSpec[] = [tailwind, mdx, node];
