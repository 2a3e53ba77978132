// API tokens: made here, shown once, kept only as a SHA-256. A token is "rbt_" and 32
// random bytes (base64url); with that much entropy a plain SHA-256 lookup is as safe as a
// slow hash and lets a request find its token with one indexed read. Revocation takes
// effect at the next request: nothing is cached.

import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../store/db.ts';

export type TokenScope = 'read' | 'write';
export const TOKEN_SCOPES: readonly TokenScope[] = ['read', 'write'];

const TOKEN_PREFIX = 'rbt_';
/** Longest token name kept (a label for people, shown on the dashboard and in `token list`). */
export const MAX_TOKEN_NAME = 100;
/** last_used_at is written at most this often per token: one write per request would be a write per read. */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface TokenRow {
  id: number;
  name: string;
  hint: string;
  scope: TokenScope;
  created_at: string;
  last_used_at: string;
  revoked_at: string;
}

/** A token row's columns, all but the hash (which never leaves the repository). */
const TOKEN_COLUMNS = 'id, name, hint, scope, created_at, last_used_at, revoked_at';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export class TokensRepository {
  #insert;
  #byHash;
  #list;
  #get;
  #revoke;
  #used;
  constructor(db: Db) {
    this.#insert = db.prepare(
      'INSERT INTO api_tokens (name, token_hash, hint, scope, created_at) VALUES (@name, @hash, @hint, @scope, @now)',
    );
    this.#byHash = db.prepare(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE token_hash = ? AND revoked_at = ''`);
    this.#list = db.prepare(`SELECT ${TOKEN_COLUMNS} FROM api_tokens ORDER BY id`);
    this.#get = db.prepare(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE id = ?`);
    this.#revoke = db.prepare("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at = ''");
    this.#used = db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?');
  }

  /** Makes a token; the returned `token` is the only time it exists in clear. */
  create(name: string, scope: TokenScope, now = new Date()): { id: number; token: string } {
    const clean = name.trim().slice(0, MAX_TOKEN_NAME);
    if (!clean) throw new Error('a token needs a name');
    if (!TOKEN_SCOPES.includes(scope)) throw new Error(`scope must be read or write, not ${scope}`);
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const info = this.#insert.run({ name: clean, hash: hashToken(token), hint: token.slice(0, 10), scope, now: now.toISOString() });
    return { id: Number(info.lastInsertRowid), token };
  }

  /** The live (not revoked) token this bearer value is, and records its use. */
  authenticate(token: string, now = new Date()): TokenRow | undefined {
    if (!token.startsWith(TOKEN_PREFIX) || token.length > 100) return undefined;
    const row = this.#byHash.get(hashToken(token)) as TokenRow | undefined;
    if (!row) return undefined;
    const last = row.last_used_at ? Date.parse(row.last_used_at) : 0;
    if (now.getTime() - last >= LAST_USED_RESOLUTION_MS) {
      row.last_used_at = now.toISOString();
      this.#used.run(row.last_used_at, row.id);
    }
    return row;
  }

  list(): TokenRow[] {
    return this.#list.all() as TokenRow[];
  }

  get(id: number): TokenRow | undefined {
    return this.#get.get(id) as TokenRow | undefined;
  }

  /** True when the token was live and is revoked now. */
  revoke(id: number, now = new Date()): boolean {
    return this.#revoke.run(now.toISOString(), id).changes === 1;
  }
}
