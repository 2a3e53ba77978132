// The suppression list's repository: owns the SQL of the suppressions, suppression_events
// (audit trail) and suppression_strikes tables (migration 008). Statements are prepared once.
//
// STABLE INTERFACE (other rooms build on it: the API, the webhook queue, the dashboard):
//
//   store.suppressions: SuppressionRepository (every method returns a Promise of what is named)
//     check(address, now)              -> SuppressionEntry | undefined
//         The entry in force for an address: its own, else its domain's ('@example.org').
//         Expired entries are not in force. The hot path of the Postfix servers.
//     list(filters, page)              -> { entries, next }
//         filters: { q?, reason?, source?, scope?, includeExpired?, now? }
//         page:    { after?: number (the `next` of the previous page), limit?: 1..1000 }
//         Newest first (keyset on id): page 10,000 costs what page 1 costs.
//     get(address)                     -> SuppressionEntry | undefined   (even if expired)
//     add(entry: NewSuppression, now)  -> { entry, created }
//         Adds, or refreshes an entry in force (last_seen, bounce_count + 1, the later expiry).
//     addMany(entries, now)            -> ({ entry, created } | undefined)[]
//         add() for each, in one savepoint; an input the list cannot hold gives undefined.
//     remove(address, { by, note }, now) -> SuppressionEntry | undefined (undefined: none)
//     purgeExpired(now)                -> number of entries removed (event 'expired')
//     events(address?, limit?)         -> SuppressionEvent[]   (the audit trail, newest first)
//     addedByBounce(bounceId)          -> SuppressionEvent | undefined (this bounce listed it)
//     onChange(listener)               -> unsubscribe()
//         listener({ type: 'added' | 'removed', entry, at, by, note }, tx) is called INSIDE the
//         transaction of the change (a bounce's commit, a dashboard removal, an import), with
//         that transaction's repositories `tx`, so what it writes through them (a webhook
//         row) lands with the change or not at all. It must not do
//         I/O outside the database; throwing rolls the change back. 'removed' covers a
//         removal by hand and an expiry (by = 'expiry').
//         Listeners belong to one process's store: changes made by `rebound suppress` (the
//         CLI, a process of its own on the same database) do not reach the service's.
//
// Every method that writes runs in its own transaction, or as a savepoint inside the
// caller's when the repository is a transaction's (ingest's hook, an import of many lines).

import type { SqlRunner, SqlValue } from '../store/sql/driver.ts';

export type SuppressionScope = 'address' | 'domain';
export type SuppressionSource = 'bounce' | 'escalation' | 'complaint' | 'manual' | 'import';
export const SUPPRESSION_SOURCES: readonly SuppressionSource[] = ['bounce', 'escalation', 'complaint', 'manual', 'import'];

export interface SuppressionEntry {
  id: number;
  /** 'jane@example.org', or '@example.org' for a whole domain; lower-cased. */
  address: string;
  scope: SuppressionScope;
  /** The bounce reason (userunknown, mailboxfull, ...), 'complaint', or 'manual'. */
  reason: string;
  source: SuppressionSource;
  /** The policy rule that decided it ('' for entries made by hand or imported). */
  rule: string;
  bounceId: number | null;
  note: string;
  createdBy: string;
  firstSeen: string;
  lastSeen: string;
  bounceCount: number;
  /** ISO 8601 UTC; null: never expires. */
  expiresAt: string | null;
}

export interface NewSuppression {
  /** An address or a domain ('example.org' or '@example.org'); normalised here. */
  address: string;
  reason: string;
  source: SuppressionSource;
  rule?: string;
  bounceId?: number | null;
  note?: string;
  /** Who: 'rebound' for automatic entries, 'admin' (dashboard), 'cli', ... */
  by?: string;
  expiresAt?: Date | null;
}

export interface SuppressionEvent {
  id: number;
  at: string;
  address: string;
  action: 'added' | 'refreshed' | 'removed' | 'expired';
  actor: string;
  note: string;
  reason: string;
  source: string;
  bounceId: number | null;
  /** The entry's expiry after the change (added, refreshed); null: never or not applicable. */
  expiresAt: string | null;
}

export interface SuppressionChange {
  type: 'added' | 'removed';
  entry: SuppressionEntry;
  /** ISO 8601 UTC of the change. */
  at: string;
  by: string;
  note: string;
}
/**
 * Told of a change inside its transaction, with that transaction's repositories (`tx`): what
 * it writes through them lands with the change or not at all.
 */
export type SuppressionListener<R = unknown> = (change: SuppressionChange, tx: R) => Promise<void>;

export interface SuppressionFilters {
  /** Part of the address (case-insensitive). */
  q?: string;
  reason?: string;
  source?: SuppressionSource | '';
  scope?: SuppressionScope | '';
  /** Also entries whose expiry has passed but that the sweep has not removed yet. */
  includeExpired?: boolean;
  /** The time "in force" is judged at; default now. */
  now?: Date;
}

export interface SuppressionPage {
  entries: SuppressionEntry[];
  /** Pass as `after` for the next page; undefined on the last page. */
  next?: number;
}

/** A value that cannot be a suppression key; the message says why (for CSV line errors). */
export class SuppressionInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SuppressionInputError';
  }
}

/** RFC 5321 section 4.5.3.1.3: a path is at most 256 octets, so an address at most 254. */
export const MAX_ADDRESS_LENGTH = 254;
export const MAX_NOTE_LENGTH = 1000;
const MAX_REASON_LENGTH = 64;
const MAX_PAGE = 1000;

const LOCAL_PART = /^[a-z0-9!#$%&'*+\-/=?^_`{|}~.]+$/;
const DOMAIN = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/**
 * The key of an address or domain: lower-cased, angle brackets and spaces trimmed; a domain
 * becomes '@domain'. Throws SuppressionInputError for anything else (quoted local parts,
 * control characters, IP literals are refused: none is worth the risk of a wrong match).
 */
export function normaliseKey(input: string): { key: string; scope: SuppressionScope } {
  const raw = String(input)
    .trim()
    .replace(/^<(.*)>$/, '$1')
    .trim()
    .toLowerCase();
  if (raw === '') throw new SuppressionInputError('the address is empty');
  if (raw.length > MAX_ADDRESS_LENGTH) throw new SuppressionInputError(`the address is longer than ${MAX_ADDRESS_LENGTH} characters`);
  const at = raw.lastIndexOf('@');
  if (at <= 0) {
    const domain = at === 0 ? raw.slice(1) : raw;
    if (!DOMAIN.test(domain)) throw new SuppressionInputError(`"${printable(input)}" is neither an address nor a domain`);
    return { key: `@${domain}`, scope: 'domain' };
  }
  const local = raw.slice(0, at);
  const domain = raw.slice(at + 1);
  if (
    local.length > 64 ||
    !LOCAL_PART.test(local) ||
    local.startsWith('.') ||
    local.endsWith('.') ||
    local.includes('..') ||
    !DOMAIN.test(domain)
  ) {
    throw new SuppressionInputError(`"${printable(input)}" is not an email address`);
  }
  return { key: `${local}@${domain}`, scope: 'address' };
}

/** The keys an address is suppressed under: itself and its domain. */
function lookupKeys(address: string): [string, string] | undefined {
  const a = address
    .trim()
    .replace(/^<(.*)>$/, '$1')
    .toLowerCase();
  const at = a.lastIndexOf('@');
  if (at <= 0 || at === a.length - 1 || a.length > MAX_ADDRESS_LENGTH) return undefined;
  return [a, a.slice(at)];
}

function printable(s: string): string {
  return String(s)
    .slice(0, 80)
    .replace(/[^\x20-\x7e]/g, '?');
}

function cleanText(s: string | undefined, max: number): string {
  // Control characters would break the CSV, the log and Postfix's reply text.
  return (s ?? '')
    .replace(/[\x00-\x1f\x7f]+/g, ' ')
    .trim()
    .slice(0, max);
}

/** An add()'s checked input, as its statements' named parameters: the entry's own fields and the write's. */
type WriteParams = Pick<SuppressionEntry, 'address' | 'scope' | 'reason' | 'source' | 'rule' | 'bounceId' | 'note' | 'expiresAt'> & {
  by: string;
  now: string;
  count: number;
};

/** A row as SQLite gives it: the entry's one-word fields, its others in the columns' snake_case. */
type Row = Pick<SuppressionEntry, 'id' | 'address' | 'scope' | 'reason' | 'source' | 'rule' | 'note'> & {
  bounce_id: SuppressionEntry['bounceId'];
  created_by: string;
  first_seen: string;
  last_seen: string;
  bounce_count: number;
  expires_at: SuppressionEntry['expiresAt'];
};

function toEntry(r: Row): SuppressionEntry {
  return {
    id: r.id,
    address: r.address,
    scope: r.scope,
    reason: r.reason,
    source: r.source,
    rule: r.rule,
    bounceId: r.bounce_id,
    note: r.note,
    createdBy: r.created_by,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    bounceCount: r.bounce_count,
    expiresAt: r.expires_at,
  };
}

function toEvent(r: Record<string, unknown>): SuppressionEvent {
  return {
    id: r.id as number,
    at: r.at as string,
    address: r.address as string,
    action: r.action as SuppressionEvent['action'],
    actor: r.actor as string,
    note: r.note as string,
    reason: r.reason as string,
    source: r.source as string,
    bounceId: (r.bounce_id as number | null) ?? null,
    expiresAt: (r.expires_at as string | null) ?? null,
  };
}

/**
 * What an entry is, in the field names rebound's API and webhooks share (snake_case): the
 * address or domain, why, and the bounce that put it there.
 */
export function entryFacts(e: SuppressionEntry): {
  address: string;
  scope: SuppressionScope;
  reason: string;
  source: SuppressionSource;
  rule: string;
  bounce_id: number | null;
} {
  return { address: e.address, scope: e.scope, reason: e.reason, source: e.source, rule: e.rule, bounce_id: e.bounceId };
}

export function isInForce(entry: Pick<SuppressionEntry, 'expiresAt'>, now: Date): boolean {
  return entry.expiresAt === null || entry.expiresAt > now.toISOString();
}

// Both keys in one probe each of the unique index; the address's own entry first.
const CHECK = `SELECT * FROM suppressions WHERE address IN (?, ?) AND (expires_at IS NULL OR expires_at > ?)
   ORDER BY CASE WHEN scope = 'domain' THEN 1 ELSE 0 END LIMIT 1`;
const GET = 'SELECT * FROM suppressions WHERE address = ?';
const INSERT = `INSERT INTO suppressions (address, scope, reason, source, rule, bounce_id, note, created_by, first_seen, last_seen, bounce_count, expires_at)
   VALUES (@address, @scope, @reason, @source, @rule, @bounceId, @note, @by, @now, @now, @count, @expiresAt) RETURNING *`;
// A new bounce for an entry in force: seen again, counted, and kept at least as long as
// the new decision says (never shortened; NULL = never wins).
const REFRESH = `UPDATE suppressions SET last_seen = @now, bounce_count = bounce_count + @count,
     bounce_id = COALESCE(@bounceId, bounce_id),
     expires_at = CASE WHEN expires_at IS NULL OR CAST(@expiresAt AS text) IS NULL THEN NULL
                       WHEN @expiresAt > expires_at THEN @expiresAt ELSE expires_at END
   WHERE id = @id RETURNING *`;
// An expired entry not swept yet is replaced by the new decision (a fresh start).
const REPLACE = `UPDATE suppressions SET scope = @scope, reason = @reason, source = @source, rule = @rule, bounce_id = @bounceId,
     note = @note, created_by = @by, first_seen = @now, last_seen = @now, bounce_count = @count, expires_at = @expiresAt
   WHERE id = @id RETURNING *`;
const UPGRADE =
  'UPDATE suppressions SET reason = @reason, source = @source, rule = @rule, note = @note, created_by = @by WHERE id = @id RETURNING *';
const DELETE = 'DELETE FROM suppressions WHERE id = ?';
const EVENT = `INSERT INTO suppression_events (at, address, action, actor, note, reason, source, bounce_id, expires_at)
   VALUES (@at, @address, @action, @actor, @note, @reason, @source, @bounceId, @expiresAt)`;
const EVENTS = 'SELECT * FROM suppression_events ORDER BY id DESC LIMIT ?';
const EVENTS_FOR = 'SELECT * FROM suppression_events WHERE address = ? ORDER BY id DESC LIMIT ?';
const ADDED_BY = "SELECT * FROM suppression_events WHERE bounce_id = ? AND action = 'added' ORDER BY id LIMIT 1";
const EXPIRED = 'SELECT * FROM suppressions WHERE expires_at IS NOT NULL AND expires_at <= ? LIMIT ?';
// All minus the expired (few, through the partial index): count(*) of all reads the
// smallest index, several times faster at a million rows than testing each row.
const COUNT_IN_FORCE =
  'SELECT (SELECT count(*) FROM suppressions) - (SELECT count(*) FROM suppressions WHERE expires_at IS NOT NULL AND expires_at <= ?) AS n';
const ADDED_PER_DAY = `SELECT substr(at, 1, 10) AS day, count(*) AS n FROM suppression_events
   WHERE action = 'added' AND at >= ? GROUP BY substr(at, 1, 10) ORDER BY day`;
const STRIKE = 'INSERT INTO suppression_strikes (address, at, bounce_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING';
const STRIKES_SINCE = 'SELECT count(*) AS n FROM suppression_strikes WHERE address = ? AND at > ?';
const PRUNE_STRIKES = 'DELETE FROM suppression_strikes WHERE address = ? AND at <= ?';
const CLEAR_STRIKES = 'DELETE FROM suppression_strikes WHERE address = ?';

/** `%`, `_` and the escape character itself, taken literally in a LIKE pattern. */
function likeLiteral(s: string): string {
  return s.replace(/[!%_]/g, (c) => `!${c}`);
}

/**
 * What the suppression repositories of one store share: the change listeners, and how to give
 * a listener the repositories of the transaction the change is made in.
 */
export interface SuppressionHub<R> {
  listeners: Set<SuppressionListener<R>>;
  /** The repositories bound to `sql` (a transaction's runner). */
  repositoriesOn(sql: SqlRunner): R;
}

export class SuppressionRepository<R = unknown> {
  #sql: SqlRunner;
  #hub: SuppressionHub<R>;

  constructor(sql: SqlRunner, hub: SuppressionHub<R>) {
    this.#sql = sql;
    this.#hub = hub;
  }

  /** Registers a change listener (see the header); returns a function that unregisters it. */
  onChange(listener: SuppressionListener<R>): () => void {
    this.#hub.listeners.add(listener);
    return () => this.#hub.listeners.delete(listener);
  }

  async check(address: string, now: Date): Promise<SuppressionEntry | undefined> {
    const keys = lookupKeys(address);
    if (!keys) return undefined;
    const row = await this.#sql.get<Row>(CHECK, [keys[0], keys[1], now.toISOString()]);
    return row && toEntry(row);
  }

  async get(address: string): Promise<SuppressionEntry | undefined> {
    let key: string;
    try {
      key = normaliseKey(address).key;
    } catch {
      return undefined;
    }
    const row = await this.#sql.get<Row>(GET, [key]);
    return row && toEntry(row);
  }

  async add(input: NewSuppression, now: Date): Promise<{ entry: SuppressionEntry; created: boolean }> {
    const params = this.#params(input, now);
    return this.#sql.transaction((tx) => this.#write(tx, params, now));
  }

  /**
   * add() for many entries in one savepoint (a bounce's commit adds one per failed
   * recipient, and a forged report names 500: a savepoint and a read-back per entry made the
   * hook cost ~66 ms of CPU for them, ~24 ms without; tests/bench/RESULTS.md). An input the
   * list cannot hold (SuppressionInputError) is left out and does not stop the others; its
   * result is undefined. Any other error rolls the whole call back.
   */
  async addMany(inputs: readonly NewSuppression[], now: Date): Promise<({ entry: SuppressionEntry; created: boolean } | undefined)[]> {
    const params = inputs.map((input) => {
      try {
        return this.#params(input, now);
      } catch (err) {
        if (err instanceof SuppressionInputError) return undefined;
        throw err;
      }
    });
    if (params.every((p) => p === undefined)) return params.map(() => undefined);
    return this.#sql.transaction(async (tx) => {
      const out: ({ entry: SuppressionEntry; created: boolean } | undefined)[] = [];
      for (const p of params) out.push(p && (await this.#write(tx, p, now)));
      return out;
    });
  }

  /** Checks and normalises an input (throws SuppressionInputError before anything is written). */
  #params(input: NewSuppression, now: Date): WriteParams {
    const { key, scope } = normaliseKey(input.address);
    if (input.expiresAt && Number.isNaN(input.expiresAt.getTime())) throw new SuppressionInputError('the expiry is not a date');
    return {
      address: key,
      scope,
      reason: cleanText(input.reason, MAX_REASON_LENGTH) || 'manual',
      source: input.source,
      rule: cleanText(input.rule, 100),
      bounceId: input.bounceId ?? null,
      note: cleanText(input.note, MAX_NOTE_LENGTH),
      by: cleanText(input.by, 100) || 'rebound',
      now: now.toISOString(),
      count: input.source === 'manual' || input.source === 'import' ? 0 : 1,
      expiresAt: input.expiresAt ? input.expiresAt.toISOString() : null,
    };
  }

  /** The writes of one add(), inside the caller's transaction; each statement returns the row it wrote. */
  async #write(tx: SqlRunner, params: WriteParams, now: Date): Promise<{ entry: SuppressionEntry; created: boolean }> {
    const existing = await tx.get<Row>(GET, [params.address]);
    let created = true;
    let row: Row;
    if (existing && isInForce(toEntry(existing), now)) {
      row = (await tx.get<Row>(REFRESH, { ...params, id: existing.id }))!;
      // A passing suppression (soft bounces) that a hard bounce, a complaint or an admin
      // confirms takes their cause: the refusal text and the list then say the stronger one.
      if (existing.source === 'escalation' && params.source !== 'escalation')
        row = (await tx.get<Row>(UPGRADE, { ...params, id: existing.id }))!;
      created = false;
    } else if (existing) {
      row = (await tx.get<Row>(REPLACE, { ...params, id: existing.id }))!;
    } else {
      row = (await tx.get<Row>(INSERT, params))!;
    }
    const entry = toEntry(row);
    const { now: at, by, note } = params;
    await tx.run(EVENT, {
      at,
      address: params.address,
      action: created ? 'added' : 'refreshed',
      actor: by,
      note,
      reason: params.reason,
      source: params.source,
      bounceId: params.bounceId,
      expiresAt: entry.expiresAt,
    });
    if (created) await this.#emit(tx, { type: 'added', entry, at, by, note });
    return { entry, created };
  }

  async remove(address: string, who: { by: string; note?: string }, now: Date): Promise<SuppressionEntry | undefined> {
    const { key } = normaliseKey(address);
    const at = now.toISOString();
    const by = cleanText(who.by, 100) || 'admin';
    const note = cleanText(who.note, MAX_NOTE_LENGTH);
    return this.#sql.transaction(async (tx) => {
      const row = await tx.get<Row>(GET, [key]);
      if (!row) return undefined;
      await tx.run(DELETE, [row.id]);
      await tx.run(CLEAR_STRIKES, [key]);
      await tx.run(EVENT, {
        at,
        address: key,
        action: 'removed',
        actor: by,
        note,
        reason: row.reason,
        source: row.source,
        bounceId: row.bounce_id,
        expiresAt: null,
      });
      const entry = toEntry(row);
      await this.#emit(tx, { type: 'removed', entry, at, by, note });
      return entry;
    });
  }

  /** Deletes entries whose expiry has passed (at most `max` per call); returns how many. */
  purgeExpired(now: Date, max = 10_000): Promise<number> {
    const at = now.toISOString();
    return this.#sql.transaction(async (tx) => {
      const rows = await tx.all<Row>(EXPIRED, [at, max]);
      for (const row of rows) {
        await tx.run(DELETE, [row.id]);
        await tx.run(EVENT, {
          at,
          address: row.address,
          action: 'expired',
          actor: 'expiry',
          note: `expired ${row.expires_at}`,
          reason: row.reason,
          source: row.source,
          bounceId: row.bounce_id,
          expiresAt: null,
        });
        await this.#emit(tx, { type: 'removed', entry: toEntry(row), at, by: 'expiry', note: '' });
      }
      return rows.length;
    });
  }

  async list(filters: SuppressionFilters = {}, page: { after?: number; limit?: number } = {}): Promise<SuppressionPage> {
    const limit = Math.min(Math.max(Math.trunc(page.limit ?? 50), 1), MAX_PAGE);
    const where: string[] = [];
    const params: Record<string, SqlValue> = { limit: limit + 1 };
    if (page.after !== undefined && Number.isFinite(page.after)) {
      where.push('id < @after');
      params.after = Math.trunc(page.after);
    }
    if (filters.q) {
      // Addresses are stored lower-cased; the query is too.
      where.push("address LIKE @q ESCAPE '!'");
      params.q = `%${likeLiteral(filters.q.trim().toLowerCase().slice(0, MAX_ADDRESS_LENGTH))}%`;
    }
    if (filters.reason) {
      where.push('reason = @reason');
      params.reason = filters.reason;
    }
    if (filters.source) {
      where.push('source = @source');
      params.source = filters.source;
    }
    if (filters.scope) {
      where.push('scope = @scope');
      params.scope = filters.scope;
    }
    if (!filters.includeExpired) {
      where.push('(expires_at IS NULL OR expires_at > @now)');
      params.now = (filters.now ?? new Date()).toISOString();
    }
    // Built from fixed fragments only (at most 32 shapes, each compiled once by the driver);
    // every value is a bound parameter.
    const sql = `SELECT * FROM suppressions ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT @limit`;
    const rows = await this.#sql.all<Row>(sql, params);
    const entries = rows.slice(0, limit).map(toEntry);
    return rows.length > limit ? { entries, next: entries[entries.length - 1]!.id } : { entries };
  }

  /** Every entry matching the filters, page by page (for exports): bounded memory. */
  async *each(filters: SuppressionFilters = {}, pageSize = 1000): AsyncGenerator<SuppressionEntry> {
    let after: number | undefined;
    for (;;) {
      const page = await this.list(filters, { after, limit: pageSize });
      yield* page.entries;
      if (page.next === undefined) return;
      after = page.next;
    }
  }

  /** The audit trail, newest first: of one address, or of the whole list. */
  async events(address?: string, limit = 100): Promise<SuppressionEvent[]> {
    const n = Math.min(Math.max(Math.trunc(limit), 1), MAX_PAGE);
    let rows: Record<string, unknown>[];
    if (address !== undefined) {
      let key: string;
      try {
        key = normaliseKey(address).key;
      } catch {
        return [];
      }
      rows = await this.#sql.all<Record<string, unknown>>(EVENTS_FOR, [key, n]);
    } else {
      rows = await this.#sql.all<Record<string, unknown>>(EVENTS, [n]);
    }
    return rows.map(toEvent);
  }

  /** The 'added' event of the entry this bounce made, if it made one (kept after removal). */
  async addedByBounce(bounceId: number): Promise<SuppressionEvent | undefined> {
    const row = await this.#sql.get<Record<string, unknown>>(ADDED_BY, [bounceId]);
    return row && toEvent(row);
  }

  /** Entries in force at `now` (for /metrics and the overview). */
  async countInForce(now: Date): Promise<number> {
    return (await this.#sql.get<{ n: number }>(COUNT_IN_FORCE, [now.toISOString()]))?.n ?? 0;
  }

  /** Entries added per UTC day since `since` (YYYY-MM-DD or an ISO time). */
  addedPerDay(since: string): Promise<{ day: string; n: number }[]> {
    return this.#sql.all<{ day: string; n: number }>(ADDED_PER_DAY, [since]);
  }

  /**
   * Counts one soft bounce towards escalation and returns how many the address has within
   * the window ending at `now` (this one included). Older strikes are pruned here, so the
   * table holds at most the window's worth per address.
   */
  async strike(address: string, bounceId: number, now: Date, windowMs: number): Promise<number> {
    const key = address.toLowerCase();
    const since = new Date(now.getTime() - windowMs).toISOString();
    await this.#sql.run(PRUNE_STRIKES, [key, since]);
    await this.#sql.run(STRIKE, [key, now.toISOString(), bounceId]);
    return (await this.#sql.get<{ n: number }>(STRIKES_SINCE, [key, since]))?.n ?? 0;
  }

  /** Tells the listeners, inside the change's transaction, with that transaction's repositories. */
  async #emit(tx: SqlRunner, change: SuppressionChange): Promise<void> {
    if (this.#hub.listeners.size === 0) return;
    const repos = this.#hub.repositoriesOn(tx);
    for (const listener of this.#hub.listeners) await listener(change, repos);
  }
}
