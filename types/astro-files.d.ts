// Lets plain `tsc` typecheck imports of .astro components (Astro's own checker is not used: @astrojs/check does
// not support TypeScript 7 yet).
declare module '*.astro' {
  import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
  const Component: AstroComponentFactory;
  export default Component;
}
