// API tokens: made here, shown once, kept only as a SHA-256. A token is "rbt_" and 32
// random bytes (base64url); with that much entropy a plain SHA-256 lookup is as safe as a
// slow hash and lets a request find its token with one indexed read. Revocation takes
// effect at the next request: nothing is cached.

import { createHash, randomBytes } from 'node:crypto';
import type { SqlRunner } from '../store/sql/driver.ts';

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

const INSERT = 'INSERT INTO api_tokens (name, token_hash, hint, scope, created_at) VALUES (@name, @hash, @hint, @scope, @now) RETURNING id';
const BY_HASH = `SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE token_hash = ? AND revoked_at = ''`;
const LIST = `SELECT ${TOKEN_COLUMNS} FROM api_tokens ORDER BY id`;
const GET = `SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE id = ?`;
const REVOKE = "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at = ''";
const USED = 'UPDATE api_tokens SET last_used_at = ? WHERE id = ?';

export class TokensRepository {
  #sql: SqlRunner;
  constructor(sql: SqlRunner) {
    this.#sql = sql;
  }

  /** Makes a token; the returned `token` is the only time it exists in clear. */
  async create(name: string, scope: TokenScope, now = new Date()): Promise<{ id: number; token: string }> {
    const clean = name.trim().slice(0, MAX_TOKEN_NAME);
    if (!clean) throw new Error('a token needs a name');
    if (!TOKEN_SCOPES.includes(scope)) throw new Error(`scope must be read or write, not ${scope}`);
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const row = await this.#sql.get<{ id: number }>(INSERT, {
      name: clean,
      hash: hashToken(token),
      hint: token.slice(0, 10),
      scope,
      now: now.toISOString(),
    });
    return { id: row!.id, token };
  }

  /** The live (not revoked) token this bearer value is, and records its use. */
  async authenticate(token: string, now = new Date()): Promise<TokenRow | undefined> {
    if (!token.startsWith(TOKEN_PREFIX) || token.length > 100) return undefined;
    const row = await this.#sql.get<TokenRow>(BY_HASH, [hashToken(token)]);
    if (!row) return undefined;
    const last = row.last_used_at ? Date.parse(row.last_used_at) : 0;
    if (now.getTime() - last >= LAST_USED_RESOLUTION_MS) {
      row.last_used_at = now.toISOString();
      await this.#sql.run(USED, [row.last_used_at, row.id]);
    }
    return row;
  }

  list(): Promise<TokenRow[]> {
    return this.#sql.all<TokenRow>(LIST);
  }

  get(id: number): Promise<TokenRow | undefined> {
    return this.#sql.get<TokenRow>(GET, [id]);
  }

  /** True when the token was live and is revoked now. */
  async revoke(id: number, now = new Date()): Promise<boolean> {
    return (await this.#sql.run(REVOKE, [now.toISOString(), id])).changes === 1;
  }
}
