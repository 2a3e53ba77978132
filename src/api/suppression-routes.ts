// The suppression list over the API (src/suppress/repository.ts owns it): list (keyset on
// id, newest first), check one address (its own entry or its domain's), add, remove.
// Adding and removing need a read-write token; the token's name is recorded as who did it,
// and the list's change listener queues the suppression.added/removed webhooks in the same
// transaction.

import { z } from 'zod';
import type { Store } from '../store/store.ts';
import {
  entryFacts,
  SUPPRESSION_SOURCES,
  SuppressionInputError,
  type SuppressionEntry,
  type SuppressionSource,
} from '../suppress/repository.ts';
import { ApiError, route, type RouteDef } from './router.ts';

const Address = z.string().trim().min(1).max(254).describe('An email address, or a domain as @example.org');

export const SuppressionEntrySchema = z.object({
  address: z.string().describe("The address, or '@domain' for a whole domain"),
  scope: z.enum(['address', 'domain']),
  reason: z.string(),
  source: z.string().describe('bounce, escalation, complaint, manual or import'),
  rule: z.string(),
  bounce_id: z.number().int().nullable(),
  note: z.string(),
  created_by: z.string(),
  first_seen: z.string(),
  last_seen: z.string(),
  bounce_count: z.number().int(),
  expires_at: z.string().nullable().describe('ISO 8601 UTC; null: never'),
});

export const SuppressionListQuery = z.object({
  q: z.string().trim().min(1).max(254).optional().describe('Part of the address'),
  reason: z.string().trim().min(1).max(64).optional(),
  source: z.enum(SUPPRESSION_SOURCES as unknown as [SuppressionSource, ...SuppressionSource[]]).optional(),
  scope: z.enum(['address', 'domain']).optional(),
  include_expired: z.enum(['true', 'false']).default('false').describe('Also entries past their expiry that the sweep has not removed yet'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z
    .string()
    .regex(/^\d{1,15}$/, 'the next_cursor of the previous page')
    .optional(),
});

export const SuppressionList = z.object({ data: z.array(SuppressionEntrySchema), next_cursor: z.string().nullable() });
export const SuppressionCheck = z.object({
  address: z.string(),
  suppressed: z.boolean(),
  entry: SuppressionEntrySchema.nullable().describe("The entry in force: the address's own or its domain's"),
});
export const SuppressionAdd = z.object({
  address: Address,
  reason: z.string().trim().max(64).optional().describe('Default: manual'),
  note: z.string().max(1000).optional(),
  expires_at: z.iso.datetime().optional().describe('ISO 8601; omitted: never expires'),
});
export const SuppressionAdded = z.object({
  created: z.boolean().describe('false: the entry was in force already and was refreshed'),
  entry: SuppressionEntrySchema,
});
export const AddressParams = z.object({ address: Address });
export const SuppressionRemoved = z.object({ removed: SuppressionEntrySchema });

export function suppressionJson(e: SuppressionEntry): z.infer<typeof SuppressionEntrySchema> {
  return {
    ...entryFacts(e),
    note: e.note,
    created_by: e.createdBy,
    first_seen: e.firstSeen,
    last_seen: e.lastSeen,
    bounce_count: e.bounceCount,
    expires_at: e.expiresAt,
  };
}

function badAddress(err: unknown, field: string): never {
  if (err instanceof SuppressionInputError)
    throw new ApiError(400, 'invalid_request', `invalid ${field}: ${err.message}`, { fields: [{ field, message: err.message }] });
  throw err;
}

export function suppressionRoutes(d: { store: Store; now: () => Date }): RouteDef[] {
  const list = () => d.store.suppressions;
  return [
    route({
      method: 'get',
      path: '/suppressions',
      operationId: 'listSuppressions',
      tag: 'suppressions',
      summary: 'List the suppression list, newest first',
      scope: 'read',
      query: SuppressionListQuery,
      response: { status: 200, description: 'One page of entries', schema: SuppressionList },
      errors: [400],
      handler: async ({ query }) => {
        const page = await list().list(
          {
            q: query.q,
            reason: query.reason,
            source: query.source,
            scope: query.scope,
            includeExpired: query.include_expired === 'true',
            now: d.now(),
          },
          { after: query.cursor ? Number(query.cursor) : undefined, limit: query.limit },
        );
        return { data: page.entries.map(suppressionJson), next_cursor: page.next === undefined ? null : String(page.next) };
      },
    }),
    route({
      method: 'get',
      path: '/suppressions/{address}',
      operationId: 'checkSuppression',
      tag: 'suppressions',
      summary: 'Is this address suppressed (by its own entry or its domain)?',
      scope: 'read',
      params: AddressParams,
      response: { status: 200, description: 'The answer, with the entry in force', schema: SuppressionCheck },
      errors: [400],
      handler: async ({ params }) => {
        const entry = await list().check(params.address, d.now());
        return { address: params.address.toLowerCase(), suppressed: entry !== undefined, entry: entry ? suppressionJson(entry) : null };
      },
    }),
    route({
      method: 'post',
      path: '/suppressions',
      operationId: 'addSuppression',
      tag: 'suppressions',
      summary: 'Add an address or a domain to the suppression list',
      scope: 'write',
      body: SuppressionAdd,
      response: { status: 201, description: 'Added (or refreshed)', schema: SuppressionAdded },
      errors: [400],
      handler: async ({ body, token, ctx }) => {
        let r: Awaited<ReturnType<Store['suppressions']['add']>>;
        try {
          r = await list().add(
            {
              address: body.address,
              reason: body.reason || 'manual',
              source: 'manual',
              note: body.note ?? '',
              by: `api:${token!.name}`,
              expiresAt: body.expires_at ? new Date(body.expires_at) : null,
            },
            d.now(),
          );
        } catch (err) {
          badAddress(err, 'body.address');
        }
        ctx.status = r.created ? 201 : 200;
        ctx.body = { created: r.created, entry: suppressionJson(r.entry) };
        return undefined;
      },
    }),
    route({
      method: 'delete',
      path: '/suppressions/{address}',
      operationId: 'removeSuppression',
      tag: 'suppressions',
      summary: 'Remove an address or a domain from the suppression list',
      scope: 'write',
      params: AddressParams,
      response: { status: 200, description: 'The entry removed', schema: SuppressionRemoved },
      errors: [400, 404],
      handler: async ({ params, token }) => {
        let removed: SuppressionEntry | undefined;
        try {
          removed = await list().remove(params.address, { by: `api:${token!.name}` }, d.now());
        } catch (err) {
          badAddress(err, 'path.address');
        }
        if (!removed) throw new ApiError(404, 'not_found', `${params.address} is not on the suppression list`);
        return { removed: suppressionJson(removed) };
      },
    }),
  ];
}
