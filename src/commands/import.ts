// `rebound import PATH...`: feeds a message file, a folder, a Maildir or an mbox through ingest.

import { loadConfig } from '../config.ts';
import { createIngestor } from '../ingest.ts';
import { emptyTotals, importPath, settingsCheckpoints, type ImportTotals } from '../intake/import.ts';
import { createImportProgress } from '../intake/import-progress.ts';
import { silentLogger } from '../log.ts';
import { openStore } from '../store/store.ts';
import { createNoticePlanner } from '../notify/notices.ts';

export async function run(args: string[]): Promise<number> {
  const paths = args.filter((a) => !a.startsWith('-'));
  if (paths.length === 0 || args.includes('--help')) {
    process.stderr.write('usage: rebound import PATH [PATH ...]   (a message file, a folder of them, a Maildir or an mbox)\n');
    return paths.length === 0 ? 2 : 0;
  }
  const config = loadConfig();
  const store = openStore(config.dbPath, { synchronous: config.dbSynchronous });
  const ingestor = createIngestor({
    store,
    log: silentLogger(),
    trackingHeader: config.trackingHeader,
    // Imported bounces get their notices queued like live ones.
    planNotices: createNoticePlanner(config),
  });
  const tty = process.stderr.isTTY;
  let exit = 0;
  const grand = emptyTotals();
  try {
    for (const p of paths) {
      let totals: ImportTotals;
      const progress = createImportProgress(`importing ${p}`, process.stderr, tty);
      try {
        totals = await importPath(p, {
          ingestor,
          checkpoints: settingsCheckpoints(store),
          onProgress: (t, _where, fraction) => progress.update(t.read, fraction),
          onResume: (file, skipped) => process.stderr.write(`rebound import: ${file}: resuming after ${skipped} messages stored by an earlier run\n`),
          onError: (where, err) => process.stderr.write(`${tty ? '\n' : ''}rebound import: ${where}: not stored: ${(err as Error).message}\n`),
        });
      } catch (err) {
        progress.done();
        process.stderr.write(`rebound import: cannot read ${p}: ${(err as Error).message}\n`);
        exit = 1;
        continue;
      }
      progress.done();
      process.stderr.write(
        `imported ${p}: ${totals.read} read, ${totals.processed} bounces, ${totals.skipped} skipped (not bounces), ` +
          `${totals.problem} problem, ${totals.duplicates} duplicates, ${totals.failed} failed\n`,
      );
      for (const k of Object.keys(grand) as (keyof ImportTotals)[]) grand[k] += totals[k];
      if (totals.failed > 0) exit = 1;
    }
    if (paths.length > 1) process.stderr.write(`total: ${JSON.stringify(grand)}\n`);
  } finally {
    await ingestor.drain();
    store.close();
  }
  return exit;
}
