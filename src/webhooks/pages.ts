// The dashboard's webhook pages: endpoints (URL, events, enabled) with their secret, the
// recent deliveries and every attempt (status, time, response excerpt), "send a test
// event" and "send again". Behind sign-in and the CSRF check like every dashboard form.

import type Koa from 'koa';
import type { Router } from '@koa/router';
import { formList, formString, type Form } from '../web/body.ts';
import type { WebDeps } from '../web/deps.ts';
import { csrfToken, setFlash, takeFlash } from '../web/session.ts';
import type { WebhookDeliverer } from './deliverer.ts';
import { EVENT_TYPES, eventList } from './store.ts';
import { refuseUrl } from './target.ts';

/** Deliveries shown per endpoint, newest first. */
const RECENT_DELIVERIES = 50;

function idParam(v: string | undefined): number {
  return v && /^\d{1,15}$/.test(v) ? Number(v) : 0;
}

export function webhookPages(deliverer: WebhookDeliverer, o: { allowPrivate: boolean }) {
  return (router: Router, deps: WebDeps): void => {
    const repo = deps.store.webhooks;
    const render = (ctx: Koa.Context, template: string, vars: Record<string, unknown>) => {
      ctx.type = 'html';
      ctx.set('Cache-Control', 'no-store');
      ctx.body = deps.views.render(template, {
        ...vars,
        eventTypes: EVENT_TYPES,
        csrf: csrfToken(ctx),
        flash: takeFlash(ctx),
        path: ctx.path,
      });
    };
    const listPage = async (ctx: Koa.Context, vars: Record<string, unknown> = {}) => {
      const endpoints = [];
      for (const e of await repo.endpoints())
        endpoints.push({ ...e, eventList: eventList(e.events), pending: await repo.pendingCount(e.id) });
      render(ctx, 'webhooks.njk', { title: 'Webhooks', endpoints, allowPrivate: o.allowPrivate, ...vars });
    };
    /** The endpoint form's values, or the reason they are refused. */
    const readEndpoint = (form: Form): { url: string; events: string[]; enabled: boolean } | { error: string } => {
      const url = formString(form, 'url').trim();
      const refused = refuseUrl(url, o.allowPrivate);
      if (refused) return { error: `The URL is refused: ${refused}.` };
      const events = formList(form, 'events').filter((e) => (EVENT_TYPES as readonly string[]).includes(e));
      if (events.length === 0) return { error: 'Choose at least one event.' };
      return { url, events, enabled: formString(form, 'enabled') === 'on' };
    };

    router.get('/webhooks', (ctx) => listPage(ctx));

    router.post('/webhooks', async (ctx) => {
      const e = readEndpoint(ctx.state.form as Form);
      if ('error' in e) {
        ctx.status = 400;
        return listPage(ctx, { error: e.error });
      }
      const ep = await repo.createEndpoint(e, deps.now());
      deps.log.info({ endpointId: ep.id, url: ep.url, events: e.events }, 'webhook endpoint added');
      setFlash(ctx, 'success', 'Endpoint added. Give its secret to the receiver, then send a test event.');
      ctx.redirect(`/webhooks/${ep.id}`);
    });

    router.get('/webhooks/:id', async (ctx) => {
      const ep = await repo.endpoint(idParam(ctx.params.id));
      if (!ep) return ctx.redirect('/webhooks');
      render(ctx, 'webhook.njk', {
        title: `Webhook ${ep.id}`,
        endpoint: { ...ep, eventList: eventList(ep.events) },
        deliveries: await repo.recentDeliveries(ep.id, RECENT_DELIVERIES),
        pending: await repo.pendingCount(ep.id),
      });
    });

    router.post('/webhooks/:id', async (ctx) => {
      const id = idParam(ctx.params.id);
      const e = readEndpoint(ctx.state.form as Form);
      if ('error' in e) setFlash(ctx, 'danger', e.error);
      else if (await repo.updateEndpoint(id, e)) {
        deps.log.info({ endpointId: id, url: e.url, events: e.events, enabled: e.enabled }, 'webhook endpoint changed');
        setFlash(ctx, 'success', 'Endpoint saved.');
        deliverer.kick();
      }
      ctx.redirect(`/webhooks/${id}`);
    });

    router.post('/webhooks/:id/rotate', async (ctx) => {
      const id = idParam(ctx.params.id);
      if (await repo.rotateSecret(id)) {
        deps.log.info({ endpointId: id }, 'webhook secret rotated');
        setFlash(ctx, 'success', 'New secret made: events are signed with it from now on. Give it to the receiver.');
      }
      ctx.redirect(`/webhooks/${id}`);
    });

    router.post('/webhooks/:id/delete', async (ctx) => {
      const id = idParam(ctx.params.id);
      if (await repo.deleteEndpoint(id)) {
        deps.log.info({ endpointId: id }, 'webhook endpoint deleted');
        setFlash(ctx, 'success', `Endpoint ${id} deleted with its queue.`);
      }
      ctx.redirect('/webhooks');
    });

    router.post('/webhooks/:id/test', async (ctx) => {
      const id = idParam(ctx.params.id);
      const d = await deliverer.sendTest(id);
      if (d !== undefined) setFlash(ctx, 'info', 'Test event queued; its attempts appear below.');
      ctx.redirect(`/webhooks/${id}`);
    });

    router.post('/webhooks/:id/deliveries/:delivery/resend', async (ctx) => {
      const id = idParam(ctx.params.id);
      const d = await repo.delivery(idParam(ctx.params.delivery));
      if (d && d.endpoint_id === id && (await deliverer.sendAgain(d.id)) !== undefined)
        setFlash(ctx, 'info', `Event ${d.event_id} queued again.`);
      ctx.redirect(`/webhooks/${id}`);
    });
  };
}
