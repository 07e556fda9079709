import type { Preview } from '@storybook-astro/framework';
import { startCountdowns } from '../packages/astro-cta/src/client/countdown.ts';
// Static rendering only brings the styles of a story's own component into the canvas, not those of the components
// it renders (compositions) nor the theme they import in their frontmatter; load the kit's styles once here.
import '../packages/astro-cta/src/components/theme.css';
import * as kit from '../packages/astro-cta/src/components/index.ts';
import { darkModeCss } from '../packages/astro-cta/src/integration/theme.ts';

// The kit is dark only under the site's dark-mode strategy (the integration's `darkMode` option). Stories switch with
// data-theme="dark" on their frame (fixtures/Frame.astro): the rule `darkMode: 'attribute'` gives a site.
const darkMode = document.createElement('style');
darkMode.textContent = darkModeCss('attribute')!;
document.head.append(darkMode);

// Evaluating each component module injects its scoped styles.
void Object.values(kit);

// Stories are prerendered HTML (static mode), so the Countdown's own bundled <script> is not part of them; the
// enhancer is loaded here once instead and re-scans whenever Storybook swaps a story into the canvas.
new MutationObserver(startCountdowns).observe(document.body, { childList: true, subtree: false });
const root = () => document.getElementById('storybook-root');
const watchRoot = () => {
  const element = root();
  if (element) new MutationObserver(startCountdowns).observe(element, { childList: true });
};
watchRoot();

const preview: Preview = {
  parameters: {
    layout: 'padded',
    backgrounds: {
      options: {
        light: { name: 'Light', value: '#ffffff' },
        dark: { name: 'Dark', value: '#0b1220' },
      },
    },
  },
};

export default preview;
