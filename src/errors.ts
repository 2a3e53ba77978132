// rebound's one error contract: a code and a `temporary` flag, so each adapter answers right
// without knowing who threw. LMTP: temporary -> 451 4.3.0 (Postfix keeps the message);
// IMAP: temporary -> the message stays in the inbox for the next poll; notices: temporary ->
// retried with backoff, permanent -> retried only up to RETRY_MAX and shown as a problem.
// Adapters' own errors (SendError, the IMAP connect errors) extend ReboundError.

import { oneLine } from './core/text.ts';

/** The code of a bad setting (ConfigError in config.ts): the CLI exits with EX_CONFIG. */
export const CONFIG_ERROR_CODE = 'config';

export class ReboundError extends Error {
  /** A short stable name for what failed ('store-unavailable', 'ECONNREFUSED', ...). */
  readonly code: string;
  /** True when the same thing may work later without anyone changing anything. */
  readonly temporary: boolean;
  constructor(code: string, message: string, opts: { temporary: boolean; cause?: unknown }) {
    super(message, { cause: opts.cause });
    this.name = 'ReboundError';
    this.code = code;
    this.temporary = opts.temporary;
  }
}

/**
 * True unless the error says it is permanent. An error nobody foresaw counts as temporary:
 * the message is kept and tried again rather than refused for good on a guess.
 */
export function isTemporary(err: unknown): boolean {
  return err instanceof ReboundError ? err.temporary : true;
}

/**
 * An error as one line of plain text for logs, status lines and stored `last_error`: the
 * message, led by the system's error code (ECONNREFUSED, SQLITE_BUSY) when the message does
 * not already name it; rebound's own errors are written to be read as they are.
 */
export function errorText(err: unknown, max = 500): string {
  if (!(err instanceof Error)) return oneLine(err === undefined || err === null ? 'unknown error' : String(err), max);
  const code = (err as { code?: unknown }).code;
  const lead = !(err instanceof ReboundError) && typeof code === 'string' && code && !err.message.includes(code) ? `${code}: ` : '';
  return oneLine(lead + (err.message || err.name), max);
}
