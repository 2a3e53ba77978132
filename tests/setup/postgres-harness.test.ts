// The private PostgreSQL the store's tests start (tests/harness/postgres.ts): on 127.0.0.1
// only, its socket in its own folder, nothing written to the packaged cluster's port, and
// gone without a trace after stop().

import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { canConnect } from '../harness/ports.ts';
import { startPostgres } from '../harness/postgres.ts';

describe('the private PostgreSQL harness', () => {
  it('listens on loopback only, with its socket in its folder, and stop() leaves nothing behind', async () => {
    const server = await startPostgres();
    let stopped = false;
    try {
      expect(server.port).not.toBe(5432);
      expect(existsSync(path.join(server.dir, `.s.PGSQL.${server.port}`))).toBe(true);
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      try {
        const settings = await client.query(
          "SELECT current_setting('listen_addresses') AS listen, current_setting('fsync') AS fsync, current_setting('lc_collate') AS collate",
        );
        expect(settings.rows[0]).toEqual({ listen: '127.0.0.1', fsync: 'off', collate: 'C' });
      } finally {
        await client.end();
      }
      // The machine's other addresses do not answer on the port.
      const others = Object.values(networkInterfaces())
        .flat()
        .filter((a) => a && a.family === 'IPv4' && !a.internal)
        .map((a) => a!.address);
      for (const address of others)
        expect({ address, answers: await canConnect(address, server.port, 300) }).toEqual({ address, answers: false });

      await server.stop();
      stopped = true;
      expect(await canConnect('127.0.0.1', server.port, 300)).toBe(false);
      expect(existsSync(server.dir)).toBe(false);
    } finally {
      if (!stopped) await server.stop();
    }
  });
});
