// Who this process is among the rebound instances sharing one store: the holder of its
// leases and claims. hostname + pid tell an operator where it runs; the random part keeps a
// restarted process (same pid in a container) from being mistaken for its dead predecessor.

import { randomBytes } from 'node:crypto';
import os from 'node:os';

export function newInstanceId(): string {
  // Bounded: the id is stored in every claim and shown on /health.
  const host =
    os
      .hostname()
      .replace(/[^\w.-]/g, '')
      .slice(0, 63) || 'host';
  return `${host}:${process.pid}:${randomBytes(4).toString('hex')}`;
}
