// The list's filters as they travel in the URL (so a filtered view can be bookmarked):
// parsed once here into BounceFilters, with anything malformed dropped, never passed on.

import { isDay } from '../core/utc-day.ts';
import type { BounceFilters } from '../store/bounce-queries.ts';

export const STATUSES = ['Processed', 'Skipped', 'Problem', 'retry_queued'] as const;
export const TYPES = ['hard', 'soft', 'none'] as const;
/** Sisimai's reason names (src/core/types.ts Reason), for the filter's suggestions. */
export const REASONS = [
  'userunknown',
  'hostunknown',
  'hasmoved',
  'notaccept',
  'mailboxfull',
  'expired',
  'filtered',
  'rejected',
  'blocked',
  'authfailure',
  'networkerror',
  'suspend',
  'policyviolation',
  'requireptr',
  'spamdetected',
  'systemerror',
  'securityerror',
  'mailererror',
  'onhold',
  'norelaying',
  'notcompliantrfc',
  'toomanyconn',
  'exceedlimit',
  'mesgtoobig',
  'badreputation',
  'contenterror',
  'virusdetected',
  'syntaxerror',
  'speeding',
  'undefined',
  'failedstarttls',
  'systemfull',
  'suppressed',
  'feedback',
  'vacation',
  'delivered',
];

type Query = Record<string, string | string[] | undefined>;

function one(q: Query, key: string): string {
  const v = q[key];
  const s = Array.isArray(v) ? v[0] : v;
  return (s ?? '').trim();
}

/** Filters from a query string object (ctx.query); unknown or malformed values are ignored. */
export function parseFilters(q: Query): BounceFilters {
  const f: BounceFilters = {};
  const from = one(q, 'from');
  if (isDay(from)) f.from = from;
  const to = one(q, 'to');
  if (isDay(to)) f.to = to;
  const domain = one(q, 'domain').toLowerCase();
  if (domain && domain.length <= 253 && !/\s/.test(domain)) f.domain = domain;
  const status = one(q, 'status');
  if ((STATUSES as readonly string[]).includes(status)) f.status = status;
  const reason = one(q, 'reason').toLowerCase();
  if (/^[a-z]{1,40}$/.test(reason)) f.reason = reason;
  const type = one(q, 'type').toLowerCase();
  if ((TYPES as readonly string[]).includes(type)) f.type = type;
  const search = one(q, 'q') || one(q, 'search[value]');
  if (search && search.length <= 200) f.search = search.toLowerCase();
  return f;
}

/** The filters back as a query string (for links: export, pages, the bookmarkable URL). */
export function filtersToQuery(f: BounceFilters): string {
  const p = new URLSearchParams();
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (f.domain) p.set('domain', f.domain);
  if (f.status) p.set('status', f.status);
  if (f.reason) p.set('reason', f.reason);
  if (f.type) p.set('type', f.type);
  if (f.search) p.set('q', f.search);
  return p.toString();
}
