// `rebound password [--generate]`: sets or resets the dashboard password kept in the database
// (used whenever ADMIN_PASS is unset). The generated password is printed once in the log at
// the first start; whoever missed it (LOG_LEVEL=error, a rotated log) gets back in with this.
// On a terminal it asks twice without echo; from a pipe it reads one line.

import { loadConfig } from '../config.ts';
import { openPostgresStore, openStore } from '../store/store.ts';
import { generatePassword, hashPassword, STORED_PASSWORD_KEY } from '../web/password.ts';

export const PASSWORD_USAGE = `usage: rebound password [--generate]

Sets the dashboard password stored in the database, used whenever ADMIN_PASS is unset.
On a terminal it asks for the new password twice (not shown); otherwise it reads one line
from standard input:  printf '%s\\n' "$NEW" | rebound password
  --generate    make a random password and print it instead of asking
Restart rebound afterwards: a running one keeps the old password until then.
`;

/** Shorter passwords are refused: the dashboard shows every bounce and can send notices. */
export const MIN_PASSWORD_LENGTH = 10;
/** A line longer than this is not a password someone typed. */
const MAX_PASSWORD_LENGTH = 1024;

/** Reads one line from a pipe (or a file), without its line end. */
async function readLine(input: NodeJS.ReadStream): Promise<string> {
  let text = '';
  for await (const chunk of input) {
    text += String(chunk);
    const nl = text.search(/\r?\n/);
    if (nl >= 0) return text.slice(0, nl);
    if (text.length > MAX_PASSWORD_LENGTH) break;
  }
  return text.replace(/\r?\n$/, '');
}

/** Asks on the terminal with echo off; Ctrl-C or Ctrl-D abandons. */
function askHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  // Echo off before the prompt shows: whatever is typed after it must not appear.
  stdin.setRawMode(true);
  process.stderr.write(prompt);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (err?: Error) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003' || ch === '\u0004') return finish(new Error('abandoned; the password is unchanged'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ' && value.length < MAX_PASSWORD_LENGTH) value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

export async function run(args: string[]): Promise<number> {
  const unknown = args.find((a) => a !== '--generate' && a !== '--help' && a !== '-h');
  if (unknown !== undefined || args.includes('--help') || args.includes('-h')) {
    if (unknown !== undefined) process.stderr.write(`rebound password: unknown argument "${unknown}"\n\n`);
    (unknown !== undefined ? process.stderr : process.stdout).write(PASSWORD_USAGE);
    return unknown !== undefined ? 2 : 0;
  }
  let password: string;
  if (args.includes('--generate')) {
    password = generatePassword();
  } else if (process.stdin.isTTY) {
    try {
      password = await askHidden('New dashboard password: ');
      if ((await askHidden('Again: ')) !== password) {
        process.stderr.write('rebound password: the two entries differ; the password is unchanged\n');
        return 1;
      }
    } catch (err) {
      process.stderr.write(`rebound password: ${(err as Error).message}\n`);
      return 1;
    }
  } else {
    password = await readLine(process.stdin);
  }
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    process.stderr.write(`rebound password: a password needs ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters; unchanged\n`);
    return 1;
  }
  const config = loadConfig();
  // DATABASE_URL: the PostgreSQL store the service reads, not a SQLite file beside it.
  const store = config.databaseUrl
    ? openPostgresStore(config.databaseUrl, { poolSize: config.databasePoolSize })
    : openStore(config.dbPath, { synchronous: config.dbSynchronous });
  try {
    await store.ready();
    await store.settings.set(STORED_PASSWORD_KEY, hashPassword(password));
  } finally {
    await store.close();
  }
  if (args.includes('--generate')) process.stdout.write(`${password}\n`);
  process.stderr.write(`rebound password: the dashboard password is set (in ${config.dbPath}); restart rebound to use it\n`);
  if (config.web.adminPass) {
    process.stderr.write('rebound password: note: ADMIN_PASS is set, and it wins while it is set; unset it to use this password\n');
  }
  return 0;
}
