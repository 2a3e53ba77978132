// Notices say when their bounce put the address on the suppression list, and only then:
// real DSNs through the real ingestor (planner and suppression hook), the real notifier,
// a real SMTP server as the relay.

import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createIngestor } from '../../src/ingest.ts';
import { silentLogger } from '../../src/log.ts';
import { Metrics } from '../../src/metrics.ts';
import { createNoticePlanner } from '../../src/notify/notices.ts';
import { createNotifier } from '../../src/notify/notifier.ts';
import { StatusBoard } from '../../src/status.ts';
import { openTestStore, type TestStore } from '../harness/test-store.ts';
import { rulesFromSettings } from '../../src/suppress/policy.ts';
import { createSuppressionHook } from '../../src/suppress/record-hook.ts';
import { startSmtpSink, type SmtpSink } from '../harness/smtp-sink.ts';
import { dsn } from '../notify/dsn-fixtures.ts';

const SINK_PORT = 27588;
let sink: SmtpSink;
let store: TestStore;

beforeAll(async () => {
  sink = await startSmtpSink({ port: SINK_PORT });
});
afterAll(async () => {
  await store?.dispose();
  await sink?.stop();
});

describe('notices and the suppression list', () => {
  it('says in the notice that this bounce suppressed the address, and not when it was listed already', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-suppress-notice-'));
    const config = loadConfig(
      { DATA_DIR: dir, SMTP_PORT: String(SINK_PORT), NOTIFY_CC: 'ops@app.test', NOTIFY_FROM: 'rebound@app.test', SUPPRESS_HARD_DAYS: '30' },
      dir,
    );
    store = await openTestStore();
    const now = new Date();
    const ingestor = createIngestor({
      store,
      log: silentLogger(),
      planNotices: createNoticePlanner(config),
      recordHooks: [createSuppressionHook(rulesFromSettings(config.suppress))],
      clock: () => now,
    });
    const notifier = createNotifier({ config, store, log: silentLogger(), board: new StatusBoard(), metrics: new Metrics() });
    await ingestor.ingest({ raw: dsn({ tag: 'n1', failed: 'dead@example.org' }), source: 'lmtp' });
    await ingestor.ingest({ raw: dsn({ tag: 'n2', failed: 'dead@example.org' }), source: 'lmtp' });
    notifier.kick();
    const [first, second] = await sink.waitForMessages(2);
    const texts = [first!, second!].map((m) => m.raw.toString('utf8').replace(/=\r?\n/g, ''));
    const day = now.toISOString().slice(0, 10);
    const until = new Date(now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    const claim = `This bounce put dead@example.org on rebound's suppression list on ${day} until ${until}`;
    // Exactly one of the two notices (the first bounce's) makes the claim.
    expect(texts.filter((t) => t.includes(claim))).toHaveLength(1);
    expect(texts.find((t) => t.includes(claim))).toContain('X-Rebound-Notice: 1');
    await notifier.stop();
  });
});
