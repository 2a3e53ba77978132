// The socketmap server under measurement, in a process of its own (as in production, the
// client is another process: Postfix). Modes: `rebound` (the real service over a database
// of N entries) or `bare` (the same bounded netstring server answering NOTFOUND without a
// lookup: the floor of the protocol and the loopback round trip). Tells its parent
// { ready, port } over IPC and stops on 'stop'.
//
// usage (forked by suppress.ts): node tests/bench/suppress-server.ts rebound|bare DB_PATH PORT

import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/log.ts';
import { openStore } from '../../src/store/store.ts';
import { createBoundedServer } from '../../src/suppress/bounded-server.ts';
import { netstringFramer } from '../../src/suppress/socketmap.ts';
import { createSuppressionService } from '../../src/suppress/service.ts';

const [mode, dbPath, portArg] = process.argv.slice(2);
const port = Number(portArg);
const log = silentLogger();

async function main(): Promise<void> {
  let stop: () => Promise<void>;
  if (mode === 'bare') {
    const server = createBoundedServer({
      name: 'bare',
      listen: [{ kind: 'tcp', host: '127.0.0.1', port, path: '' }],
      maxConnections: 10,
      idleTimeout: 60_000,
      maxRequestBytes: 2048,
      newFramer: () => netstringFramer(2048),
      answer: () => '9:NOTFOUND ,',
      log,
    });
    await server.start();
    stop = () => server.stop();
  } else {
    const store = openStore(dbPath!, { synchronous: 'normal' });
    const config = loadConfig({ DATA_DIR: '/nonexistent', SOCKETMAP_LISTEN: `127.0.0.1:${port}`, POLICY_LISTEN: 'off' });
    const service = createSuppressionService({ config: config.suppress, store, log });
    await service.start();
    stop = async () => {
      await service.stop();
      store.close();
    };
  }
  process.send!({ ready: true, port });
  process.on('message', (m: { stop?: boolean }) => {
    if (m.stop) void stop().then(() => process.exit(0));
  });
}

void main();
