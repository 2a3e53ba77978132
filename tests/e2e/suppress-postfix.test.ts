// The suppression loop closed with a real Postfix (tests/harness/postfix.ts) and the whole
// rebound app (buildApp): a hard bounce reaches rebound over LMTP and suppresses its address;
// the next message to that address is refused at RCPT on Postfix's SMTP port with rebound's
// text; after the entry is removed on the dashboard in Chromium, the next one is accepted.
// Then what the README says about each server when rebound is stopped: the socketmap form
// answers 451 (the sender retries) but still takes bounces, the policy form with
// default_action=DUNNO lets mail through. Postfix reads the snippets an admin pastes (config/postfix/suppress-*.cf).
// Soft bounces from a real MX escalate and expire on rebound's injected clock.

import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/log.ts';
import { storeEnvOf } from '../harness/app-env.ts';
import { launchBrowser } from '../harness/browser.ts';
import { startFakeMx, type FakeMx } from '../harness/fake-mx.ts';
import { portSet, stopAll, waitFor, waitForPortClosed } from '../harness/ports.ts';
import { BOUNCE_ADDRESS, TEST_DOMAIN, readMainCfSnippet, startPostfix, stopPostfix, type PostfixInstance } from '../harness/postfix.ts';

const PORTS = portSet(27);
const SOCKETMAP_PORT = 27430;
const POLICY_PORT = 27431;
const WEB_PORT = 27888;
const ADMIN_PASS = 'suppress e2e password';
const ROOT = new URL('../../', import.meta.url).pathname;
const DEAD = 'gone@undeliverable.test';
const run = promisify(execFile);

/** The admin's snippet with the documented ports replaced by the test's. */
function snippet(name: string): Record<string, string> {
  const cf = readMainCfSnippet(path.join(ROOT, 'config/postfix', name));
  for (const k of Object.keys(cf)) {
    cf[k] = cf[k]!.replace('127.0.0.1:2426', `127.0.0.1:${SOCKETMAP_PORT}`).replace('127.0.0.1:2427', `127.0.0.1:${POLICY_PORT}`);
  }
  return cf;
}

let dataDir: string;
let app: App | undefined;
let pf: PostfixInstance | undefined;
let browser: Browser | undefined;
let mx: FakeMx | undefined;
/** rebound's injected clock: now, moved forward by the escalation test. */
let clockOffsetMs = 0;
const DAY_MS = 86_400_000;

async function startApp(): Promise<void> {
  app = buildApp(
    loadConfig({
      DATA_DIR: dataDir,
      ...(await storeEnvOf(dataDir)),
      LMTP_LISTEN: `127.0.0.1:${PORTS.lmtp}`,
      LMTP_HOSTNAME: 'rebound.test',
      SOCKETMAP_LISTEN: `127.0.0.1:${SOCKETMAP_PORT}`,
      POLICY_LISTEN: `127.0.0.1:${POLICY_PORT}`,
      POLICY_EXEMPT_SENDERS: `ceo@${TEST_DOMAIN}`,
      WEBUI_PORT: String(WEB_PORT),
      ADMIN_PASS,
      SESSION_SECRET: 'a-suppress-e2e-session-secret-longer-than-32',
      SMTP_PORT: String(PORTS.sink),
      SUPPRESS_SOFT_COUNT: '2',
      SUPPRESS_SOFT_WINDOW_DAYS: '7',
      SUPPRESS_SOFT_DAYS: '3',
    }),
    silentLogger(),
    { clock: () => new Date(Date.now() + clockOffsetMs) },
  );
  return app.start();
}

async function stopApp(): Promise<void> {
  await app?.stop();
  app = undefined;
  await waitForPortClosed('127.0.0.1', SOCKETMAP_PORT);
}

function message(to: string, tag: string): string {
  return [
    `From: <app@${TEST_DOMAIN}>`,
    `To: <${to}>`,
    `Subject: suppress e2e ${tag}`,
    `Message-ID: <suppress-${tag}@${TEST_DOMAIN}>`,
    '',
    `body ${tag}`,
    '',
  ].join('\r\n');
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'rebound-suppress-e2e-'));
  await startApp();
  mx = await startFakeMx({ port: PORTS.mx });
  pf = await startPostfix({ name: 'suppress-e2e', ports: PORTS, mainCf: snippet('suppress-socketmap.cf') });
});

afterAll(async () => {
  await stopAll([() => browser?.close(), () => pf?.purge(), () => stopPostfix(pf), () => mx?.stop(), () => app?.stop()]);
});

describe('Postfix consults rebound before it sends', () => {
  it("refuses at RCPT, with rebound's text, an address whose hard bounce arrived over LMTP", async () => {
    // The original is accepted (nothing is suppressed yet); Postfix bounces it itself and
    // delivers the DSN to the bounce address, i.e. to rebound over LMTP.
    const first = await pf!.send(BOUNCE_ADDRESS, [DEAD], message(DEAD, 'first'));
    expect(first.rcpt.map((r) => r.code)).toEqual([250]);
    expect(first.data.map((r) => r.code)).toEqual([250]);
    const entry = await waitFor(
      'the hard bounce to suppress the address',
      async () => await app!.store.suppressions.check(DEAD, new Date()),
      {
        tries: 200,
        intervalMs: 50,
      },
    );
    expect(entry).toMatchObject({ source: 'bounce', reason: 'userunknown', rule: 'hard-bounce' });
    expect(await app!.store.bounces.get(entry.bounceId!)).toMatchObject({ email_to: DEAD, bounce_type: 'hard' });
    const delivered = new RegExp(`to=<${BOUNCE_ADDRESS}>, relay=127\\.0\\.0\\.1\\[127\\.0\\.0\\.1\\]:${PORTS.lmtp}.*status=sent \\(250`);
    await waitFor('Postfix to log the LMTP delivery', () => delivered.test(pf!.maillog()), { tries: 100, intervalMs: 50 });

    const second = await pf!.send(`app@${TEST_DOMAIN}`, [DEAD, `alive@${TEST_DOMAIN}`], message(DEAD, 'second'));
    const today = new Date().toISOString().slice(0, 10);
    expect(second.rcpt[0]).toEqual({
      code: 554,
      text: `5.1.1 <${DEAD}>: Recipient address rejected: this address is on the suppression list of rebound after a hard bounce (userunknown) on ${today}`,
    });
    expect(second.rcpt[1]!.code).toBe(250); // the other recipient is not affected
    expect((await app!.metrics.suppressionLookups.get()).values).toContainEqual({ labels: { via: 'socketmap', result: 'hit' }, value: 1 });
  });

  it('accepts the address again once the entry is removed on the dashboard in Chromium', async () => {
    browser = await launchBrowser();
    const page = await browser.newPage();
    const base = `http://127.0.0.1:${WEB_PORT}`;
    await page.goto(`${base}/suppressions`);
    await page.fill('#password', ADMIN_PASS);
    await page.click('button[type=submit]');
    await page.waitForURL(`${base}/suppressions`);
    await page.fill('#s-q', 'gone@');
    await page.click('#apply-suppression-filters');
    const row = page.locator(`tr[data-address="${DEAD}"]`);
    await expect(row.locator('td').nth(1).textContent()).resolves.toBe('userunknown');
    await row.locator('input[name=note]').fill('the mailbox exists again');
    await row.locator('button[type=submit]').click();
    await page.waitForSelector('#flash');
    await expect(page.locator('#flash').textContent()).resolves.toBe(`${DEAD} is no longer suppressed.`);
    await expect(page.locator(`tr[data-address="${DEAD}"]`).count()).resolves.toBe(0);
    expect((await app!.store.suppressions.events(DEAD))[0]).toMatchObject({
      action: 'removed',
      actor: 'dashboard:admin',
      note: 'the mailbox exists again',
    });

    const third = await pf!.send(`app@${TEST_DOMAIN}`, [DEAD], message(DEAD, 'third'));
    expect(third.rcpt.map((r) => r.code)).toEqual([250]);
  });

  it('refuses through the policy server too, except for an exempt sender', async () => {
    await pf!.reload(snippet('suppress-policy.cf'));
    await app!.store.suppressions.add({ address: `@closed.test`, reason: 'manual', source: 'manual', by: 'test' }, new Date());
    const r = await pf!.send(`app@${TEST_DOMAIN}`, ['anyone@closed.test'], message('anyone@closed.test', 'policy'));
    expect(r.rcpt[0]!.code).toBe(554);
    expect(r.rcpt[0]!.text).toMatch(
      /^5\.1\.1 <anyone@closed\.test>: Recipient address rejected: the domain closed\.test is on the suppression list of rebound after an administrator on \d{4}-/,
    );
    const exempt = await pf!.send(`ceo@${TEST_DOMAIN}`, ['anyone@closed.test'], message('anyone@closed.test', 'exempt'));
    expect(exempt.rcpt.map((x) => x.code)).toEqual([250]);
  });

  it("covers sendmail(1) too: the transport form returns the message to its sender with rebound's text", async () => {
    await pf!.reload({
      ...snippet('suppress-transport.cf'),
      // The snippet's hash:/etc/postfix/transport is the test instance's transport table.
      transport_maps: snippet('suppress-transport.cf').transport_maps!.replace(
        'hash:/etc/postfix/transport',
        `texthash:${pf!.configDir}/transport`,
      ),
      smtpd_recipient_restrictions: '',
    });
    const listed = `listed@${TEST_DOMAIN}`;
    await app!.store.suppressions.add({ address: listed, reason: 'manual', source: 'manual', by: 'test' }, new Date());
    // postmap -q asks the same server, as the README suggests for a check by hand.
    const q = await run('postmap', ['-c', pf!.configDir, '-q', listed, `socketmap:inet:127.0.0.1:${SOCKETMAP_PORT}:transport`]);
    expect(q.stdout).toMatch(/^error:5\.1\.1 this address is on the suppression list of rebound/);
    // sendmail(1) -> postdrop -> pickup: no smtpd on the way.
    await new Promise<void>((resolve, reject) => {
      const child = execFile('sendmail', ['-C', pf!.configDir, '-f', BOUNCE_ADDRESS, listed], { timeout: 10_000 }, (err) =>
        err ? reject(err) : resolve(),
      );
      child.stdin!.end(message(listed, 'sendmail'));
    });
    // Postfix returns it to the sender (the bounce address): the DSN reaches rebound over LMTP.
    const row = await waitFor(
      'the returned message to reach rebound',
      () =>
        app!.store.sql.get<{ status_code: string }>(
          "SELECT * FROM bounces WHERE email_to = ? AND diagnostic LIKE '%suppression list of rebound%'",
          [listed],
        ),
      { tries: 200, intervalMs: 50 },
    );
    expect(row.status_code).toBe('5.1.1');
    expect(pf!.maillog()).toMatch(
      new RegExp(`to=<${listed}>, relay=none.*status=bounced \\(this address is on the suppression list of rebound`),
    );
    await pf!.reload({ transport_maps: `texthash:${pf!.configDir}/transport` });
  });

  it('escalates soft bounces from a real MX to a suppression for SUPPRESS_SOFT_DAYS, and lets it expire (injected clock)', async () => {
    const FULL = 'full-box@mx-reject.test'; // the fake MX answers 452 4.2.2 Mailbox full
    // One try only: Postfix turns the 452 into a DSN at once instead of retrying for days.
    await pf!.reload({ ...snippet('suppress-socketmap.cf'), maximal_queue_lifetime: '0' });
    const softBounces = () =>
      app!.store.sql.all<{ status_code: string; reason: string }>("SELECT * FROM bounces WHERE email_to = ? AND bounce_type = 'soft'", [
        FULL,
      ]);
    try {
      expect((await pf!.send(BOUNCE_ADDRESS, [FULL], message(FULL, 'soft-1'))).rcpt.map((r) => r.code)).toEqual([250]);
      await waitFor('the first soft bounce', async () => (await softBounces()).length === 1, { tries: 200, intervalMs: 50 });
      expect((await softBounces())[0]!.status_code).toBe('4.2.2');
      expect(await app!.store.suppressions.check(FULL, new Date(Date.now() + clockOffsetMs))).toBeUndefined();

      clockOffsetMs = DAY_MS; // a day later: the second within the 7-day window
      expect((await pf!.send(BOUNCE_ADDRESS, [FULL], message(FULL, 'soft-2'))).rcpt.map((r) => r.code)).toEqual([250]);
      await waitFor('the second soft bounce', async () => (await softBounces()).length === 2, { tries: 200, intervalMs: 50 });
      const entry = (await app!.store.suppressions.check(FULL, new Date(Date.now() + clockOffsetMs)))!;
      expect(entry).toMatchObject({ source: 'escalation', rule: 'soft-escalation', note: '2 soft bounces within 7 days' });
      const until = new Date(Date.parse(entry.firstSeen) + 3 * DAY_MS).toISOString().slice(0, 10);
      const refused = await pf!.send(`app@${TEST_DOMAIN}`, [FULL], message(FULL, 'soft-3'));
      expect(refused.rcpt[0]!.code).toBe(554);
      expect(refused.rcpt[0]!.text).toContain(
        `this address is on the suppression list of rebound after repeated soft bounces (${(await softBounces())[1]!.reason}) on ${entry.firstSeen.slice(0, 10)} until ${until}`,
      );

      clockOffsetMs = DAY_MS + 3 * DAY_MS + 60_000; // past the expiry: Postfix accepts again
      const accepted = await pf!.send(`app@${TEST_DOMAIN}`, [FULL], message(FULL, 'soft-4'));
      expect(accepted.rcpt.map((r) => r.code)).toEqual([250]);
    } finally {
      await pf!.reload({ maximal_queue_lifetime: '60s' });
    }
  });

  it('with rebound stopped: the policy form lets mail through (default_action=DUNNO), the socketmap form answers 451, the transport form defers', async () => {
    await pf!.reload(snippet('suppress-policy.cf'));
    await stopApp();
    // Policy form: fail open.
    const open = await pf!.send(`app@${TEST_DOMAIN}`, ['anyone@closed.test'], message('anyone@closed.test', 'down-policy'));
    expect(open.rcpt.map((x) => x.code)).toEqual([250]);
    // Socketmap form: fail closed, temporarily; the sender keeps the message and retries.
    await pf!.reload(snippet('suppress-socketmap.cf'));
    const closed = await pf!.send(`app@${TEST_DOMAIN}`, [`alive@${TEST_DOMAIN}`], message(`alive@${TEST_DOMAIN}`, 'down-socketmap'));
    expect(closed.rcpt[0]!.code).toBe(451);
    expect(closed.rcpt[0]!.text).toBe('4.3.5 <alive@example.test>: Recipient address rejected: Server configuration error');
    // A bounce (null sender) to the bounce address is still accepted and waits in the queue.
    const bounce = await pf!.send('', [BOUNCE_ADDRESS], message(BOUNCE_ADDRESS, 'down-dsn'));
    expect(bounce.rcpt.map((x) => x.code)).toEqual([250]);
    expect(bounce.data.map((x) => x.code)).toEqual([250]);
    const queued = await waitFor(
      'the bounce to wait in the queue',
      async () => (await pf!.queue()).find((q) => q.sender === 'MAILER-DAEMON' && q.recipients.some((r) => r.address === BOUNCE_ADDRESS)),
      { tries: 100, intervalMs: 50 },
    );
    expect(queued.recipients[0]!.address).toBe(BOUNCE_ADDRESS);
    // Transport form (sendmail path): the message waits in the queue, deferred, not bounced.
    await pf!.purge();
    await pf!.reload({
      transport_maps: snippet('suppress-transport.cf').transport_maps!.replace(
        'hash:/etc/postfix/transport',
        `texthash:${pf!.configDir}/transport`,
      ),
    });
    const waiting = `waiting@${TEST_DOMAIN}`;
    await new Promise<void>((resolve, reject) => {
      const child = execFile('sendmail', ['-C', pf!.configDir, '-f', `app@${TEST_DOMAIN}`, waiting], { timeout: 10_000 }, (err) =>
        err ? reject(err) : resolve(),
      );
      child.stdin!.end(message(waiting, 'down-sendmail'));
    });
    const deferred = await waitFor(
      'the sendmail message to wait in the queue',
      async () => {
        const q = await pf!.queue();
        return (
          q.find((e) => e.recipients.some((r) => r.address === waiting && r.delay_reason)) ??
          (q.length === 0 && pf!.maillog().includes(`to=<${waiting}>`) ? 'gone' : undefined)
        );
      },
      { tries: 200, intervalMs: 50 },
    );
    expect(deferred).not.toBe('gone');
    // The queue shows the deferral a moment before the mail log has its line: wait for the line.
    const deferral = new RegExp(`to=<${waiting}>, relay=none.*dsn=4\\.3\\.0, status=deferred \\(address resolver failure\\)`);
    await waitFor('the deferral in the mail log', () => deferral.test(pf!.maillog()) || undefined, { tries: 100, intervalMs: 50 });
    await pf!.purge();
  });
});
