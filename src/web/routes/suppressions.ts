// The dashboard's Suppressions page: search and filter the list, add an entry by hand,
// remove one with a note (kept in the audit trail with who and when), import a pasted CSV
// (all or nothing) and export the filtered entries. Everything shown goes through the
// autoescaped template; the export guards its cells against formulas.

import { Readable } from 'node:stream';
import type Koa from 'koa';
import type { Router } from '@koa/router';
import { formString, type Form } from '../body.ts';
import { csrfToken, session, setFlash, takeFlash } from '../session.ts';
import type { WebDeps } from '../deps.ts';
import { CsvError, exportCsv, importCsv } from '../../suppress/csv.ts';
import { SUPPRESSION_SOURCES, SuppressionInputError, type SuppressionFilters, type SuppressionSource } from '../../suppress/repository.ts';

const PAGE_SIZE = 50;
/** The form reader takes 64 KiB; a pasted CSV gets a little less than that. */
const MAX_PASTED_LINES = 1000;

function filtersOf(query: Koa.Context['query'], now: Date): SuppressionFilters & { after?: number } {
  const str = (v: unknown, max: number) => (typeof v === 'string' ? v.trim().slice(0, max) : '');
  const source = str(query.source, 20);
  const after = str(query.after, 15);
  return {
    q: str(query.q, 254),
    reason: /^[a-z0-9_-]{1,32}$/.test(str(query.reason, 32)) ? str(query.reason, 32) : '',
    source: SUPPRESSION_SOURCES.includes(source as SuppressionSource) ? (source as SuppressionSource) : '',
    now,
    ...(/^\d{1,15}$/.test(after) ? { after: Number(after) } : {}),
  };
}

function queryOf(f: SuppressionFilters): string {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  if (f.reason) p.set('reason', f.reason);
  if (f.source) p.set('source', f.source);
  return p.toString();
}

/** Who the audit trail names for a change made on the dashboard. */
function actor(ctx: Koa.Context): string {
  return `dashboard:${session(ctx).user ?? 'admin'}`;
}

export function suppressionRoutes(router: Router, deps: WebDeps): void {
  const { store } = deps;

  router.get('/suppressions', async (ctx) => {
    const filters = filtersOf(ctx.query, deps.now());
    const page = await store.suppressions.list(filters, { after: filters.after, limit: PAGE_SIZE });
    const query = queryOf(filters);
    const inForce = await store.suppressions.countInForce(deps.now());
    const events = await store.suppressions.events(typeof ctx.query.history === 'string' ? ctx.query.history : undefined, 50);
    ctx.type = 'html';
    ctx.set('Cache-Control', 'no-store');
    ctx.body = deps.views.render('suppressions.njk', {
      title: 'Suppressions',
      filters,
      query,
      entries: page.entries,
      next: page.next,
      sources: SUPPRESSION_SOURCES,
      inForce,
      events,
      history: typeof ctx.query.history === 'string' ? ctx.query.history.slice(0, 254) : '',
      csrf: csrfToken(ctx),
      flash: takeFlash(ctx),
      path: ctx.path,
    });
  });

  router.get('/suppressions/export.csv', (ctx) => {
    const filters = filtersOf(ctx.query, deps.now());
    ctx.type = 'text/csv; charset=utf-8';
    ctx.attachment(`suppressions-${deps.now().toISOString().slice(0, 10)}.csv`);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = Readable.from(exportCsv(store, filters));
  });

  router.post('/suppressions/add', async (ctx) => {
    const form = ctx.state.form as Form;
    const expiry = formString(form, 'expires');
    try {
      if (expiry && !/^\d{4}-\d\d-\d\d$/.test(expiry)) throw new SuppressionInputError(`the expiry "${expiry.slice(0, 20)}" is not a date`);
      const expiresAt = expiry ? new Date(`${expiry}T00:00:00Z`) : null;
      if (expiresAt && expiresAt <= deps.now()) throw new SuppressionInputError('the expiry has passed');
      const reason = formString(form, 'reason').trim().toLowerCase() || 'manual';
      if (!/^[a-z0-9_-]{1,32}$/.test(reason)) throw new SuppressionInputError('the reason is letters, digits, - and _');
      const r = await store.suppressions.add(
        { address: formString(form, 'address'), reason, source: 'manual', note: formString(form, 'note'), by: actor(ctx), expiresAt },
        deps.now(),
      );
      setFlash(ctx, 'success', r.created ? `${r.entry.address} is suppressed.` : `${r.entry.address} was already suppressed.`);
    } catch (err) {
      if (!(err instanceof SuppressionInputError)) throw err;
      setFlash(ctx, 'danger', `Not added: ${err.message}.`);
    }
    ctx.redirect('/suppressions');
  });

  router.post('/suppressions/remove', async (ctx) => {
    const form = ctx.state.form as Form;
    const address = formString(form, 'address');
    const note = formString(form, 'note').trim();
    const back = formString(form, 'back');
    const target = /^\/suppressions(\?[\x21-\x7e]*)?$/.test(back) ? back : '/suppressions';
    try {
      if (!note) throw new SuppressionInputError('say why in the note (it is kept in the audit trail)');
      const removed = await store.suppressions.remove(address, { by: actor(ctx), note }, deps.now());
      setFlash(
        ctx,
        removed ? 'success' : 'info',
        removed ? `${removed.address} is no longer suppressed.` : 'That address was not on the list.',
      );
    } catch (err) {
      if (!(err instanceof SuppressionInputError)) throw err;
      setFlash(ctx, 'danger', `Not removed: ${err.message}.`);
    }
    ctx.redirect(target);
  });

  router.post('/suppressions/import', async (ctx) => {
    const form = ctx.state.form as Form;
    try {
      const r = await importCsv(store, formString(form, 'csv'), { by: actor(ctx), now: deps.now(), maxLines: MAX_PASTED_LINES });
      setFlash(ctx, 'success', `Imported: ${r.added} added, ${r.refreshed} already listed.`);
    } catch (err) {
      if (!(err instanceof CsvError)) throw err;
      setFlash(ctx, 'danger', `Nothing was imported. ${err.errors.join(' · ')}`);
    }
    ctx.redirect('/suppressions');
  });
}
