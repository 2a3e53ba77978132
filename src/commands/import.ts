// `rebound import [--no-notify] PATH...`: feeds a message file, a folder, a Maildir or an mbox
// through ingest. Notices are queued only for bounces younger than IMPORT_NOTIFY_MAX_AGE (by
// the bounce's own date), none with --no-notify: importing a year of old bounces must not
// mail colleagues about each of them.

import { loadConfig } from '../config.ts';
import { createThreadedClassifier } from '../core/classify-thread.ts';
import { errorText } from '../errors.ts';
import { announceSuppressionChanges, recordHooks } from '../record-hooks.ts';
import { createIngestor } from '../ingest.ts';
import { emptyTotals, importPath, settingsCheckpoints, type ImportTotals } from '../intake/import.ts';
import { createImportProgress } from '../intake/import-progress.ts';
import { silentLogger } from '../log.ts';
import { openConfiguredStore } from '../store/data-files.ts';
import { createNoticePlanner } from '../notify/notices.ts';

export const IMPORT_USAGE = `usage: rebound import [--no-notify] PATH [PATH ...]

Records existing mail: a message file, a folder of them, a Maildir or an mbox. Every message
goes through the same classifier and store as LMTP and IMAP; the same bounce twice is
recorded once, so an import can be run again.

options:
  --no-notify   queue no notices at all
  -h, --help    this text

Notices are queued only for hard and soft bounces younger than IMPORT_NOTIFY_MAX_AGE
(default 3d), by the bounce's own Date header; rebound start sends them. The summary line
says how many were queued. Imported bounces update the suppression list and queue webhook
events as delivered ones do; --no-notify stops the notices only.
`;

export interface ImportArgs {
  paths: string[];
  notify: boolean;
  help: boolean;
}

export function parseImportArgs(args: string[]): ImportArgs | { error: string } {
  const out: ImportArgs = { paths: [], notify: true, help: false };
  let onlyPaths = false;
  for (const a of args) {
    if (onlyPaths || !a.startsWith('-') || a === '-') out.paths.push(a);
    else if (a === '--') onlyPaths = true;
    else if (a === '--no-notify') out.notify = false;
    else if (a === '--help' || a === '-h') out.help = true;
    else return { error: `unknown option "${a}"` };
  }
  return out;
}

function describe(t: ImportTotals): string {
  return (
    `${t.read} read, ${t.processed} bounces, ${t.skipped} skipped (not bounces), ${t.problem} problem, ` +
    `${t.duplicates} duplicates, ${t.failed} failed; ${t.noticesQueued} notice${t.noticesQueued === 1 ? '' : 's'} queued`
  );
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseImportArgs(args);
  if ('error' in parsed) {
    process.stderr.write(`rebound import: ${parsed.error}\n\n${IMPORT_USAGE}`);
    return 2;
  }
  if (parsed.help || parsed.paths.length === 0) {
    (parsed.help ? process.stdout : process.stderr).write(IMPORT_USAGE);
    return parsed.help ? 0 : 2;
  }
  const config = loadConfig();
  const store = openConfiguredStore(config);
  // Every message is classified on a worker thread, not only the large ones as for LMTP:
  // an import has many messages in flight, so the classifier on one core and the store's
  // commits on the other keep both busy (tests/bench/RESULTS.md, import).
  const classifier = createThreadedClassifier({ minBytes: 0 });
  const ingestor = createIngestor({
    store,
    classify: (raw, opts) => classifier.classify(raw, opts),
    log: silentLogger(),
    trackingHeader: config.trackingHeader,
    planNotices: parsed.notify ? createNoticePlanner(config, { maxAgeMs: config.notify.importMaxAge }) : undefined,
    // As for a delivered bounce: the suppression list learns from it and webhooks are queued
    // (sent by the running service).
    recordHooks: recordHooks(config),
  });
  announceSuppressionChanges(store, config);
  const tty = process.stderr.isTTY;
  let exit = 0;
  const grand = emptyTotals();
  try {
    await store.ready();
    for (const p of parsed.paths) {
      let totals: ImportTotals;
      const progress = createImportProgress(`importing ${p}`, process.stderr, tty);
      try {
        totals = await importPath(p, {
          ingestor,
          checkpoints: settingsCheckpoints(store),
          onProgress: (t, _where, fraction) => progress.update(t.read, fraction),
          onResume: (file, skipped) =>
            process.stderr.write(`rebound import: ${file}: resuming after ${skipped} messages stored by an earlier run\n`),
          onError: (where, err) => process.stderr.write(`${tty ? '\n' : ''}rebound import: ${where}: not stored: ${errorText(err)}\n`),
        });
      } catch (err) {
        progress.done();
        process.stderr.write(`rebound import: cannot read ${p}: ${errorText(err)}\n`);
        exit = 1;
        continue;
      }
      progress.done();
      process.stderr.write(`imported ${p}: ${describe(totals)}\n`);
      for (const k of Object.keys(grand) as (keyof ImportTotals)[]) grand[k] += totals[k];
      if (totals.failed > 0) exit = 1;
    }
    if (parsed.paths.length > 1) process.stderr.write(`total: ${JSON.stringify(grand)}\n`);
  } finally {
    await ingestor.drain();
    await classifier.close();
    await store.close();
  }
  return exit;
}
