// The socketmap server: Postfix's socketmap_table(5) lookups, answered from the suppression
// list. A request is a netstring "<map name> <key>"; the reply a netstring "OK <value>",
// "NOTFOUND ", "TEMP <why>" or "PERM <why>". Two map names:
//
//   suppressed   for check_recipient_access (access(5)): OK REJECT 5.1.1 <cause and date>
//   transport    for transport_maps (transport(5)): OK error:5.1.1 <cause and date>; the form
//                that also covers mail submitted with sendmail(1), which no smtpd sees
//
// Keys that are not a whole address (a domain, "user@") are NOTFOUND: Postfix asks for the
// whole address first, and that lookup already finds a whole-domain entry.

import type { Metrics } from '../metrics.ts';
import type { Store } from '../store/store.ts';
import { ProtocolError, type Framer } from './bounded-server.ts';
import type { SuppressionEntry } from './repository.ts';

export const ACCESS_MAP = 'suppressed';
export const TRANSPORT_MAP = 'transport';

/**
 * Netstrings (https://cr.yp.to/proto/netstrings.txt): "<decimal length>:<bytes>,". Postfix
 * writes at most 100000 bytes in one (socketmap_table(5)); a lookup key is an address, so a
 * request is far shorter: the length is refused beyond `maxLength`, before its bytes arrive.
 */
export function netstringFramer(maxLength: number): Framer {
  let buf: Buffer = Buffer.alloc(0);
  return {
    push(chunk) {
      buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
      const out: string[] = [];
      for (;;) {
        const colon = buf.indexOf(0x3a);
        if (colon < 0) {
          if (buf.length > String(maxLength).length || !/^\d*$/.test(buf.toString('latin1')))
            throw new ProtocolError('bad netstring length');
          return out;
        }
        const digits = buf.subarray(0, colon).toString('latin1');
        if (!/^\d{1,7}$/.test(digits) || (digits.length > 1 && digits.startsWith('0'))) throw new ProtocolError('bad netstring length');
        const len = Number(digits);
        if (len > maxLength) throw new ProtocolError(`netstring of ${len} bytes (at most ${maxLength})`);
        const end = colon + 1 + len;
        if (buf.length < end + 1) return out;
        if (buf[end] !== 0x2c) throw new ProtocolError('netstring without its comma');
        out.push(buf.subarray(colon + 1, end).toString('utf8'));
        buf = buf.subarray(end + 1);
      }
    },
    pending: () => buf.length,
  };
}

export function netstring(s: string): string {
  return `${Buffer.byteLength(s)}:${s},`;
}

/** Postfix's reply text: printable ASCII only (it goes into an SMTP reply). */
function smtpSafe(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, '?');
}

/** The cause and date, as the SMTP client (the sender) reads it in the refusal. */
export function refusalText(e: SuppressionEntry): string {
  const since = e.firstSeen.slice(0, 10);
  const what = e.scope === 'domain' ? `the domain ${e.address.slice(1)}` : `this address`;
  let why: string;
  switch (e.source) {
    case 'bounce':
      why = `a hard bounce (${e.reason})`;
      break;
    case 'escalation':
      why = `repeated soft bounces (${e.reason})`;
      break;
    case 'complaint':
      why = 'a complaint';
      break;
    default:
      why = 'an administrator';
  }
  const until = e.expiresAt ? ` until ${e.expiresAt.slice(0, 10)}` : '';
  return smtpSafe(`${what} is on the suppression list of rebound after ${why} on ${since}${until}`);
}

export interface LookupDeps {
  store: Pick<Store, 'suppressions'>;
  metrics?: Metrics;
  clock?: () => Date;
  log?: { error(obj: object, msg: string): void };
}

/**
 * The entry in force for `address` (undefined: none), counted by server and result; 'failed'
 * when the store does not answer, logged with what the server answers instead.
 */
export async function lookUp(
  deps: LookupDeps,
  via: 'socketmap' | 'policy',
  address: string,
  answerOnFailure: string,
): Promise<SuppressionEntry | undefined | 'failed'> {
  let entry: SuppressionEntry | undefined;
  try {
    entry = await deps.store.suppressions.check(address, (deps.clock ?? (() => new Date()))());
  } catch (err) {
    deps.metrics?.suppressionLookups.inc({ via, result: 'error' });
    deps.log?.error({ err }, `suppression lookup failed; answering ${answerOnFailure}`);
    return 'failed';
  }
  deps.metrics?.suppressionLookups.inc({ via, result: entry ? 'hit' : 'miss' });
  return entry;
}

/** Answers one socketmap request (already unwrapped from its netstring), as a netstring. */
export async function socketmapAnswer(deps: LookupDeps, request: string): Promise<string> {
  const space = request.indexOf(' ');
  const name = space < 0 ? request : request.slice(0, space);
  const key = space < 0 ? '' : request.slice(space + 1);
  if (name !== ACCESS_MAP && name !== TRANSPORT_MAP) return netstring(`PERM unknown map name (use ${ACCESS_MAP} or ${TRANSPORT_MAP})`);
  const at = key.lastIndexOf('@');
  if (at <= 0 || at === key.length - 1) return netstring('NOTFOUND ');
  const entry = await lookUp(deps, 'socketmap', key, 'TEMP');
  // TEMP: Postfix answers 4xx and the sender retries, as when rebound is down.
  if (entry === 'failed') return netstring('TEMP suppression list unavailable');
  if (!entry) return netstring('NOTFOUND ');
  const text = refusalText(entry);
  return netstring(name === ACCESS_MAP ? `OK REJECT 5.1.1 ${text}` : `OK error:5.1.1 ${text}`);
}
