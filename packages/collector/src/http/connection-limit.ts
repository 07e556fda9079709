import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { ClientKeys } from './client-key.ts';
import type { ThrottledLog } from './throttled-log.ts';
import { isTrustedPeer, type TrustProxy } from './trust-proxy.ts';

export interface ConnectionLimits {
  /** Open connections in all (node's `server.maxConnections`: sockets past it are closed at once). */
  total: number;
  /** Open connections from one address. Not applied to trusted proxies, which carry everybody's connections. */
  perClient: number;
}

/** A browser opens at most 6 connections to a host; 50 leaves room for a few dozen people behind one NAT. */
export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = { total: 1000, perClient: 50 };

/**
 * Caps open connections in total and per client address, so one address cannot hold thousands of idle sockets
 * (and with them file descriptors and memory) while the timeouts set on the server take care of slow ones. Counts
 * are kept per daily client key (no IP in memory beyond the connection), and an entry leaves the map with its last
 * connection, so the map is never larger than the total cap.
 */
export function limitConnections(server: Server, limits: ConnectionLimits, trust: TrustProxy, log: ThrottledLog): void {
  const keys = new ClientKeys();
  const open = new Map<string, number>();
  server.maxConnections = limits.total;
  server.on('drop', () => {
    log.note('connections-total', `cta-collect: refused a connection: ${limits.total} are open (--max-connections)`);
  });
  server.on('connection', (socket: Socket) => {
    if (isTrustedPeer(trust, socket.remoteAddress)) return;
    const key = keys.keyFor(socket.remoteAddress ?? 'unknown');
    const count = (open.get(key) ?? 0) + 1;
    if (count > limits.perClient) {
      log.note(
        'connections-per-client',
        `cta-collect: refused a connection: one client already has ${limits.perClient} open ` +
          '(--max-connections-per-client)',
      );
      socket.destroy();
      return;
    }
    open.set(key, count);
    socket.once('close', () => {
      const left = (open.get(key) ?? 1) - 1;
      if (left > 0) open.set(key, left);
      else open.delete(key);
    });
  });
}
