// `import { trackConversion } from 'astro-cta/client/beacon-conversion.ts'` reports a reached goal from any page
// script (a form's success handler).
export { trackConversion } from '@astro-cta/beacon/conversion';
