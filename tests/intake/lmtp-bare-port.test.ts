// LMTP_LISTEN=2424 (a bare port) listens on loopback only, as the configuration's comment
// says, not on every interface: the listener answers on 127.0.0.1 and not on the machine's
// other addresses.

import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/log.ts';
import { canConnect } from '../harness/ports.ts';
import { NO_SUPPRESSION_SERVERS, storeEnv } from '../harness/app-env.ts';

const PORT = 7481;

let app: App | undefined;
afterAll(async () => {
  await app?.stop();
});

/** The machine's own non-loopback IPv4 addresses. */
function otherAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((a): a is os.NetworkInterfaceInfo => Boolean(a && a.family === 'IPv4' && !a.internal))
    .map((a) => a.address);
}

describe('LMTP_LISTEN with a bare port', () => {
  it('listens on 127.0.0.1 only', async () => {
    app = buildApp(
      loadConfig({
        DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'rebound-bare-port-')),
        ...(await storeEnv()),
        LMTP_LISTEN: String(PORT),
        WEBUI_ENABLED: 'false',
        ...NO_SUPPRESSION_SERVERS,
      }),
      silentLogger(),
    );
    await app.start();
    expect(app.addresses().lmtp).toEqual([`127.0.0.1:${PORT}`]);
    expect(await canConnect('127.0.0.1', PORT)).toBe(true);
    for (const a of otherAddresses()) expect(await canConnect(a, PORT), a).toBe(false);
  });
});
