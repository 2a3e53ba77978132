// The daily summary: one email about the previous UTC day (totals by status, reason and
// hard/soft, the top domains, the notices still failing, a link to the dashboard). The
// figures come from SummaryQueries; building them is separate from sending, so the CLI's
// --dry-run prints exactly what would be sent.

import type { Config } from '../config.ts';
import { previousUtcDay, utcDayRange } from '../core/utc-day.ts';
import type { Logger } from '../log.ts';
import { SummaryQueries, type Count, type FailingNotice } from '../store/summary-queries.ts';
import type { Store } from '../store/store.ts';
import { createMailer, type Mailer } from './mailer.ts';
import { base36Time, bounceUrl, loopSafetyHeaders, reboundMessageId } from './notice-content.ts';
import { createEmailTemplates, oneLine, type EmailTemplates } from './templates.ts';

export interface SummaryFigures {
  /** The UTC day, YYYY-MM-DD. */
  day: string;
  from: string;
  to: string;
  total: number;
  byStatus: Count[];
  byReason: Count[];
  byBounceType: Count[];
  byKind: Count[];
  topDomains: Count[];
  failing: FailingNotice[];
  failingTotal: number;
}

export async function buildSummary(queries: SummaryQueries, day: string): Promise<SummaryFigures> {
  const { from, to } = utcDayRange(day);
  const failing = await queries.failingNotices();
  return {
    day,
    from,
    to,
    total: await queries.total(from, to),
    byStatus: await queries.byStatus(from, to),
    byReason: await queries.byReason(from, to),
    byBounceType: await queries.byBounceType(from, to),
    byKind: await queries.byKind(from, to),
    topDomains: await queries.topDomains(from, to),
    failing: failing.rows.map((r) => ({ ...r, lastError: oneLine(r.lastError, 300) })),
    failingTotal: failing.total,
  };
}

export interface RenderedSummary {
  subject: string;
  text: string;
  html: string;
}

export function renderSummary(config: Config, templates: EmailTemplates, f: SummaryFigures): RenderedSummary {
  const subject =
    f.total === 0
      ? `rebound daily summary ${f.day}: no bounces`
      : `rebound daily summary ${f.day}: ${f.total} bounce${f.total === 1 ? '' : 's'}`;
  const { text, html } = templates.render('summary', {
    ...f,
    dashboardUrl: config.publicUrl,
    bounceUrl: (id: number) => bounceUrl(config, id),
    testMode: config.testMode,
  });
  return { subject, text, html };
}

export interface SummaryOptions {
  config: Config;
  store: Store;
  log: Logger;
  /** YYYY-MM-DD; default the previous UTC day. */
  date?: string;
  /** Build and return the text; send nothing. */
  dryRun?: boolean;
  mailer?: Mailer;
  templates?: EmailTemplates;
  clock?: () => Date;
  /** The mail's Message-ID; the scheduler gives each period's summary one of its own. */
  messageId?: string;
}

/**
 * The Message-ID of the scheduled summary of one period, the same on every send of it: a
 * summary sent again after its instance died mid-send (the relay had it, the store did not
 * know) is then recognisable as the same mail. `installation` (a random id kept in the store)
 * keeps apart two installations with the same From domain and schedule, whose summaries a
 * mail system would otherwise take for one. `rebound summary` sends get a fresh id, since an
 * admin who asks again means it.
 */
export function summaryMessageId(config: Config, period: string, installation: string): string {
  return reboundMessageId(config, 'summary', [base36Time(period), installation]);
}

export interface SummaryOutcome {
  figures: SummaryFigures;
  rendered: RenderedSummary;
  recipients: string[];
  sent: boolean;
  response?: string;
}

/**
 * Builds the summary and sends it to NOTIFY_CC (test mode: NOTIFY_CC_TEST). Rejects with a
 * SendError when the relay refuses; the scheduler's retry pass sends a scheduled one again
 * (jobs/scheduler.ts), `rebound summary --date` any day's (a summary is not queued in the
 * outbox: it is rebuilt from the rows).
 */
export async function sendDailySummary(opts: SummaryOptions): Promise<SummaryOutcome> {
  const { config, store } = opts;
  const log = opts.log.child({ component: 'summary' });
  const day = opts.date ?? previousUtcDay((opts.clock ?? (() => new Date()))());
  const figures = await buildSummary(new SummaryQueries(store.sql), day);
  const rendered = renderSummary(config, opts.templates ?? createEmailTemplates(), figures);
  const recipients = config.testMode ? config.notify.ccTest : config.notify.cc;
  if (opts.dryRun) return { figures, rendered, recipients, sent: false };
  if (recipients.length === 0) {
    log.warn({ day }, `daily summary not sent: ${config.testMode ? 'NOTIFY_CC_TEST' : 'NOTIFY_CC'} is empty`);
    return { figures, rendered, recipients, sent: false };
  }
  const mailer = opts.mailer ?? createMailer(config.smtp);
  try {
    const result = await mailer.send({
      from: config.notify.from,
      to: recipients,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      headers: loopSafetyHeaders(`summary ${day}`),
      ...(opts.messageId ? { messageId: opts.messageId } : {}),
    });
    log.info({ day, total: figures.total, recipients: recipients.length, response: result.response }, 'daily summary sent');
    return { figures, rendered, recipients, sent: true, response: result.response };
  } finally {
    if (!opts.mailer) mailer.close();
  }
}
