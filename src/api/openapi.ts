// The OpenAPI 3.1 document, made from the route definitions and their zod schemas
// (z.toJSONSchema, JSON Schema 2020-12, the dialect OpenAPI 3.1 uses): one definition
// serves the validation and the documentation.

import { z } from 'zod';
import { API_PREFIX, type RouteDef } from './router.ts';
import { ErrorBody } from './schemas.ts';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const s = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  delete s.$schema;
  return s;
}

const COMMON_ERRORS: Record<number, string> = {
  400: 'Invalid input: the body names each invalid field',
  401: 'No token, or an unknown or revoked one',
  403: 'The token is read-only',
  404: 'Not found',
  410: "The message's stored bytes are incomplete (a part of it is missing from the database)",
  413: 'The body is too large',
  415: 'The body is not JSON',
  429: 'Too many requests with this token (see Retry-After)',
  500: 'Internal error (details only in the log)',
};

/** Path or query parameters from an object schema: one parameter per property. */
function parameters(schema: z.ZodObject | undefined, where: 'path' | 'query'): JsonSchema[] {
  if (!schema) return [];
  const s = jsonSchema(schema, 'input');
  const props = (s.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((s.required ?? []) as string[]);
  return Object.entries(props).map(([name, p]) => {
    const { description, ...rest } = p;
    return { name, in: where, required: where === 'path' || required.has(name), ...(description ? { description } : {}), schema: rest };
  });
}

export function openApiDocument(routes: RouteDef[], version: string): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorRef = { $ref: '#/components/schemas/Error' };
  for (const r of routes) {
    const responses: Record<string, unknown> = {
      [String(r.response.status)]: {
        description: r.response.description,
        ...(r.response.schema
          ? { content: { 'application/json': { schema: jsonSchema(r.response.schema, 'output') } } }
          : r.response.contentType
            ? { content: { [r.response.contentType]: { schema: { type: 'string' } } } }
            : {}),
      },
    };
    const errors = new Set([
      ...(r.errors ?? []),
      ...(r.scope === 'public' ? [] : [401, 429]),
      ...(r.scope === 'write' ? [403] : []),
      ...(r.body ? [400, 413, 415] : []),
      500,
    ]);
    for (const e of [...errors].sort())
      responses[String(e)] = { description: COMMON_ERRORS[e] ?? 'Error', content: { 'application/json': { schema: errorRef } } };
    paths[r.path] ??= {};
    paths[r.path]![r.method] = {
      operationId: r.operationId,
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      tags: [r.tag],
      security: r.scope === 'public' ? [] : [{ bearer: [] }],
      ...(r.scope === 'write' ? { 'x-token-scope': 'write' } : r.scope === 'read' ? { 'x-token-scope': 'read' } : {}),
      parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query')],
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(r.body, 'input') } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'rebound API',
      version,
      description:
        'Bounces, counts and the suppression list of a rebound instance. Send a token made on the dashboard (Tokens) or with `rebound token create` as `Authorization: Bearer <token>`.',
    },
    servers: [{ url: API_PREFIX }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API token (rbt_...): read-only or read-write' } },
      schemas: { Error: jsonSchema(ErrorBody, 'output') },
    },
  };
}
