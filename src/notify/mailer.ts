// The way out: nodemailer over SMTP to the configured relay (SMTP_SERVER:SMTP_PORT), with
// bounded timeouts, and every failure turned into {temporary|permanent, message} so the
// notifier can record it in plain words and retry.

import type { Transporter } from 'nodemailer';
import type { Config } from '../config.ts';
import { ReboundError } from '../errors.ts';

export interface OutgoingMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  inReplyTo?: string;
  references?: string;
  /** `<id@host>`; default: a fresh one per send. */
  messageId?: string;
}

export interface SendResult {
  messageId: string;
  /** The relay's final reply, e.g. "250 2.0.0 Ok: queued as 1234". */
  response: string;
  accepted: string[];
  /** Recipients the relay refused while accepting others (the message went to the rest). */
  rejected: string[];
}

/** A send that did not happen: temporary ones (4xx, network) may work later. */
export class SendError extends ReboundError {
  readonly responseCode: number | undefined;
  constructor(kind: 'temporary' | 'permanent', message: string, code: string, responseCode?: number, cause?: unknown) {
    super(code, message, { temporary: kind === 'temporary', cause });
    this.name = 'SendError';
    this.responseCode = responseCode;
  }

  /** The `temporary` flag in words, as stored with a failed notice and used as a metric label. */
  get kind(): 'temporary' | 'permanent' {
    return this.temporary ? 'temporary' : 'permanent';
  }
}

export interface Mailer {
  /** Sends one message; the envelope sender is NOTIFY_FROM and the recipients are mail.to. */
  send(mail: OutgoingMail): Promise<SendResult>;
  /** The relay as "host:port", for status lines. */
  readonly relay: string;
  close(): void;
}

export interface MailerTimeouts {
  /** TCP connect, ms. */
  connection: number;
  /** From connect to the 220 greeting, ms. */
  greeting: number;
  /** Idle socket during the dialogue, ms. */
  socket: number;
}

/**
 * nodemailer's defaults (2 min to connect, 10 min idle) would hold the send loop for minutes
 * when the relay hangs; a notice can wait for the next retry instead.
 */
export const DEFAULT_TIMEOUTS: MailerTimeouts = { connection: 15_000, greeting: 15_000, socket: 60_000 };

/** Network-level error codes of nodemailer and Node that mean "try again later". */
const TEMPORARY_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPROTOCOL',
]);

/**
 * Maps a nodemailer error to a SendError. RFC 5321 section 4.2.1: a 4yz reply is a transient
 * failure, 5yz permanent. Without a reply code, network trouble is temporary; a refused
 * login (EAUTH), a TLS policy failure or a malformed message is permanent (it needs a fix).
 */
export function toSendError(err: unknown, relay: string): SendError {
  const e = err as { code?: string; responseCode?: number; response?: string; message?: string; command?: string };
  const code = e?.code ?? 'EUNKNOWN';
  const responseCode = typeof e?.responseCode === 'number' ? e.responseCode : undefined;
  const said = (e?.response ?? e?.message ?? String(err)).replace(/\s+/g, ' ').trim().slice(0, 500);
  let kind: 'temporary' | 'permanent';
  if (responseCode !== undefined && responseCode >= 400 && responseCode < 500) kind = 'temporary';
  else if (responseCode !== undefined && responseCode >= 500) kind = 'permanent';
  else kind = TEMPORARY_CODES.has(code) ? 'temporary' : 'permanent';
  const verb = e?.command?.split(' ')[0] ?? '';
  const where = !verb ? '' : verb === 'CONN' ? ' (while connecting)' : ` (in reply to ${verb})`;
  return new SendError(kind, `relay ${relay}: ${said}${where}`, code, responseCode, err);
}

export function createMailer(smtp: Config['smtp'], timeouts: MailerTimeouts = DEFAULT_TIMEOUTS): Mailer {
  const relay = `${smtp.host}:${smtp.port}`;
  // nodemailer is loaded at the first send, not at start: an idle service that has sent
  // nothing does not hold it (~4 MB resident, tests/bench/idle.ts).
  let transport: Transporter | undefined;
  let loading: Promise<Transporter> | undefined;
  const getTransport = () =>
    (loading ??= import('nodemailer').then(
      ({ default: nodemailer }) => {
        transport = nodemailer.createTransport({
          host: smtp.host,
          port: smtp.port,
          secure: smtp.secure,
          requireTLS: smtp.requireTls,
          ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.pass } } : {}),
          tls: { rejectUnauthorized: smtp.tlsVerify },
          connectionTimeout: timeouts.connection,
          greetingTimeout: timeouts.greeting,
          socketTimeout: timeouts.socket,
          // No DNS round trip for the EHLO name; a fixed name keeps the relay's logs readable.
          name: 'rebound.localdomain',
        });
        return transport;
      },
      (err: unknown) => {
        // Not kept: a failed load (EMFILE, say) must not fail every later notice too.
        loading = undefined;
        throw err;
      },
    ));
  return {
    relay,
    async send(mail) {
      try {
        const sender = await getTransport();
        const info = await sender.sendMail({
          from: mail.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          headers: mail.headers,
          ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo, references: mail.references ?? mail.inReplyTo } : {}),
          ...(mail.messageId ? { messageId: mail.messageId } : {}),
          // The envelope sender is NOTIFY_FROM: a notice that bounces goes back there, and
          // reaches rebound only if that address is routed to it.
          envelope: { from: mail.from, to: mail.to },
          disableFileAccess: true,
          disableUrlAccess: true,
        });
        return {
          messageId: String(info.messageId ?? ''),
          response: String(info.response ?? ''),
          accepted: (info.accepted ?? []).map(String),
          rejected: (info.rejected ?? []).map(String),
        };
      } catch (err) {
        throw toSendError(err, relay);
      }
    },
    close() {
      transport?.close();
    },
  };
}
