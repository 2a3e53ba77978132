// The dashboard's pages and their JSON: overview (+ /api/stats for the charts), the bounce
// list (+ /api/bounces for DataTables' server-side mode), the detail page, the raw
// message, and retry. Values from bounces reach the browser only through autoescaped
// templates or JSON that the page's scripts insert as text.

import type Koa from 'koa';
import type { Router } from '@koa/router';
import { DAY_MS, dayOf, utcMidnight } from '../../core/utc-day.ts';
import { parseDecisionTrail } from '../../core/decision.ts';
import { formList, formString, type Form } from '../body.ts';
import { labelledFields, OUTBOX_WORDS, partWords, STATE_WORDS } from '../field-labels.ts';
import type { PartName, PartStatus } from '../../status.ts';
import { reasonInWords } from '../../notify/reason-words.ts';
import { REASONS, STATUSES, TYPES, filtersToQuery, parseFilters } from '../filters.ts';
import { csrfToken, setFlash, takeFlash } from '../session.ts';
import { SORT_COLUMNS, type SortColumn } from '../../store/bounce-queries.ts';
import { publishedClassification } from '../../store/stored-classification.ts';
import type { WebDeps } from '../deps.ts';
import { isRawIncomplete, RAW_INCOMPLETE_TEXT } from '../../store/raw-parts.ts';

const PERIODS = { today: 'Today', '7d': '7 days', '30d': '30 days' } as const;
type Period = keyof typeof PERIODS;
/** Largest page DataTables may ask for. */
const MAX_PAGE = 500;
/** Retry at most this many selected rows at once. */
const MAX_RETRY_IDS = 500;
/** The detail page shows this much of the raw message; the download has all of it. */
const RAW_PREVIEW_BYTES = 256 * 1024;

/** Start of the period (UTC): today = since midnight, 7d/30d = today and the 6/29 days before. */
function periodStart(p: Period, now: Date): Date {
  const days = p === 'today' ? 0 : p === '7d' ? 6 : 29;
  return new Date(utcMidnight(now).getTime() - days * DAY_MS);
}

function period(v: unknown): Period {
  return typeof v === 'string' && v in PERIODS ? (v as Period) : '7d';
}

function intParam(v: unknown, def: number, min: number, max: number): number {
  const n = typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : def;
  return Math.min(max, Math.max(min, n));
}

function page(ctx: Koa.Context, deps: WebDeps, template: string, vars: Record<string, unknown>): void {
  ctx.type = 'html';
  ctx.set('Cache-Control', 'no-store');
  ctx.body = deps.views.render(template, { ...vars, csrf: csrfToken(ctx), flash: takeFlash(ctx), path: ctx.path });
}

export function pageRoutes(router: Router, deps: WebDeps): void {
  const { queries, store, board } = deps;

  router.get('/', async (ctx) => {
    const now = deps.now();
    const counts = [];
    for (const p of Object.keys(PERIODS) as Period[]) {
      const since = periodStart(p, now);
      counts.push({ period: p, label: PERIODS[p], since: dayOf(since), ...(await queries.countsSince(since)) });
    }
    const parts = (Object.entries(board.all()) as [PartName, PartStatus][]).map(([name, s]) => ({
      name,
      label: partWords(name),
      ...s,
      factList: Object.entries(s.facts ?? {}),
    }));
    page(ctx, deps, 'overview.njk', {
      title: 'Overview',
      counts,
      statuses: STATUSES,
      types: TYPES,
      parts,
      period: period(ctx.query.period),
      periods: PERIODS,
      outbox: await store.outbox.countsByState(),
      suppressionsPerDay: (await store.suppressions.addedPerDay(periodStart('30d', now).toISOString().slice(0, 10))).reverse(),
      stateWords: STATE_WORDS,
      outboxWords: OUTBOX_WORDS,
    });
  });

  router.get('/api/stats', async (ctx) => {
    const p = period(ctx.query.period);
    const since = periodStart(p, deps.now());
    const topDomains = await queries.topDomains(since, 5);
    const perDay = await queries.perDay(since);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { period: p, since: since.toISOString(), topDomains, perDay };
  });

  router.get('/bounces', (ctx) => {
    const filters = parseFilters(ctx.query);
    page(ctx, deps, 'list.njk', {
      title: 'Bounces',
      filters,
      query: filtersToQuery(filters),
      statuses: STATUSES,
      stateWords: STATE_WORDS,
      types: TYPES,
      reasons: REASONS,
    });
  });

  // DataTables server-side processing: draw, start, length, plus our sort/dir and filters.
  router.get('/api/bounces', async (ctx) => {
    const q = ctx.query as Record<string, string | undefined>;
    const filters = parseFilters(ctx.query);
    const sort = (typeof q.sort === 'string' && q.sort in SORT_COLUMNS ? q.sort : 'date') as SortColumn;
    const dir = q.dir === 'asc' ? 'asc' : 'desc';
    const limit = intParam(q.length, 25, 1, MAX_PAGE);
    const offset = intParam(q.start, 0, 0, 1_000_000_000);
    // The count comes first: it also chooses the list's plan (BounceQueries.page).
    const { rows, filtered } = await queries.page({ filters, sort, dir, offset, limit });
    const total = Object.keys(filters).length ? await queries.countAll() : filtered.count;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = {
      draw: intParam(q.draw, 0, 0, 1_000_000_000),
      recordsTotal: total,
      recordsFiltered: filtered.count,
      countCapped: filtered.capped,
      // The reason's plain words go with each row: the list shows them beside the code.
      data: rows.map((r) => ({ ...r, reason_words: reasonInWords(r.reason) })),
    };
  });

  router.get('/bounces/:id', async (ctx) => {
    const bounce = await bounceNamed(deps, ctx.params.id);
    if (!bounce) return notFound(ctx, deps);
    const message = await store.messages.get(bounce.message_id);
    // A preview only: a message kept in parts is not read whole for it.
    const raw = await store.messages.rawStart(bounce.message_id, RAW_PREVIEW_BYTES);
    // Unreadable JSON is shown as stored; readable JSON in its published shape, indented.
    const stored = message?.classification ?? '{}';
    const published = publishedClassification(stored);
    const classification = published ? JSON.stringify(published, null, 2) : stored;
    page(ctx, deps, 'detail.njk', {
      title: `Bounce ${bounce.id}`,
      bounce,
      fields: labelledFields(bounce),
      message,
      decidedBy: parseDecisionTrail(bounce.decided_by),
      classification,
      notices: await store.outbox.forBounce(bounce.id),
      suppression: await store.suppressions.check(bounce.email_to, deps.now()),
      rawText: raw?.start ? raw.start.toString('utf8') : '',
      rawTruncated: raw ? raw.size > RAW_PREVIEW_BYTES : false,
      rawMissing: raw !== undefined && raw.start === undefined,
      rawSize: raw?.size ?? 0,
      back: typeof ctx.query.back === 'string' && ctx.query.back.startsWith('/bounces') ? ctx.query.back : '/bounces',
    });
  });

  router.get('/bounces/:id/raw', async (ctx) => {
    const bounce = await bounceNamed(deps, ctx.params.id);
    let raw: Buffer | undefined;
    try {
      raw = bounce ? await store.messages.raw(bounce.message_id) : undefined;
    } catch (err) {
      if (!isRawIncomplete(err)) throw err;
      ctx.status = 410;
      ctx.type = 'html';
      ctx.body = deps.views.render('error.njk', {
        title: 'Message incomplete',
        message: RAW_INCOMPLETE_TEXT,
        csrf: csrfToken(ctx),
        path: ctx.path,
      });
      return;
    }
    if (!bounce || !raw) return notFound(ctx, deps);
    // An attachment, never rendered by the browser (nosniff is set on every answer).
    ctx.type = 'message/rfc822';
    ctx.attachment(`bounce-${bounce.id}.eml`);
    ctx.body = raw;
  });

  router.post('/bounces/:id/retry', async (ctx) => {
    const bounce = await bounceNamed(deps, ctx.params.id);
    if (!bounce) return notFound(ctx, deps);
    const r = await retryOne(deps, bounce.id);
    setFlash(ctx, r.ok ? 'success' : 'danger', r.text);
    ctx.redirect(`/bounces/${bounce.id}`);
  });

  router.post('/bounces/retry', async (ctx) => {
    const form = ctx.state.form as Form;
    const back = formString(form, 'back');
    const target = /^\/bounces(\?[\x21-\x7e]*)?$/.test(back) ? back : '/bounces';
    const ids = [
      ...new Set(
        formList(form, 'ids')
          .filter((s) => /^\d{1,15}$/.test(s))
          .map(Number),
      ),
    ];
    if (ids.length === 0) {
      setFlash(ctx, 'info', 'No bounces were selected.');
      return ctx.redirect(target);
    }
    if (ids.length > MAX_RETRY_IDS) {
      setFlash(ctx, 'danger', `Select at most ${MAX_RETRY_IDS} bounces at once.`);
      return ctx.redirect(target);
    }
    const existing = await queries.existingIds(ids);
    let queued = 0;
    const problems: string[] = [];
    for (const id of existing) {
      const r = await retryOne(deps, id);
      if (r.ok) queued += 1;
      else problems.push(`#${id}: ${r.text}`);
    }
    const missing = ids.length - existing.length;
    const text = [
      `${queued} of ${ids.length} selected bounce(s) queued for a new notice.`,
      ...(missing ? [`${missing} not found.`] : []),
      ...problems.slice(0, 5),
    ].join(' ');
    setFlash(ctx, problems.length || missing ? 'danger' : 'success', text);
    ctx.redirect(target);
  });
}

/** The bounce a URL's :id names; undefined when the id is not a number or no row has it. */
async function bounceNamed(deps: WebDeps, param: string | undefined) {
  const id = intParam(param, 0, 0, Number.MAX_SAFE_INTEGER);
  return id ? await deps.store.bounces.get(id) : undefined;
}

async function retryOne(deps: WebDeps, id: number): Promise<{ ok: boolean; text: string }> {
  try {
    const r = await deps.retry(id);
    return { ok: r.queued, text: r.message || (r.queued ? 'Queued for a new notice.' : 'Not queued.') };
  } catch (err) {
    deps.log.error({ err, bounceId: id }, 'retry failed');
    return { ok: false, text: 'The retry failed; see the log for details.' };
  }
}

export function notFound(ctx: Koa.Context, deps: WebDeps): void {
  ctx.status = 404;
  ctx.type = 'html';
  ctx.body = deps.views.render('error.njk', {
    title: 'Not found',
    message: 'There is nothing here.',
    csrf: csrfToken(ctx),
    path: ctx.path,
  });
}
