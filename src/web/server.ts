// Listens with the Koa app on config.web.host:port and stops within a bound: open
// keep-alive and download connections are closed after STOP_GRACE_MS.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type Koa from 'koa';
import type { Config } from '../config.ts';

/** In-flight requests get this long to finish at stop; then their sockets are closed. */
const STOP_GRACE_MS = 5000;

export interface WebServer {
  /** http://host:port, with the real port when 0 was asked for. */
  address(): string;
  stop(): Promise<void>;
}

export async function startWebServer(app: Koa, web: Pick<Config['web'], 'host' | 'port'>): Promise<WebServer> {
  const server = http.createServer(app.callback());
  // Slow-client bounds: headers within 20 s, a whole request within 60 s.
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(web.port, web.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const a = server.address() as AddressInfo;
  const host = a.family === 'IPv6' ? `[${a.address}]` : a.address;
  let stopping: Promise<void> | undefined;
  return {
    address: () => `http://${host}:${a.port}`,
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        const timer = setTimeout(() => server.closeAllConnections(), STOP_GRACE_MS);
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        server.closeIdleConnections();
      });
      return stopping;
    },
  };
}
