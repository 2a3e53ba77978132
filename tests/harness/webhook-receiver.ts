// A real webhook receiver on loopback: an HTTP server that checks every request's signature
// with the `standardwebhooks` package (the reference library receivers use, not rebound's
// own code), keeps what it received, and answers what the test tells it to. It can be
// stopped and started again on the same port (a receiver that is down for a while).

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface Received {
  id: string;
  timestamp: string;
  signature: string;
  /** Whether the signature verified with the endpoint's secret. */
  verified: boolean;
  verifyError: string;
  body: string;
  /** The parsed body: {type, timestamp, data}. */
  event: { type: string; timestamp: string; data: Record<string, unknown> };
  path: string;
  /** The status this receiver answered. */
  answered: number;
}

export interface ReceiverOptions {
  port?: number;
  /** The endpoint's secret (whsec_...); can be set later with setSecret. */
  secret?: string;
}

export class WebhookReceiver {
  received: Received[] = [];
  /** Status to answer per request (by the request's number, from 0); default 204. */
  answer: (n: number, r: Received) => number | { status: number; body?: string; headers?: Record<string, string> } | 'hang' = () => 204;
  #server: http.Server | undefined;
  #port: number;
  #secret: string;
  #sockets = new Set<import('node:net').Socket>();
  constructor(o: ReceiverOptions = {}) {
    this.#port = o.port ?? 0;
    this.#secret = o.secret ?? '';
  }

  get port(): number {
    return this.#port;
  }
  get url(): string {
    return `http://127.0.0.1:${this.#port}/hook`;
  }

  setSecret(secret: string): void {
    this.#secret = secret;
  }

  /** Events that verified, in arrival order. */
  get verified(): Received[] {
    return this.received.filter((r) => r.verified);
  }

  async start(): Promise<void> {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const headers = {
          'webhook-id': String(req.headers['webhook-id'] ?? ''),
          'webhook-timestamp': String(req.headers['webhook-timestamp'] ?? ''),
          'webhook-signature': String(req.headers['webhook-signature'] ?? ''),
        };
        let verified = false;
        let verifyError = '';
        try {
          new Webhook(this.#secret).verify(body, headers);
          verified = true;
        } catch (err) {
          verifyError = (err as Error).message;
        }
        let event = { type: '', timestamp: '', data: {} };
        try {
          event = JSON.parse(body);
        } catch {
          /* kept as received */
        }
        const r: Received = {
          id: headers['webhook-id'],
          timestamp: headers['webhook-timestamp'],
          signature: headers['webhook-signature'],
          verified,
          verifyError,
          body,
          event,
          path: req.url ?? '',
          answered: 0,
        };
        const a = this.answer(this.received.length, r);
        this.received.push(r);
        if (a === 'hang') return; // never answers: the sender's timeout must end it
        const o = typeof a === 'number' ? { status: a } : a;
        r.answered = o.status;
        res.writeHead(o.status, o.headers ?? {});
        res.end(o.body ?? '');
      });
    });
    server.on('connection', (s) => {
      this.#sockets.add(s);
      s.on('close', () => this.#sockets.delete(s));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.#port, '127.0.0.1', () => resolve());
    });
    this.#port = (server.address() as AddressInfo).port;
    this.#server = server;
  }

  async stop(): Promise<void> {
    const s = this.#server;
    this.#server = undefined;
    if (!s) return;
    for (const sock of this.#sockets) sock.destroy();
    await new Promise<void>((r) => s.close(() => r()));
  }
}
