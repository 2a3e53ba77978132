// `rebound summary [--date YYYY-MM-DD] [--dry-run]`: sends the daily summary for a day by
// hand (default yesterday, UTC), or prints its text with --dry-run and sends nothing.

import { loadConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { SendError } from '../notify/mailer.ts';
import { isDay } from '../core/utc-day.ts';
import { sendDailySummary } from '../notify/summary.ts';
import { openConfiguredStore } from '../store/data-files.ts';
import { answerUsage } from './usage.ts';

const USAGE = 'usage: rebound summary [--date YYYY-MM-DD] [--dry-run]\n';

export function parseSummaryArgs(args: string[]): { date?: string; dryRun: boolean } | { error: string } {
  let date: string | undefined;
  let dryRun = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--dry-run' || a === '-n') dryRun = true;
    else if (a === '--date' || a.startsWith('--date=')) {
      const v = a === '--date' ? args[++i] : a.slice('--date='.length);
      if (!v) return { error: '--date needs a value (YYYY-MM-DD)' };
      if (!isDay(v)) return { error: `--date "${v}" is not a date (YYYY-MM-DD)` };
      date = v;
    } else if (a === '--help' || a === '-h') return { error: '' };
    else return { error: `unknown argument "${a}"` };
  }
  return { date, dryRun };
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseSummaryArgs(args);
  if ('error' in parsed) return answerUsage('summary', parsed.error, USAGE);
  const config = loadConfig();
  // Logs go to stderr so that --dry-run's stdout is the summary text alone.
  const log = createLogger(parsed.dryRun ? 'warn' : config.logLevel, process.stderr);
  const store = openConfiguredStore(config);
  try {
    await store.ready();
    const out = await sendDailySummary({ config, store, log, date: parsed.date, dryRun: parsed.dryRun });
    const recipientsVariable = config.testMode ? 'NOTIFY_CC_TEST' : 'NOTIFY_CC';
    if (parsed.dryRun) {
      process.stdout.write(
        `Subject: ${out.rendered.subject}\nTo: ${out.recipients.join(', ') || `(nobody: ${recipientsVariable} is empty)`}\n\n${out.rendered.text}`,
      );
      return 0;
    }
    if (!out.sent) {
      process.stderr.write(`rebound summary: not sent: ${recipientsVariable} is empty\n`);
      return 1;
    }
    process.stdout.write(`summary for ${out.figures.day} sent to ${out.recipients.join(', ')} (${out.response})\n`);
    return 0;
  } catch (err) {
    if (err instanceof SendError) {
      process.stderr.write(`rebound summary: not sent (${err.kind}): ${err.message}\n`);
      return err.temporary ? 75 : 1; // 75 = EX_TEMPFAIL
    }
    throw err;
  } finally {
    await store.close();
  }
}
