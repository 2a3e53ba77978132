// A real pino logger whose lines a test can read (what an admin would see in the log).

import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/log.ts';

export interface Logged {
  level: string;
  msg: string;
  [k: string]: unknown;
}

/** A real pino logger whose lines the test can read. */
export function capturingLogger(): { log: Logger; lines: Logged[] } {
  const lines: Logged[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const l of chunk.toString().split('\n')) if (l.trim()) lines.push(JSON.parse(l) as Logged);
      cb();
    },
  });
  return { log: createLogger('debug', sink), lines };
}
