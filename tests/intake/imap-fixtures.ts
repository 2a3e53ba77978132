// Helpers shared by the IMAP poller's tests (plain and TLS) against a real Dovecot.

import { createHash } from 'node:crypto';
import type { Config, ImapFolders } from '../../src/config.ts';
import type { Dovecot } from '../harness/dovecot.ts';

export const NORMAL: ImapFolders = { inbox: 'INBOX', processed: 'PROCESSED', skipped: 'SKIPPED', problem: 'PROBLEM' };
export const TEST: ImapFolders = { inbox: 'TEST', processed: 'TESTPROCESSED', skipped: 'TESTSKIPPED', problem: 'TESTPROBLEM' };

/**
 * sha256 of a message with CRLF line ends. Dovecot's maildir keeps what APPEND gave it but
 * FETCH returns it with CRLF (RFC 3501 section 2.2 wants CRLF on the wire), so that is what
 * the poller downloads and stores; the corpus files have LF.
 */
export function wireSha256(b: Buffer): string {
  return createHash('sha256')
    .update(Buffer.from(b.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1'))
    .digest('hex');
}

/** Every folder but INBOX deleted, INBOX emptied: each test starts from a fresh mailbox. */
export async function emptyMailbox(dc: Dovecot, user?: string, pass?: string): Promise<void> {
  const c = await dc.client(user, pass);
  try {
    for (const f of await c.list()) if (f.path !== 'INBOX') await c.mailboxDelete(f.path);
    const lock = await c.getMailboxLock('INBOX');
    try {
      if (c.mailbox && c.mailbox.exists > 0) await c.messageDelete('1:*');
    } finally {
      lock.release();
    }
  } finally {
    await c.logout().catch(() => c.close());
  }
}

/** The poller's settings for the test Dovecot; the defaults of a deployment unless overridden. */
export function imapConfig(dc: Dovecot, over: Partial<Config['imap']>): Config['imap'] {
  return {
    enabled: true,
    name: 'main',
    statusPart: 'imap',
    host: '127.0.0.1',
    port: dc.port,
    user: dc.user,
    pass: dc.pass,
    auth: 'password',
    oauth: null,
    tls: 'none',
    tlsVerify: true,
    pollInterval: 60_000,
    idle: true,
    batchSize: 5,
    testMode: false,
    folders: NORMAL,
    ...over,
  };
}
