// `import { trackConversion } from 'astro-cta/client/beacon-conversion.ts'` reports a reached goal from any page script.
export { trackConversion } from '@astro-cta/beacon/conversion';
