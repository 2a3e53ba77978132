// The timed jobs (croner, UTC): the retry job sends the outbox rows that are due again
// (RETRY_CRON, every 30 minutes by default), the summary job mails yesterday's figures
// (SUMMARY_CRON, 00:00 UTC by default). A job that is still running when its next time
// comes is skipped (protect), not run twice.

import { Cron } from 'croner';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Notifier } from '../notify/notifier.ts';
import { sendDailySummary, type SummaryOptions } from '../notify/summary.ts';
import type { Store } from '../store/store.ts';

export interface SchedulerOptions {
  config: Config;
  notifier: Pick<Notifier, 'sendDue'>;
  store: Store;
  log: Logger;
  /** Replaces the daily summary sender (tests). */
  sendSummary?: (opts: SummaryOptions) => Promise<unknown>;
}

export interface Scheduler {
  start(): void;
  stop(): void;
  /** When each job runs next (ISO 8601), for the status page. */
  nextRuns(): { retry: string | null; summary: string | null };
}

export function createScheduler(opts: SchedulerOptions): Scheduler {
  const { config, notifier, store } = opts;
  const log = opts.log.child({ component: 'jobs' });
  const sendSummary = opts.sendSummary ?? sendDailySummary;
  let jobs: Cron[] = [];

  const onError = (name: string) => (err: unknown) => log.error({ err, job: name }, 'job failed');
  const onBlocked = (name: string) => () => log.warn({ job: name }, 'job still running from last time; this run is skipped');

  return {
    start() {
      if (jobs.length > 0) return;
      // Unnamed jobs: croner's names are global to the process, and two rebound instances
      // (tests, or an embedding program) must not collide. UTC as a fixed offset, not as
      // timezone 'UTC': croner then needs no Intl.DateTimeFormat, whose time-zone data
      // (ICU, in Node's binary) costs the idle service 6-12 MB resident (tests/bench/idle.ts).
      const UTC = { utcOffset: 0 };
      jobs = [
        new Cron(config.notify.retryCron, { ...UTC, protect: onBlocked('retry'), catch: onError('retry') }, async () => {
          const r = await notifier.sendDue();
          if (r.sent + r.failed > 0) log.info({ job: 'retry', ...r }, 'retry job done');
        }),
        new Cron(config.notify.summaryCron, { ...UTC, protect: onBlocked('summary'), catch: onError('summary') }, async () => {
          await sendSummary({ config, store, log });
        }),
      ];
      log.info({ retryCron: config.notify.retryCron, summaryCron: config.notify.summaryCron, ...this.nextRuns() }, 'jobs scheduled (UTC)');
    },
    stop() {
      for (const j of jobs) j.stop();
      jobs = [];
    },
    nextRuns() {
      const [retry, summary] = jobs;
      return {
        retry: retry?.nextRun()?.toISOString() ?? null,
        summary: summary?.nextRun()?.toISOString() ?? null,
      };
    },
  };
}
