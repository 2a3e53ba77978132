// rebound's command line: `rebound start | classify | import | summary | config | --help`.
// Each command lives in src/commands/ and returns its exit code.

import module from 'node:module';
import { CONFIG_ERROR_CODE, ReboundError } from './errors.ts';

// Node caches compiled code, type-stripped TypeScript included, in the system's temp folder:
// a second run starts in about a third of the time. Everything else is imported after this,
// on demand, so the cache covers it.
module.enableCompileCache?.();

const HELP = `rebound: bounce processor for Postfix (LMTP and IMAP intake, classifier, notices, dashboard)

usage: rebound <command> [arguments]

commands:
  start                         run rebound: LMTP listener, IMAP poller (when IMAP_SERVER is set),
                                notifier and jobs, dashboard (same as npm start)
  classify [--jobs N] [FILE ...]
                                classify bounce messages (stdin when no file); one JSON line per file
  classify --explain FILE ...   the same in plain words, with the decision trail
  import [--no-notify] PATH [PATH ...]
                                record existing mail: a message file, a folder, a Maildir or an mbox
                                (rebound import --help for the notices it queues)
  summary [--date YYYY-MM-DD] [--dry-run]
                                send (or print) the daily summary for a day (default: yesterday, UTC)
  config                        print the effective configuration, secrets masked
  imap-check [MAILBOX]          sign in to each IMAP mailbox (or the one named), list its folders,
                                and say in plain words what is wrong
  token create NAME [--write] | list | revoke ID
                                API tokens (read-only unless --write); a new one is printed once
  suppress list|add|remove|import|export
                                the suppression list Postfix consults (rebound suppress --help)
  password [--generate]         set or reset the dashboard password (when ADMIN_PASS is unset)
  migrate [--database-url URL]  apply the schema migrations (SQLite in DATA_DIR, or PostgreSQL)
  copy [--from sqlite:PATH] [--to postgres://...] [--resume]
                                copy every row of the SQLite store into PostgreSQL
  backup [--force] FILE         a consistent copy of the database (0600), safe while rebound runs
  help                          this text

Configuration comes from environment variables; see config/.env.example and the README.
`;

const COMMANDS: Record<string, () => Promise<{ run(args: string[]): Promise<number> }>> = {
  start: () => import('./main.ts'),
  classify: () => import('./commands/classify.ts'),
  import: () => import('./commands/import.ts'),
  summary: () => import('./commands/summary.ts'),
  config: () => import('./commands/config.ts'),
  'imap-check': () => import('./commands/imap-check.ts'),
  token: () => import('./commands/token.ts'),
  suppress: () => import('./commands/suppress.ts'),
  password: () => import('./commands/password.ts'),
  migrate: () => import('./commands/migrate.ts'),
  copy: () => import('./commands/copy.ts'),
  backup: () => import('./commands/backup.ts'),
};

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === 'help' || cmd === '--help' || cmd === '-h') {
    process.stdout.write(HELP);
    return cmd ? 0 : 2;
  }
  const load = COMMANDS[cmd];
  if (!load) {
    process.stderr.write(`rebound: unknown command "${cmd}"\n\n${HELP}`);
    return 2;
  }
  try {
    return await (await load()).run(rest);
  } catch (err) {
    if (err instanceof ReboundError && err.code === CONFIG_ERROR_CODE) {
      process.stderr.write(`rebound: configuration error: ${err.message}\n`);
      return 78; // EX_CONFIG
    }
    throw err;
  }
}

if (import.meta.main) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
      // A stopped service may leave idle handles (timers, pino); its work is done.
      if (process.argv[2] === 'start') process.exit(code);
    },
    (err: unknown) => {
      process.stderr.write(`rebound: ${(err as Error)?.stack ?? String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
