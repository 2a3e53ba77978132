// The API's routes: bounces (list with the dashboard's filters and keyset paging, one
// bounce with its classification and decision trail, its raw message, a retry of its
// notices) and counts. The suppression list's routes are in src/api/suppression-routes.ts,
// the OpenAPI document's in src/api/api.ts.

import { DAY_MS } from '../core/utc-day.ts';
import type { RetryFn } from '../web/deps.ts';
import type { BounceQueries } from '../store/bounce-queries.ts';
import type { Store } from '../store/store.ts';
import { isRawIncomplete, RAW_INCOMPLETE_TEXT } from '../store/raw-parts.ts';
import { publishedClassification } from '../store/stored-classification.ts';
import { CountQueries } from './counts.ts';
import { CursorError, decodeCursor, KeysetPager, type Cursor } from './keyset.ts';
import { ApiError, route, type RouteDef } from './router.ts';
import { BounceDetail, BounceList, BounceListQuery, Counts, CountsQuery, IdParams, MAX_COUNT_DAYS, RetryResult } from './schemas.ts';

export interface RouteDeps {
  store: Store;
  queries: BounceQueries;
  retry: RetryFn;
  now: () => Date;
}

async function bounceOr404(store: Store, id: number) {
  const b = await store.bounces.get(id);
  if (!b) throw new ApiError(404, 'not_found', `no bounce ${id}`);
  return b;
}

export function bounceRoutes(d: RouteDeps): RouteDef[] {
  const pager = new KeysetPager(d.store.sql, d.queries);
  const counts = new CountQueries(d.store.sql);
  return [
    route({
      method: 'get',
      path: '/bounces',
      operationId: 'listBounces',
      tag: 'bounces',
      summary: 'List bounces',
      description:
        "The dashboard's filters and sort columns. Keyset paging: pass `next_cursor` as `cursor` for the next page, with the same filters, sort and dir.",
      scope: 'read',
      query: BounceListQuery,
      response: { status: 200, description: 'One page of bounces', schema: BounceList },
      errors: [400],
      handler: async ({ query }) => {
        const { sort, dir, limit, cursor, q, ...rest } = query;
        const filters = { ...rest, ...(q ? { search: q } : {}) };
        for (const k of Object.keys(filters) as (keyof typeof filters)[]) if (filters[k] === undefined) delete filters[k];
        let after: Cursor | undefined;
        if (cursor) {
          try {
            after = decodeCursor(cursor, sort, dir);
          } catch (err) {
            if (!(err instanceof CursorError)) throw err;
            throw new ApiError(400, 'invalid_request', `invalid query.cursor: ${err.message}`, {
              fields: [{ field: 'query.cursor', message: err.message }],
            });
          }
        }
        const page = await pager.page({ filters, sort, dir, limit, after });
        return { data: page.rows, next_cursor: page.next ?? null };
      },
    }),
    route({
      method: 'get',
      path: '/bounces/{id}',
      operationId: 'getBounce',
      tag: 'bounces',
      summary: 'One bounce with its classification and decision trail',
      scope: 'read',
      params: IdParams,
      response: { status: 200, description: 'The bounce', schema: BounceDetail },
      errors: [400, 404],
      handler: async ({ params }) => {
        const b = await bounceOr404(d.store, params.id);
        const m = await d.store.messages.get(b.message_id);
        const { dedupe_key: _key, ...fields } = b;
        return {
          ...fields,
          decision_trail: b.decided_by.split(/;\s*/).filter(Boolean),
          classification: publishedClassification(m?.classification ?? '{}') ?? {},
          message: {
            id: b.message_id,
            received_at: m?.received_at ?? '',
            source: m?.source ?? '',
            size: m?.size ?? 0,
            envelope_from: m?.envelope_from ?? '',
            envelope_to: m?.envelope_to ?? '',
            subject: m?.subject ?? '',
          },
          notices: (await d.store.outbox.forBounce(b.id)).map((n) => ({
            id: n.id,
            state: n.state,
            recipients: n.recipients,
            attempts: n.attempts,
            sent_at: n.sent_at,
            last_error: n.last_error,
          })),
        };
      },
    }),
    route({
      method: 'get',
      path: '/bounces/{id}/raw',
      operationId: 'getBounceRaw',
      tag: 'bounces',
      summary: 'The raw message the bounce came in',
      scope: 'read',
      params: IdParams,
      response: { status: 200, description: 'The message as received (RFC 5322)', contentType: 'message/rfc822' },
      errors: [400, 404, 410],
      handler: async ({ params, ctx }) => {
        const b = await bounceOr404(d.store, params.id);
        const raw = await d.store.messages.raw(b.message_id).catch((err: unknown) => {
          if (isRawIncomplete(err)) throw new ApiError(410, 'raw_incomplete', RAW_INCOMPLETE_TEXT);
          throw err;
        });
        if (!raw) throw new ApiError(404, 'not_found', `no raw message for bounce ${params.id}`);
        ctx.status = 200;
        ctx.type = 'message/rfc822';
        ctx.attachment(`bounce-${b.id}.eml`);
        ctx.body = raw;
        return undefined;
      },
    }),
    route({
      method: 'post',
      path: '/bounces/{id}/retry',
      operationId: 'retryBounceNotices',
      tag: 'bounces',
      summary: "Send the bounce's notices again",
      scope: 'write',
      params: IdParams,
      response: { status: 202, description: 'Whether a notice was queued', schema: RetryResult },
      errors: [400, 404],
      handler: async ({ params }) => {
        const b = await bounceOr404(d.store, params.id);
        return d.retry(b.id);
      },
    }),
    route({
      method: 'get',
      path: '/counts',
      operationId: 'countBounces',
      tag: 'counts',
      summary: 'Bounce counts by day, domain, reason or type',
      scope: 'read',
      query: CountsQuery,
      response: { status: 200, description: 'The counts', schema: Counts },
      errors: [400],
      handler: async ({ query }) => {
        const to = query.to ?? d.now().toISOString().slice(0, 10);
        const from = query.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 29 * DAY_MS).toISOString().slice(0, 10);
        const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1;
        if (days < 1 || days > MAX_COUNT_DAYS) {
          const message = `from must not be after to, and the range at most ${MAX_COUNT_DAYS} days`;
          throw new ApiError(400, 'invalid_request', `invalid query.from: ${message}`, { fields: [{ field: 'query.from', message }] });
        }
        return { by: query.by, from, to, counts: await counts.counts(query.by, from, to, query.limit) };
      },
    }),
  ];
}
