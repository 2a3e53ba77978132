// Structured JSON logs (pino) to stdout; one child logger per component ({component: 'lmtp'}).
// Secrets are redacted by key wherever they appear in a logged object.

import { pino, type Logger } from 'pino';

export type { Logger };

const REDACT = [
  'pass',
  'password',
  'secret',
  'adminPass',
  'sessionSecret',
  'auth.pass',
  '*.pass',
  '*.password',
  '*.adminPass',
  '*.sessionSecret',
  '*.auth.pass',
  'config.*.pass',
  // OAuth2 (IMAP_AUTH=oauth2): never the tokens or the client secret.
  'accessToken',
  'refreshToken',
  'clientSecret',
  '*.accessToken',
  '*.refreshToken',
  '*.clientSecret',
  '*.auth.accessToken',
];

export function createLogger(level = 'info', destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { app: 'rebound' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT, censor: '***' },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination as never,
  );
}

/** A logger that writes nothing, for tests and for the CLI's quiet commands. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
