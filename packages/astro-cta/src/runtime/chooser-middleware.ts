/**
 * Puts the chooser into the <head> of each page that has an offer or an experiment (see integration/chooser.ts for
 * why a middleware), and fails the page when an alternative sits outside any offer or experiment: it would show to
 * everyone (components/page-registry.ts).
 */
// @ts-expect-error: a virtual module of the integration (integration/chooser.ts).
import { tag } from 'virtual:astro-cta/chooser';
import { unclaimedAlternative } from '../components/page-registry.ts';

interface Context {
  request: Request;
}

export async function onRequest(context: Context, next: () => Promise<Response>): Promise<Response> {
  const response = await next();
  if (!(response.headers.get('Content-Type') ?? '').startsWith('text/html')) return response;
  // Reading the body renders the page, so the registry is complete after it.
  const html = await response.text();
  const stray = unclaimedAlternative(context.request);
  if (stray) throw stray;
  const headEnd = html.indexOf('</head>');
  const body = html.includes('<cta-choose') && headEnd >= 0 ? html.slice(0, headEnd) + tag + html.slice(headEnd) : html;
  const headers = new Headers(response.headers);
  headers.delete('Content-Length');
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}
