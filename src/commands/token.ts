// `rebound token create NAME [--write] | list | revoke ID`: API tokens from the command
// line, the same ones the dashboard's Tokens page makes. A new token is printed once, on
// stdout alone (so `TOKEN=$(rebound token create crm)` works); only its hash is stored.

import { loadConfig } from '../config.ts';
import type { TokenScope } from '../api/tokens.ts';
import { openPostgresStore, openStore } from '../store/store.ts';
import { answerUsage } from './usage.ts';

const USAGE = `usage: rebound token create NAME [--write]   make a token (read-only unless --write); printed once
       rebound token list                   the tokens: id, name, access, made, last used, revoked
       rebound token revoke ID              stop a token from working
`;

export type TokenCommand =
  { cmd: 'create'; name: string; scope: TokenScope } | { cmd: 'list' } | { cmd: 'revoke'; id: number } | { error: string };

export function parseTokenArgs(args: string[]): TokenCommand {
  const [cmd, ...rest] = args;
  if (cmd === 'create') {
    const scope: TokenScope = rest.includes('--write') ? 'write' : 'read';
    const words = rest.filter((a) => a !== '--write' && a !== '--read');
    const unknown = words.find((a) => a.startsWith('-'));
    if (unknown) return { error: `unknown option "${unknown}"` };
    const name = words.join(' ').trim();
    if (!name) return { error: 'create needs a NAME (what will use the token)' };
    return { cmd: 'create', name, scope };
  }
  if (cmd === 'list' && rest.length === 0) return { cmd: 'list' };
  if (cmd === 'revoke' && rest.length === 1 && /^\d{1,15}$/.test(rest[0]!)) return { cmd: 'revoke', id: Number(rest[0]) };
  if (cmd === 'revoke') return { error: 'revoke needs one token id (see rebound token list)' };
  return { error: cmd ? `unknown token command "${cmd}"` : '' };
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseTokenArgs(args);
  if ('error' in parsed) return answerUsage('token', parsed.error, USAGE);
  const config = loadConfig();
  // DATABASE_URL: the PostgreSQL store the service reads, not a SQLite file beside it.
  const store = config.databaseUrl
    ? openPostgresStore(config.databaseUrl, { poolSize: config.databasePoolSize })
    : openStore(config.dbPath);
  try {
    await store.ready();
    const tokens = store.tokens;
    if (parsed.cmd === 'create') {
      const made = await tokens.create(parsed.name, parsed.scope);
      process.stderr.write(`token ${made.id} (${parsed.scope === 'write' ? 'read-write' : 'read-only'}) made; it is shown only now:\n`);
      process.stdout.write(`${made.token}\n`);
      return 0;
    }
    if (parsed.cmd === 'list') {
      const rows = await tokens.list();
      process.stdout.write('id\tname\taccess\tstarts with\tmade\tlast used\trevoked\n');
      for (const t of rows) {
        process.stdout.write(
          [
            t.id,
            t.name,
            t.scope === 'write' ? 'read-write' : 'read-only',
            t.hint,
            t.created_at,
            t.last_used_at || 'never',
            t.revoked_at || '-',
          ].join('\t') + '\n',
        );
      }
      return 0;
    }
    if (!(await tokens.revoke(parsed.id))) {
      process.stderr.write(`rebound token: no live token ${parsed.id}\n`);
      return 1;
    }
    process.stderr.write(`token ${parsed.id} revoked\n`);
    return 0;
  } finally {
    await store.close();
  }
}
