import type { AddressInfo } from 'node:net';
import type { PageSource } from './server.ts';

/** The part of Vite's dev server (from `astro:server:setup`) this needs: where it listens. */
export interface DevServer {
  httpServer: { address(): AddressInfo | string | null } | null;
}

/** A page the toolbar asks for renders in well under this; a stuck one must not hold the audit's answer. */
const TIMEOUT_MS = 5_000;

/**
 * Renders other pages of the site through the running dev server, as a browser requests them, so the toolbar can
 * check links to their `#fragments`. Routes are the build's (without the base path); `base` is Astro's `base`.
 */
export function devPageSource(server: DevServer, base: string): PageSource {
  return async (route) => {
    const address = server.httpServer?.address();
    if (!address || typeof address === 'string') return undefined;
    const response = await fetch(new URL(`${base.replace(/\/?$/, '/')}${route.replace(/^\//, '')}`, origin(address)), {
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: { accept: 'text/html' },
    });
    if (!response.ok || !/^text\/html/i.test(response.headers.get('content-type') ?? '')) return undefined;
    return response.text();
  };
}

/** The dev server's own origin; a server listening on every interface is reached on the loopback one. */
function origin({ address, family, port }: AddressInfo): string {
  if (address === '0.0.0.0' || address === '::') return `http://127.0.0.1:${port}`;
  return family === 'IPv6' ? `http://[${address}]:${port}` : `http://${address}:${port}`;
}
