// The IMAP poller's TLS modes against a real Dovecot with a self-signed certificate made by
// the harness with openssl (tests/harness/dovecot.ts, `tls`): STARTTLS on 1243, implicit TLS
// on 1993 (ports apart from imap.test.ts's 1143). The real ingest funnel, classifier and a
// SQLite store in a temp dir; the tests read what a user would see: the folders, the rows in
// the database, the status board, the log, and Dovecot's own log (which says whether a login
// came over TLS).
//
// Not covered: verification on with the test's CA trusted. The poller has no CA setting, and
// NODE_EXTRA_CA_CERTS is read once at process start, so it cannot be set from inside a test.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.ts';
import { createIngestor } from '../../src/ingest.ts';
import { createImapPoller, type ImapPoller } from '../../src/intake/imap.ts';
import { StatusBoard } from '../../src/status.ts';
import type { Store } from '../../src/store/store.ts';
import { openTestStore } from '../harness/test-store.ts';
import { startDovecot, type Dovecot } from '../harness/dovecot.ts';
import { capturingLogger, type Logged } from '../harness/log.ts';
import { emptyMailbox, imapConfig as sharedImapConfig, wireSha256 } from './imap-fixtures.ts';
import { sleep, waitFor } from '../harness/ports.ts';

const STARTTLS_PORT = 1243;
const IMAPS_PORT = 1993;
const ROOT = new URL('../../', import.meta.url).pathname;
/** A real Postfix DSN: 5.1.1 from a remote MX for hard-user@mx-reject.test. */
const DSN = readFileSync(path.join(ROOT, 'tests/fixtures/corpus/postfix/dsn-remote-550.eml'));

let dc: Dovecot;
let dir: string;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  dc = await startDovecot({ port: STARTTLS_PORT, tls: { imapsPort: IMAPS_PORT } });
});

afterAll(async () => {
  await dc?.stop();
  if (dc) rmSync(dc.baseDir, { recursive: true, force: true });
});

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-imap-tls-test-'));
  await emptyMailbox(dc);
});

afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  rmSync(dir, { recursive: true, force: true });
});

// --- helpers ---

function imapConfig(over: Partial<Config['imap']>): Config['imap'] {
  // TLS tests start from implicit TLS with verification on (the defaults of IMAP_TLS*).
  return sharedImapConfig(dc, { port: IMAPS_PORT, tls: 'implicit', ...over });
}

async function rig(config: Partial<Config['imap']>): Promise<{ store: Store; poller: ImapPoller; board: StatusBoard; lines: Logged[] }> {
  const { log, lines } = capturingLogger();
  const store = await openTestStore();
  const board = new StatusBoard();
  const poller = createImapPoller({ config: imapConfig(config), ingestor: createIngestor({ store, log }), store, log, board });
  cleanups.push(async () => {
    await poller.stop();
    await store.dispose();
  });
  return { store, poller, board, lines };
}

function dbMessages(store: Store): Promise<{ sha256: string; source: string; status: string }[]> {
  return store.sql.all('SELECT sha256, source, status FROM messages ORDER BY id');
}

function bounceRecipients(store: Store): Promise<{ email_to: string; status_code: string }[]> {
  return store.sql.all('SELECT email_to, status_code FROM bounces ORDER BY id');
}

/** Connections the client closed during the TLS handshake, from Dovecot's log. */
function tlsHandshakeHangups(): number {
  return dc
    .log()
    .split('\n')
    .filter((l) => /imap-login: Info: Disconnected: .*TLS handshaking/.test(l)).length;
}

const MODES = [
  { name: 'implicit TLS', tls: 'implicit', port: IMAPS_PORT },
  { name: 'STARTTLS', tls: 'starttls', port: STARTTLS_PORT },
] as const;

// --- the tests ---

describe('IMAP poller over TLS against a real Dovecot with a self-signed certificate', () => {
  for (const mode of MODES) {
    it(`with ${mode.name} (IMAP_TLS=${mode.tls}) and IMAP_TLS_VERIFY=false logs in over TLS, records a DSN and moves it to PROCESSED`, async () => {
      await dc.append('INBOX', DSN);
      const loginsBefore = dc.successfulLogins();
      const tlsBefore = dc.tlsLogins();
      const r = await rig({ tls: mode.tls, port: mode.port, tlsVerify: false });

      const result = await r.poller.pollOnce();

      // The server's word that the poller's one session was encrypted (Dovecot would accept a
      // plaintext login on loopback, see the harness). Read before the checks below, whose
      // own logins are TLS too. Dovecot's log process may write the line a moment later.
      await waitFor('Dovecot to log the login', () => dc.successfulLogins() > loginsBefore, { tries: 40, intervalMs: 25 });
      expect({ logins: dc.successfulLogins() - loginsBefore, overTls: dc.tlsLogins() - tlsBefore }).toEqual({ logins: 1, overTls: 1 });
      expect(result).toMatchObject({ outcome: 'ok', found: 1, processed: 1, failed: 0 });
      expect(await dc.uids('INBOX')).toEqual([]);
      expect((await dc.messages('PROCESSED')).map(wireSha256)).toEqual([wireSha256(DSN)]);
      expect(await dbMessages(r.store)).toEqual([{ sha256: wireSha256(DSN), source: 'imap', status: 'Processed' }]);
      expect(await bounceRecipients(r.store)).toEqual([{ email_to: 'hard-user@mx-reject.test', status_code: '5.1.1' }]);
      expect(r.board.get('imap')).toMatchObject({ ok: true });
    });
  }

  for (const mode of MODES) {
    it(`with ${mode.name} and verification on (the default) refuses the self-signed certificate before logging in, says so on the status board and in the log, and retries with backoff`, async () => {
      await dc.append('INBOX', DSN);
      const loginsBefore = dc.successfulLogins();
      const failedBefore = dc.failedLogins();
      const hangupsBefore = tlsHandshakeHangups();
      const r = await rig({ tls: mode.tls, port: mode.port });

      await r.poller.start(); // resolves after the first attempt; does not throw
      await sleep(2500); // default backoff: attempts at about 0, 1 and 3 s

      const st = r.board.get('imap')!;
      expect(st.ok).toBe(false);
      expect(st.detail).toContain(`127.0.0.1:${mode.port}`);
      // Says what is wrong and which setting an admin can change.
      expect(st.detail).toMatch(/TLS certificate is not trusted \(DEPTH_ZERO_SELF_SIGNED_CERT\).*IMAP_TLS_VERIFY=false/);
      const warns = r.lines.filter((l) => l.level === 'warn' && /IMAP server not reachable; retrying/.test(l.msg));
      expect(warns.length).toBeGreaterThanOrEqual(1);
      expect(String(warns[0]!.error)).toMatch(/TLS certificate is not trusted \(DEPTH_ZERO_SELF_SIGNED_CERT\)/);
      // Bounded: a tight loop would make hundreds of attempts in 2.5 s; the backoff allows two
      // (the second after 1 s, the third not before 3 s), each waiting longer than the last.
      expect(warns.length).toBeLessThanOrEqual(2);
      expect(warns.map((w) => w.retryInMs)).toEqual([1000, 2000].slice(0, warns.length));
      expect(JSON.stringify(r.lines)).not.toContain(dc.pass);

      // Each attempt got as far as the TLS handshake (after STARTTLS, in that mode) and no
      // further: nothing reached the server's authentication, the password never left rebound.
      expect(tlsHandshakeHangups() - hangupsBefore).toBe(warns.length);
      expect(dc.successfulLogins()).toBe(loginsBefore);
      expect(dc.failedLogins()).toBe(failedBefore);
      await r.poller.stop();
      expect(await dbMessages(r.store)).toEqual([]);
      expect((await dc.messages('INBOX')).map(wireSha256)).toEqual([wireSha256(DSN)]);
    });
  }
});
