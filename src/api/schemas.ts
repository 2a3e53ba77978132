// The API's inputs and outputs as zod schemas: the same objects validate each request at
// the edge (src/api/router.ts) and become the OpenAPI document (src/api/openapi.ts), so the
// document cannot drift from what the server accepts.

import { z } from 'zod';
import { isDay } from '../core/utc-day.ts';
import { SORT_COLUMNS } from '../store/bounce-queries.ts';
import { STATUSES, TYPES } from '../web/filters.ts';

/** Largest page of the bounce list. */
export const MAX_PAGE = 500;
/** Longest range the counts cover, days (by domain reads every row of the range). */
export const MAX_COUNT_DAYS = 366;

export const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a day as YYYY-MM-DD')
  .refine(isDay, 'not a calendar day');

export const Id = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
export const IdParams = z.object({ id: Id.describe('The bounce id') });

export const BounceListQuery = z.object({
  from: Day.optional().describe('First day (UTC), inclusive'),
  to: Day.optional().describe('Last day (UTC), inclusive'),
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .min(1)
    .max(253)
    .regex(/^\S+$/, 'no spaces in a domain')
    .optional()
    .describe('Exact domain of the bounced address'),
  status: z.enum(STATUSES).optional().describe('Processing status'),
  reason: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z]{1,40}$/, 'a reason name such as userunknown')
    .optional()
    .describe('Reason (Sisimai name)'),
  type: z.enum(TYPES).optional().describe('hard, soft or none'),
  q: z.string().trim().toLowerCase().min(1).max(200).optional().describe('Prefix of the bounced address or of its domain'),
  sort: z
    .enum(Object.keys(SORT_COLUMNS) as [keyof typeof SORT_COLUMNS, ...(keyof typeof SORT_COLUMNS)[]])
    .default('date')
    .describe('Sort column'),
  dir: z.enum(['asc', 'desc']).default('desc').describe('Sort direction'),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(50).describe('Rows per page'),
  cursor: z.string().min(1).max(2000).optional().describe('next_cursor of the previous page (same filters, sort and dir)'),
});

export const BounceListItem = z.object({
  id: z.number().int(),
  date: z.string().describe('When rebound received the bounce, ISO 8601 UTC'),
  email_to: z.string().describe('The address that bounced'),
  domain: z.string(),
  status: z.string(),
  reason: z.string(),
  bounce_type: z.string().describe('hard, soft or none'),
  kind: z.string().describe('bounce, delay, complaint or autoreply'),
  status_code: z.string().describe('RFC 3463 enhanced status code'),
  reply_code: z.string().describe('SMTP reply code'),
  original_message_id: z.string(),
  original_subject: z.string(),
  tracking_id: z.string(),
  retries: z.number().int(),
});

export const BounceList = z.object({
  data: z.array(BounceListItem),
  next_cursor: z.string().nullable().describe('Pass as cursor for the next page; null on the last page'),
});

export const BounceDetail = BounceListItem.extend({
  message_id: z.number().int(),
  email_cc: z.string(),
  action: z.string(),
  diagnostic: z.string(),
  remote_mta: z.string(),
  decided_by: z.string(),
  original_from: z.string(),
  original_to: z.string(),
  original_date: z.string(),
  last_error: z.string(),
  decision_trail: z.array(z.string()).describe('Which rules or DSN fields decided the classification, in order'),
  classification: z.record(z.string(), z.unknown()).describe("The classifier's whole answer for the message"),
  message: z.object({
    id: z.number().int(),
    received_at: z.string(),
    source: z.string(),
    size: z.number().int(),
    envelope_from: z.string(),
    envelope_to: z.string(),
    subject: z.string(),
  }),
  notices: z.array(
    z.object({
      id: z.number().int(),
      state: z.string(),
      recipients: z.string(),
      attempts: z.number().int(),
      sent_at: z.string(),
      last_error: z.string(),
    }),
  ),
});

export const CountsQuery = z.object({
  by: z.enum(['day', 'domain', 'reason', 'type']).describe('What to count by'),
  from: Day.optional().describe('First day (UTC); default 29 days before `to`'),
  to: Day.optional().describe('Last day (UTC); default today'),
  limit: z.coerce.number().int().min(1).max(1000).default(100).describe('Most groups returned (largest first, days in order)'),
});

export const Counts = z.object({
  by: z.string(),
  from: z.string(),
  to: z.string(),
  counts: z.array(z.object({ key: z.string(), count: z.number().int() })),
});

export const RetryResult = z.object({ queued: z.boolean(), message: z.string() });

export const ErrorBody = z.object({
  error: z.object({
    code: z.string().describe('Stable machine-readable code'),
    message: z.string().describe('What went wrong, for people'),
    fields: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .describe('For invalid_request: each invalid input'),
  }),
});
