// `rebound suppress list|add|remove|import|export`: the suppression list from the command
// line, on the same database as the running service (SQLite WAL: both may write; the
// service's Postfix servers see a change at the next lookup).

import { createWriteStream, readFileSync, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openPostgresStore, openStore } from '../store/store.ts';
import { announceSuppressionChanges } from '../record-hooks.ts';
import { CsvError, exportCsv, importCsv } from '../suppress/csv.ts';
import { SUPPRESSION_SOURCES, SuppressionInputError, type SuppressionSource } from '../suppress/repository.ts';

const USAGE = `usage: rebound suppress <command>

  list [--search TEXT] [--reason R] [--source S] [--limit N]
                          entries in force, newest first (tab-separated)
  add ADDRESS|DOMAIN [--reason R] [--note TEXT] [--expires YYYY-MM-DD]
                          suppress an address (or @domain) by hand; never expires unless --expires
  remove ADDRESS|DOMAIN [--note TEXT]
                          take it off the list (kept in the audit trail with the note)
  import FILE.csv         add every line of a CSV file (address,reason,note,expiry); a file with
                          any bad line is refused whole, each bad line named
  export [FILE.csv]       the list as CSV (stdout when no file)
`;

/** A file the CLI imports at once; the dashboard's form takes less. */
const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
const MAX_IMPORT_LINES = 1_000_000;

/** Who the audit trail names for changes made here. */
function actor(): string {
  return `cli:${process.env.SUDO_USER || process.env.USER || 'unknown'}`;
}

function day(v: string | undefined, name: string): Date | null {
  if (!v) return null;
  if (!/^\d{4}-\d\d-\d\d$/.test(v)) throw new SuppressionInputError(`${name} "${v}" is not a date (YYYY-MM-DD)`);
  const d = new Date(`${v}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) throw new SuppressionInputError(`${name} "${v}" is not a date`);
  return d;
}

export async function run(args: string[]): Promise<number> {
  const [cmd, ...rest] = args;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    process.stdout.write(USAGE);
    return cmd ? 0 : 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        search: { type: 'string' },
        reason: { type: 'string' },
        source: { type: 'string' },
        limit: { type: 'string' },
        note: { type: 'string' },
        expires: { type: 'string' },
      },
    });
  } catch (err) {
    process.stderr.write(`rebound suppress: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values: o, positionals: p } = parsed;
  const config = loadConfig();
  // DATABASE_URL: the PostgreSQL store the service reads, not a SQLite file beside it.
  const store = config.databaseUrl
    ? openPostgresStore(config.databaseUrl, { poolSize: config.databasePoolSize })
    : openStore(config.dbPath);
  // Changes made here queue their suppression.added/removed webhooks in the same transaction;
  // the service's deliverer finds them in the database and sends them.
  announceSuppressionChanges(store, config);
  const now = new Date();
  try {
    await store.ready();
    switch (cmd) {
      case 'list': {
        if (o.source && !SUPPRESSION_SOURCES.includes(o.source as SuppressionSource))
          throw new SuppressionInputError(`--source is one of ${SUPPRESSION_SOURCES.join(', ')}`);
        const limit = Number(o.limit ?? 100);
        if (!Number.isInteger(limit) || limit < 1) throw new SuppressionInputError('--limit is a whole number from 1');
        let shown = 0;
        process.stdout.write('address\treason\tsource\tfirst_seen\tbounces\texpires\tnote\n');
        for await (const e of store.suppressions.each({
          q: o.search,
          reason: o.reason,
          source: o.source as SuppressionSource | undefined,
          now,
        })) {
          if (shown++ >= limit) break;
          process.stdout.write(
            `${[e.address, e.reason, e.source, e.firstSeen, e.bounceCount, e.expiresAt ?? 'never', e.note].join('\t')}\n`,
          );
        }
        return 0;
      }
      case 'add': {
        if (p.length !== 1) throw new SuppressionInputError('add takes one address or domain');
        const r = await store.suppressions.add(
          {
            address: p[0]!,
            reason: o.reason ?? 'manual',
            source: 'manual',
            note: o.note,
            by: actor(),
            expiresAt: day(o.expires, '--expires'),
          },
          now,
        );
        process.stdout.write(
          `${r.created ? 'added' : 'already listed, refreshed'}: ${r.entry.address} (expires ${r.entry.expiresAt ?? 'never'})\n`,
        );
        return 0;
      }
      case 'remove': {
        if (p.length !== 1) throw new SuppressionInputError('remove takes one address or domain');
        const removed = await store.suppressions.remove(p[0]!, { by: actor(), note: o.note }, now);
        if (!removed) {
          process.stderr.write(`rebound suppress: ${p[0]} is not on the list\n`);
          return 1;
        }
        process.stdout.write(`removed: ${removed.address}\n`);
        return 0;
      }
      case 'import': {
        if (p.length !== 1) throw new SuppressionInputError('import takes one file');
        if (statSync(p[0]!).size > MAX_IMPORT_BYTES)
          throw new SuppressionInputError(`the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
        const r = await importCsv(store, readFileSync(p[0]!, 'utf8'), { by: actor(), now, maxLines: MAX_IMPORT_LINES });
        process.stdout.write(`imported: ${r.added} added, ${r.refreshed} already listed\n`);
        return 0;
      }
      case 'export': {
        const out: NodeJS.WritableStream = p[0] ? createWriteStream(p[0]) : process.stdout;
        await pipeline(Readable.from(exportCsv(store, { now })), out);
        return 0;
      }
      default:
        process.stderr.write(`rebound suppress: unknown command "${cmd}"\n${USAGE}`);
        return 2;
    }
  } catch (err) {
    if (err instanceof CsvError || err instanceof SuppressionInputError) {
      process.stderr.write(`rebound suppress: ${err.message}\n`);
      return 1;
    }
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      process.stderr.write(`rebound suppress: ${(err as Error).message}\n`);
      return 1;
    }
    throw err;
  } finally {
    await store.close();
  }
}
