// The fallback intake: polls an IMAP mailbox (for setups where bounces land in a mailbox,
// not on rebound's LMTP listener) and feeds every message through the same ingest as LMTP.
// This module owns the connection's life: connect, pass, wait (IDLE or a timer), reconnect
// with backoff, report to the status board. What a pass does is in imap-pass.ts.
//
//   const poller = createImapPoller({ config: config.imap, ingestor, store, log, board, metrics });
//   await poller.start();   // never throws for a server that is down: it keeps retrying
//   ...
//   await poller.stop();    // finishes the message in hand, logs out (bounded)
//
// With several rebound instances on one store, a mailbox is polled by one at a time: the
// poller holds the lease "imap:NAME" (store/leases.ts) while it polls and renews it; the
// others stand by ("standby (held by ...)" on the status board and /health) and take over
// when the holder stops renewing (it died) and the lease has expired (LEASE_TTL).

import type { ImapFlow } from 'imapflow';
import type { Ingestor } from '../ingest.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import { LAST_POLL_AT, type StatusBoard } from '../status.ts';
import type { Store } from '../store/store.ts';
import { errorText } from '../errors.ts';
import { backoffDelay } from '../backoff.ts';
import { closeImap, connectImap, ImapConnectError, type ImapSettings } from './imap-connect.ts';
import { createTokenSource, type AccessTokens } from './imap-oauth.ts';
import { emptyResult, ensureFolders, ImapConnectionLost, workInbox, type MessageOutcome, type PollResult } from './imap-pass.ts';

export type { PollResult } from './imap-pass.ts';

export interface ImapTiming {
  /** First wait after a lost or refused connection; doubles up to backoffMaxMs. */
  backoffInitialMs: number;
  backoffMaxMs: number;
  /**
   * First wait after a refused login (never shorter than the poll interval); doubles up to
   * authRetryMaxMs. A wrong password stays wrong: hammering the server only gets the
   * account or the IP locked.
   */
  authRetryMs: number;
  authRetryMaxMs: number;
  /** How long stop() waits for the message in hand before cutting the connection. */
  stopTimeoutMs: number;
}

export const DEFAULT_TIMING: ImapTiming = {
  backoffInitialMs: 1000,
  backoffMaxMs: 5 * 60_000,
  authRetryMs: 60_000,
  authRetryMaxMs: 30 * 60_000,
  stopTimeoutMs: 15_000,
};

/**
 * RFC 2177 section 3: servers may drop an IDLE after 30 minutes, so clients re-issue it
 * before 29. The poller ends every wait by this time at the latest with a pass (NOOP, SEARCH).
 */
const MAX_IDLE_MS = 25 * 60_000;

/** Default for messages not downloaded at all (they go to the problem folder). */
export const DEFAULT_MAX_MESSAGE_SIZE = 50 * 1024 * 1024;

export interface ImapPollerOptions {
  config: ImapSettings;
  ingestor: Ingestor;
  store: Store;
  log: Logger;
  board?: StatusBoard;
  metrics?: Metrics;
  timing?: Partial<ImapTiming>;
  maxMessageSize?: number;
  clock?: () => Date;
  /** OAuth2 tokens (IMAP_AUTH=oauth2); made from config.oauth when not given. */
  tokens?: AccessTokens;
  /** Poll only while holding the lease "imap:NAME" as `holder` (several instances, one store); none: always poll. */
  lease?: { holder: string; ttlMs: number };
}

/** A standby instance tries for the lease this many times per lease time. */
const STANDBY_CHECKS_PER_TTL = 4;

export interface ImapPoller {
  /** Connects and starts the loop; resolves after the first connection attempt, never throws for a server that is down. */
  start(): Promise<void>;
  /** Finishes the message in hand, logs out; bounded by timing.stopTimeoutMs. */
  stop(): Promise<void>;
  /** One pass now: through the running loop when started, else on a connection of its own. */
  pollOnce(): Promise<PollResult>;
}

export function createImapPoller(opts: ImapPollerOptions): ImapPoller {
  const { config, ingestor, store, board, metrics } = opts;
  const log = opts.log.child({ component: 'imap', mailbox: config.name });
  /** This mailbox's part on the status board, the dashboard and /health. */
  const part = config.statusPart;
  const tokens = opts.tokens ?? (config.auth === 'oauth2' && config.oauth ? createTokenSource(config.oauth, { log }) : undefined);
  const timing: ImapTiming = { ...DEFAULT_TIMING, ...opts.timing };
  const clock = opts.clock ?? (() => new Date());
  const maxMessageSize = opts.maxMessageSize ?? DEFAULT_MAX_MESSAGE_SIZE;
  const folders = config.folders;
  const stateKey = `${config.user}@${config.host}/${folders.inbox}`;
  const where = `${config.host}:${config.port}`;

  if (config.tls === 'none' && !isLoopback(config.host)) {
    // Allowed (a private container network), but the password then crosses it in clear text.
    log.warn({ server: where }, 'IMAP_TLS=none to a host that is not loopback: the password is sent unencrypted');
  }

  let running = false;
  /** Set by stop(): the pass in progress ends after the message in hand. */
  let stopping = false;
  let loopDone: Promise<void> = Promise.resolve();
  let current: ImapFlow | undefined;
  /** Ends the wait in progress (IDLE, poll timer or backoff sleep). */
  let wake: (() => void) | undefined;
  /**
   * pollOnce() callers waiting for the loop's next pass: each is answered by the first pass
   * that STARTED after it asked (a pass already under way may have searched before the
   * caller's message arrived).
   */
  let waiters: { after: number; resolve: (r: PollResult) => void }[] = [];
  /** Passes started so far (numbers the passes for the waiters). */
  let passesStarted = 0;
  let passChain: Promise<unknown> = Promise.resolve();
  let connectFailures = 0;
  let loginFailures = 0;
  let last: PollResult | undefined;
  const totals = { processed: 0, skipped: 0, problem: 0, failed: 0 };
  const lease = opts.lease;
  const leaseName = `imap:${config.name}`;
  /** Until when (ms) this poller's lease surely holds; 0: not held. Polling stops before it. */
  let leaseUntil = 0;
  let renewTimer: NodeJS.Timeout | undefined;
  let renewing = false;
  /** Who held the lease when this poller last stood by (for the log: said once per holder). */
  let standbyFor: string | undefined;

  function holdsLease(): boolean {
    return !lease || clock().getTime() < leaseUntil;
  }

  /** Takes the lease (free, expired or ours); false when another instance holds it. */
  async function takeLease(): Promise<boolean> {
    if (!lease) return true;
    const now = clock();
    if (!(await store.leases.acquire(leaseName, lease.holder, lease.ttlMs, now))) return false;
    leaseUntil = now.getTime() + lease.ttlMs;
    if (standbyFor !== undefined) log.info({ previousHolder: standbyFor }, 'took over the mailbox lease');
    standbyFor = undefined;
    return true;
  }

  /** Renews the lease a few times per lease time; a lease lost (or not renewable in time) ends the polling. */
  function keepLease(): void {
    if (!lease) return;
    clearInterval(renewTimer);
    renewTimer = setInterval(() => void renewLease(), Math.max(100, Math.floor(lease.ttlMs / 3)));
    renewTimer.unref();
  }

  /** One renewal; a renewal still waiting for the store when the next is due is not doubled. */
  async function renewLease(): Promise<void> {
    if (!lease || renewing) return;
    renewing = true;
    try {
      const now = clock();
      try {
        if (await store.leases.renew(leaseName, lease.holder, lease.ttlMs, now)) {
          leaseUntil = now.getTime() + lease.ttlMs;
          return;
        }
        leaseUntil = 0;
        log.warn(
          { holder: (await store.leases.holder(leaseName, now)) ?? null },
          'mailbox lease taken by another instance; polling stops here',
        );
      } catch (err) {
        // Not renewed: polling goes on only while the lease surely holds (holdsLease()).
        log.error({ err }, 'could not renew the mailbox lease');
      }
      if (!holdsLease()) {
        clearInterval(renewTimer);
        wake?.();
      }
    } finally {
      renewing = false;
    }
  }

  async function dropLease(): Promise<void> {
    clearInterval(renewTimer);
    renewTimer = undefined;
    if (!lease || leaseUntil === 0) return;
    leaseUntil = 0;
    try {
      // Given back on a stop, so another instance takes over now rather than after the expiry.
      await store.leases.release(leaseName, lease.holder);
    } catch (err) {
      log.warn({ err }, 'could not release the mailbox lease; another instance takes it after it expires');
    }
  }

  /** Another instance polls this mailbox: say so (not a failure), and answer any pollOnce() waiting. */
  async function standBy(): Promise<number> {
    const holder = (await store.leases.holder(leaseName, clock())) ?? 'another instance';
    if (standbyFor !== holder) log.info({ holder }, 'mailbox polled by another instance; standing by');
    standbyFor = holder;
    board?.report(part, { ok: true, detail: `standby (held by ${holder})`, facts: facts({ standby: true, heldBy: holder }) });
    settleWaiters({ ...emptyResult(clock()), outcome: 'incomplete', error: `standby: the mailbox is polled by ${holder}` });
    return Math.max(250, Math.floor(lease!.ttlMs / STANDBY_CHECKS_PER_TTL));
  }

  function facts(extra: Record<string, string | number | boolean | null> = {}): Record<string, string | number | boolean | null> {
    return {
      mailbox: config.name,
      server: where,
      auth: config.auth,
      folder: folders.inbox,
      [LAST_POLL_AT]: last?.finishedAt ?? null,
      lastResult: last?.outcome ?? null,
      processed: last?.processed ?? 0,
      skipped: last?.skipped ?? 0,
      problem: last?.problem ?? 0,
      failed: last?.failed ?? 0,
      totalProcessed: totals.processed,
      totalSkipped: totals.skipped,
      totalProblem: totals.problem,
      totalFailed: totals.failed,
      ...extra,
    };
  }

  function count(outcome: MessageOutcome): void {
    metrics?.messagesReceived.inc({ source: 'imap', outcome, mailbox: config.name });
  }

  /**
   * Set when the server announces more messages (EXISTS) at any time, also in the middle of
   * our own commands (a MOVE response may carry it), so that a message arriving after a
   * pass's SEARCH triggers the next pass instead of waiting for the poll interval.
   */
  let newMail = false;

  /** One pass on a connected client; rethrows connection failures after recording the result. */
  async function pass(client: ImapFlow): Promise<PollResult> {
    newMail = false; // this pass's NOOP and SEARCH see everything announced so far
    const passNumber = ++passesStarted;
    const result = emptyResult(clock());
    try {
      await workInbox(
        {
          client,
          folders,
          stateKey,
          store,
          ingestor,
          log,
          batchSize: config.batchSize,
          maxMessageSize,
          shouldStop: () => stopping || !holdsLease(),
          onMessage: count,
        },
        result,
      );
      return result;
    } catch (err) {
      result.outcome = 'error';
      result.error = errorText(err);
      throw err;
    } finally {
      result.finishedAt = clock().toISOString();
      publish(result, passNumber);
    }
  }

  function publish(result: PollResult, passNumber: number): void {
    last = result;
    totals.processed += result.processed;
    totals.skipped += result.skipped;
    totals.problem += result.problem;
    totals.failed += result.failed;
    const moved = result.processed + result.skipped + result.problem;
    if (result.outcome !== 'error') {
      const ok = result.failed === 0;
      const detail = ok
        ? `polled ${folders.inbox} on ${where}: ${moved} message(s) handled`
        : `${result.error ?? 'messages could not be stored'}; ${result.failed} left in ${folders.inbox} for the next poll`;
      board?.report(part, { ok, detail, facts: facts(ok ? {} : { problem: 'messages not stored' }) });
      // A pass that found nothing is routine (every poll interval): keep it out of the info log.
      log[result.found > 0 ? 'info' : 'debug'](
        {
          outcome: result.outcome,
          found: result.found,
          processed: result.processed,
          skipped: result.skipped,
          problem: result.problem,
          failed: result.failed,
          duplicates: result.duplicates,
        },
        'IMAP poll done',
      );
    }
    const answered = waiters.filter((w) => w.after < passNumber);
    waiters = waiters.filter((w) => w.after >= passNumber);
    for (const w of answered) w.resolve(result);
  }

  /** A failed connection attempt or a broken session: log, report, and say how long to wait. */
  function failure(err: unknown): number {
    const failedResult = { ...emptyResult(clock()), outcome: 'error' as const, error: errorText(err) };
    if (err instanceof ImapConnectError && err.kind === 'login') {
      loginFailures++;
      const delay = Math.max(
        config.pollInterval,
        backoffDelay(loginFailures, { initialMs: timing.authRetryMs, maxMs: timing.authRetryMaxMs }),
      );
      log.error(
        { server: where, user: config.user, response: err.detail, attempt: loginFailures, retryInMs: delay },
        config.auth === 'oauth2'
          ? 'IMAP sign-in with OAuth2 failed (run `rebound imap-check` for a diagnosis); not retrying before the delay'
          : 'IMAP login failed: check IMAP_USER and IMAP_PASS; not retrying before the delay',
      );
      const problem = err.cause instanceof Error && err.cause.name === 'OAuthTokenError' ? 'OAuth2 token refused' : 'login refused';
      board?.report(part, {
        ok: false,
        detail: `login failed: ${err.detail}`,
        facts: facts({ loginFailures, retryInMs: delay, problem }),
      });
      settleWaiters(failedResult);
      return delay;
    }
    connectFailures++;
    const delay = backoffDelay(connectFailures, { initialMs: timing.backoffInitialMs, maxMs: timing.backoffMaxMs });
    const lost = err instanceof ImapConnectionLost;
    log.warn(
      { server: where, error: errorText(err), attempt: connectFailures, retryInMs: delay },
      lost ? 'IMAP connection lost; reconnecting' : 'IMAP server not reachable; retrying',
    );
    board?.report(part, {
      ok: false,
      detail: `${lost ? 'connection lost' : 'cannot connect'} to ${where}: ${errorText(err)}; retrying in ${Math.round(delay / 1000)} s`,
      facts: facts({
        connectFailures,
        retryInMs: delay,
        problem: lost
          ? 'connection lost'
          : err instanceof ImapConnectError && err.cause instanceof Error && err.cause.name === 'OAuthTokenError'
            ? 'token endpoint unreachable'
            : 'cannot connect',
      }),
    });
    settleWaiters(failedResult);
    return delay;
  }

  /** Answers every waiting pollOnce() caller (a failed attempt or stop: no pass will come). */
  function settleWaiters(result: PollResult): void {
    const ws = waiters;
    waiters = [];
    for (const w of ws) w.resolve(result);
  }

  /** Waits for new mail (IDLE, RFC 2177) or the poll interval, whichever comes first. */
  function waitForMail(client: ImapFlow): Promise<void> {
    if (!running || waiters.length > 0 || newMail) return Promise.resolve();
    const useIdle = config.idle && client.capabilities.has('IDLE');
    return new Promise<void>((resolve) => {
      const onExists = (e: { count: number; prevCount: number }) => {
        if (e.count > e.prevCount) done();
      };
      const timer = setTimeout(done, Math.min(config.pollInterval, MAX_IDLE_MS));
      function done(): void {
        clearTimeout(timer);
        client.off('exists', onExists);
        client.off('close', done);
        wake = undefined;
        resolve();
      }
      client.on('exists', onExists);
      client.once('close', done);
      wake = done;
      // idle() resolves when the next command breaks it (imapflow sends DONE first).
      if (useIdle) client.idle().catch(() => undefined);
    });
  }

  function sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });
  }

  async function loop(firstAttemptDone: () => void): Promise<void> {
    while (running) {
      let delay = 0;
      let leased: boolean;
      try {
        leased = await takeLease();
      } catch (err) {
        // The store does not answer: neither poll (the lease cannot be known) nor hide it.
        firstAttemptDone();
        log.error({ err }, 'could not take the mailbox lease; retrying');
        board?.report(part, {
          ok: false,
          detail: 'cannot take the mailbox lease: the database does not answer',
          facts: facts({ problem: 'database' }),
        });
        await sleep(Math.max(1000, Math.floor((lease?.ttlMs ?? 4000) / STANDBY_CHECKS_PER_TTL)));
        continue;
      }
      if (!leased) {
        // The standby is on the board before start() resolves.
        const wait = await standBy();
        firstAttemptDone();
        await sleep(wait);
        continue;
      }
      keepLease();
      try {
        // Only before the first answer: later attempts must not paint over a failure report.
        if (!board?.get(part) || board.get(part)?.facts?.standby) {
          board?.report(part, { ok: true, detail: `connecting to ${where}`, facts: facts() });
        }
        current = await connectImap(config, log, tokens);
        current.on('exists', (e: { count: number; prevCount: number }) => {
          if (e.count > e.prevCount) newMail = true;
        });
        connectFailures = 0;
        loginFailures = 0;
        log.info({ server: where, folder: folders.inbox, idle: config.idle && current.capabilities.has('IDLE') }, 'IMAP connected');
        firstAttemptDone();
        await ensureFolders(current, folders, log);
        while (running && holdsLease()) {
          const client = current;
          await serialized(() => pass(client));
          if (!holdsLease()) break;
          await waitForMail(client);
        }
      } catch (err) {
        firstAttemptDone();
        if (running) delay = failure(asSessionError(err));
      } finally {
        if (current) await closeImap(current);
        current = undefined;
      }
      // A lost lease sets no delay: the next turn finds the new holder and stands by at once.
      if (running && delay > 0) await sleep(delay);
    }
    await dropLease();
  }

  /** Passes never overlap: the loop's and a standalone pollOnce() share one chain. */
  function serialized<T>(fn: () => Promise<T>): Promise<T> {
    const next = passChain.then(fn, fn);
    passChain = next.catch(() => undefined);
    return next;
  }

  return {
    async start() {
      if (running) return;
      running = true;
      stopping = false;
      let first!: () => void;
      const firstAttempt = new Promise<void>((r) => (first = r));
      loopDone = loop(first).catch((err) => log.error({ err }, 'IMAP poller loop ended unexpectedly'));
      await firstAttempt;
    },

    async stop() {
      if (!running) return;
      running = false;
      stopping = true;
      wake?.();
      let timer: NodeJS.Timeout | undefined;
      const timedOut = await Promise.race([
        loopDone.then(() => false),
        new Promise<boolean>((r) => (timer = setTimeout(() => r(true), timing.stopTimeoutMs))),
      ]);
      clearTimeout(timer);
      if (timedOut) {
        log.warn({ timeoutMs: timing.stopTimeoutMs }, 'IMAP poller did not finish in time; closing the connection');
        current?.close();
        await loopDone;
      }
      stopping = false;
      settleWaiters({ ...emptyResult(clock()), outcome: 'error', error: 'poller stopped' });
      log.info('IMAP poller stopped');
    },

    async pollOnce() {
      if (running) {
        // Ask the loop for a pass now: it ends its wait (IDLE, timer or backoff) at once.
        const r = new Promise<PollResult>((resolve) => waiters.push({ after: passesStarted, resolve }));
        wake?.();
        return r;
      }
      return serialized(async () => {
        let client: ImapFlow | undefined;
        try {
          client = await connectImap(config, log, tokens);
          await ensureFolders(client, folders, log);
          return await pass(client);
        } catch (err) {
          const result = { ...emptyResult(clock()), outcome: 'error' as const, error: errorText(err) };
          // Report like the loop does (status board, log); the retry delay is the caller's business.
          failure(asSessionError(err));
          return result;
        } finally {
          if (client) await closeImap(client);
        }
      });
    },
  };
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\./.test(host);
}

/** Anything that broke a session after login is treated as a lost connection: reconnect. */
function asSessionError(err: unknown): unknown {
  if (err instanceof ImapConnectError || err instanceof ImapConnectionLost) return err;
  return new ImapConnectionLost('the session', err);
}
