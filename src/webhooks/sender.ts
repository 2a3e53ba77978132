// One webhook request: POST the signed JSON body, wait a bounded time, read a bounded
// excerpt of the answer, never follow a redirect (node:http does not follow them; a 3xx is
// an answer like any other). Signed as the Standard Webhooks specification says, with the
// `standardwebhooks` package: HMAC-SHA256 over "id.timestamp.body".

import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { Webhook } from 'standardwebhooks';
import { guardedLookup, InternalAddressError, isInternalAddress } from './target.ts';

/** The answer's first bytes kept in the attempt log: enough to read an error message. */
export const MAX_RESPONSE_EXCERPT = 2048;

export interface SendResult {
  /** 0 when no HTTP answer came (refused, reset, timeout, refused address). */
  httpStatus: number;
  error: string;
  /** True for an address refusal: no retry can help until the setting changes. */
  refused: boolean;
  responseExcerpt: string;
  durationMs: number;
}

export interface SendOptions {
  url: string;
  secret: string;
  eventId: string;
  payload: string;
  now: Date;
  timeoutMs: number;
  allowPrivate: boolean;
}

export function signatureHeaders(secret: string, eventId: string, at: Date, payload: string): Record<string, string> {
  return {
    'webhook-id': eventId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(eventId, at, payload),
  };
}

export function sendWebhook(o: SendOptions): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise<SendResult>((resolve) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (r: Omit<SendResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...r, durationMs: elapsed() });
    };
    let url: URL;
    try {
      url = new URL(o.url);
    } catch {
      return finish({ httpStatus: 0, error: 'not a URL', refused: true, responseExcerpt: '' });
    }
    const host = url.hostname.replace(/^\[|\]$/g, '');
    // An IP literal never goes through the lookup hook: judge it here.
    if (!o.allowPrivate && net.isIP(host) && isInternalAddress(host)) {
      return finish({ httpStatus: 0, error: `${host} is a private or loopback address`, refused: true, responseExcerpt: '' });
    }
    const body = Buffer.from(o.payload);
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': String(body.length),
        'user-agent': 'rebound-webhooks/1',
        ...signatureHeaders(o.secret, o.eventId, o.now, o.payload),
      },
      lookup: guardedLookup(o.allowPrivate) as never,
      agent: false,
    });
    timer = setTimeout(() => req.destroy(new Error(`no answer within ${o.timeoutMs} ms`)), o.timeoutMs);
    req.on('error', (err) => {
      finish({ httpStatus: 0, error: err.message || String(err), refused: err instanceof InternalAddressError, responseExcerpt: '' });
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        finish({
          httpStatus: res.statusCode ?? 0,
          error: '',
          refused: false,
          responseExcerpt: Buffer.concat(chunks).toString('utf8').slice(0, MAX_RESPONSE_EXCERPT),
        });
        res.destroy();
      };
      res.on('data', (chunk: Buffer) => {
        if (size < MAX_RESPONSE_EXCERPT) chunks.push(chunk.subarray(0, MAX_RESPONSE_EXCERPT - size));
        size += chunk.length;
        // Enough read: the rest of a large answer is never downloaded.
        if (size >= MAX_RESPONSE_EXCERPT) done();
      });
      res.on('end', done);
      res.on('error', done);
    });
    req.end(body);
  });
}
