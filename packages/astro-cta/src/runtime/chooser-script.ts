// The chooser script as a file of the site (the integration injects this route; prerendered: a static file).
// @ts-expect-error: a virtual module of the integration (integration/chooser.ts).
import { code } from 'virtual:astro-cta/chooser';

export const prerender = true;

export function GET(): Response {
  return new Response(code as string, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
}
