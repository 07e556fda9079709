export { default as CTA } from './CTA.astro';
