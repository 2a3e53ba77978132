// The entry point for `rebound start` / `npm start`: read the configuration, build the app,
// start it, and stop it cleanly on SIGTERM or SIGINT within a bounded time.

import { buildApp } from './app.ts';
import { loadConfig, maskDatabaseUrl } from './config.ts';
import { errorText } from './errors.ts';
import { createLogger } from './log.ts';

/** Longest a clean stop may take before the process exits anyway (Docker waits 10 s). */
const STOP_TIMEOUT_MS = 8000;

export async function run(): Promise<number> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const app = buildApp(config, log);
  process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled promise rejection'));
  process.on('uncaughtException', (err) => {
    // Last resort: nothing is lost, because nothing is acknowledged before it is committed.
    log.fatal({ err }, 'uncaught exception; exiting');
    process.exit(70);
  });
  try {
    await app.start();
  } catch (err) {
    // A part could not start (a port in use, a folder not writable): say which, and exit.
    log.fatal({ err }, 'rebound could not start');
    process.stderr.write(`rebound: could not start: ${errorText(err)}\n`);
    return 1;
  }
  log.info(
    {
      ...app.addresses(),
      testMode: config.testMode,
      db: config.databaseUrl ? maskDatabaseUrl(config.databaseUrl) : config.dbPath,
      imap: config.imap.enabled,
      instance: config.instance.id,
    },
    'rebound started',
  );

  return new Promise<number>((resolve) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      log.info({ signal }, 'stopping');
      const timer = setTimeout(() => {
        log.error({ timeoutMs: STOP_TIMEOUT_MS }, 'stop took too long; exiting');
        resolve(1);
      }, STOP_TIMEOUT_MS);
      timer.unref();
      app.stop().then(
        () => {
          clearTimeout(timer);
          log.info('stopped');
          resolve(0);
        },
        (err: unknown) => {
          clearTimeout(timer);
          log.error({ err }, 'stop failed');
          resolve(1);
        },
      );
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  });
}
