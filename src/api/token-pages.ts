// The dashboard's API token pages: make a token (shown once, on the answer to the form),
// list them with their last use, revoke one. Behind sign-in and the CSRF check like every
// dashboard form.

import type Koa from 'koa';
import type { Router } from '@koa/router';
import { formString, type Form } from '../web/body.ts';
import type { WebDeps } from '../web/deps.ts';
import { csrfToken, setFlash, takeFlash } from '../web/session.ts';
import type { TokenScope } from './tokens.ts';

export function tokenPages(router: Router, deps: WebDeps): void {
  const tokens = deps.store.tokens;
  const render = async (ctx: Koa.Context, vars: Record<string, unknown>) => {
    const list = await tokens.list();
    ctx.type = 'html';
    ctx.set('Cache-Control', 'no-store');
    ctx.body = deps.views.render('tokens.njk', {
      title: 'API tokens',
      tokens: list,
      publicUrl: deps.config.publicUrl,
      ...vars,
      csrf: csrfToken(ctx),
      flash: takeFlash(ctx),
      path: ctx.path,
    });
  };

  router.get('/tokens', (ctx) => render(ctx, {}));

  router.post('/tokens', async (ctx) => {
    const form = ctx.state.form as Form;
    const name = formString(form, 'name').trim();
    const scope = formString(form, 'scope') === 'write' ? 'write' : ('read' as TokenScope);
    if (!name) {
      ctx.status = 400;
      return render(ctx, { error: 'Give the token a name (what will use it).' });
    }
    const made = await tokens.create(name, scope, deps.now());
    deps.log.info({ tokenId: made.id, scope }, 'API token created on the dashboard');
    // Shown in this answer only; never stored in clear, never put in the session.
    await render(ctx, { created: { id: made.id, name, scope, token: made.token } });
  });

  router.post('/tokens/:id/revoke', async (ctx) => {
    const id = Number(ctx.params.id);
    const ok = Number.isSafeInteger(id) && (await tokens.revoke(id, deps.now()));
    if (ok) deps.log.info({ tokenId: id }, 'API token revoked on the dashboard');
    setFlash(ctx, ok ? 'success' : 'danger', ok ? `Token ${id} revoked: it no longer works.` : 'No such live token.');
    ctx.redirect('/tokens');
  });
}
