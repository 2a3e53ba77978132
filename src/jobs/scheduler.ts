// The timed jobs (croner, UTC): the retry job sends the outbox rows that are due again
// (RETRY_CRON, every 30 minutes by default), the summary job mails yesterday's figures
// (SUMMARY_CRON, 00:00 UTC by default). A job that is still running when its next time
// comes is skipped (protect), not run twice. With several rebound instances on one store each
// fires its own timers, and the first to claim the run's period in the store (job_runs,
// store/leases.ts) runs it: the summary goes out once a day, the retry pass once a period.

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
  /** Who claims the runs (default config.instance.id). */
  holder?: string;
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
  const holder = opts.holder ?? config.instance.id;
  let jobs: Cron[] = [];

  /**
   * Runs `work` unless another instance already ran this period. The period is the scheduled
   * time the timer fired for (the last occurrence at or before its firing), the same on every
   * instance whatever the small delays of their timers.
   */
  async function once(job: 'retry' | 'summary', cron: Cron, work: () => Promise<void>): Promise<void> {
    const fired = cron.currentRun() ?? new Date();
    const period = (cron.previousRuns(1, new Date(fired.getTime() + 1))[0] ?? fired).toISOString();
    if (!(await store.leases.claimPeriod(job, period, holder))) {
      log.debug({ job, period }, 'run of this period taken by another instance');
      return;
    }
    await work();
  }

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
        new Cron(config.notify.retryCron, { ...UTC, protect: onBlocked('retry'), catch: onError('retry') }, (self: Cron) =>
          once('retry', self, async () => {
            const r = await notifier.sendDue();
            if (r.sent + r.failed > 0) log.info({ job: 'retry', ...r }, 'retry job done');
          }),
        ),
        new Cron(config.notify.summaryCron, { ...UTC, protect: onBlocked('summary'), catch: onError('summary') }, (self: Cron) =>
          once('summary', self, async () => {
            await sendSummary({ config, store, log });
          }),
        ),
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
