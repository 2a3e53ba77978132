// rebound's error type: a code and a `temporary` flag, so each adapter can answer right
// (LMTP: temporary -> 451 4.3.0, permanent -> 5xx; IMAP: temporary -> leave the message).

export class ReboundError extends Error {
  code: string;
  temporary: boolean;
  constructor(code: string, message: string, opts: { temporary: boolean; cause?: unknown }) {
    super(message, { cause: opts.cause });
    this.name = 'ReboundError';
    this.code = code;
    this.temporary = opts.temporary;
  }
}
