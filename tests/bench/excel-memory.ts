// The Excel export's memory in process, apart from the dashboard: excelStream over a seeded
// database (`node tests/bench/dashboard.ts --seed DB_FILE ROWS` makes one), written to a sink
// that counts bytes, RSS sampled every 10 ms. For comparing changes to the writer quickly;
// the dashboard part gives the figure of record.
//
// usage: node --max-semi-space-size=4 tests/bench/excel-memory.ts DB_FILE [ROWS] [--csv-first]

import Database from 'better-sqlite3';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { csvStream, excelStream } from '../../src/web/export.ts';
const dbFile = process.argv[2];
if (!dbFile) throw new Error('usage: excel-memory.ts DB_FILE [ROWS] [--csv-first]');
const rows = Number(process.argv[3] ?? 300_000);
const db = new Database(dbFile, { readonly: true });
const mb = (n: number) => (n / 1048576).toFixed(1);
let peak = 0;
let atPeak = process.memoryUsage();
const t = setInterval(() => {
  const r = process.memoryUsage.rss();
  if (r > peak) {
    peak = r;
    atPeak = process.memoryUsage();
  }
}, 10);
if (process.argv.includes('--csv-first')) {
  // The dashboard bench's order: a full CSV export first, then the Excel one.
  await pipeline(csvStream(db as never, {}), new Writable({ write: (_c, _e, cb) => cb() }));
  const m = process.memoryUsage();
  console.log(
    `after the CSV export: rss ${mb(m.rss)} heap ${mb(m.heapUsed)}/${mb(m.heapTotal)} ext ${mb(m.external)} ab ${mb(m.arrayBuffers)}`,
  );
}
const before = process.memoryUsage.rss();
const start = Date.now();
let bytes = 0;
await pipeline(
  excelStream(db as never, {}, rows),
  new Writable({
    write(c, _e, cb) {
      bytes += c.length;
      cb();
    },
  }),
);
clearInterval(t);
const mu = process.memoryUsage();
console.log(
  `rows ${rows} bytes ${mb(bytes)} MB in ${Date.now() - start} ms; rss before ${mb(before)} peak ${mb(peak)} after ${mb(mu.rss)} heap ${mb(mu.heapUsed)} ext ${mb(mu.external)} ab ${mb(mu.arrayBuffers)}`,
);
console.log('at peak', Object.fromEntries(Object.entries(atPeak).map(([k, v]) => [k, mb(v)])));
const v8 = await import('node:v8');
console.log(
  v8
    .getHeapSpaceStatistics()
    .map((s) => `${s.space_name} ${mb(s.space_size)}`)
    .join(', '),
);
