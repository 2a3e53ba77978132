// What each npm package costs the service in resident memory: imported one after the other
// in a fresh process (the order the service loads them), the RSS after each, garbage
// collected in between. The first import also pays for Node's module loader (~7 MB of
// Node's own binary paged in), whichever package it is. Run by idle.ts; by hand:
//
//   node --expose-gc tests/bench/module-cost.ts [--json] [PACKAGE ...]
//
// Figures are differences of RSS, so ±0.5 MB is noise.

import { figure, MB, report, round, rssOf } from './lib.ts';

/** At start: what the idle service imports. Then what it loads only when a part is used. */
export const SERVICE_PACKAGES = ['pino', 'better-sqlite3', 'prom-client', 'smtp-server', 'croner', 'koa', '@koa/router'];
export const ON_USE_PACKAGES = ['koa-session', 'nunjucks', 'zod', 'nodemailer', 'mailparser', 'imapflow', 'openid-client', 'yazl'];

const gc = (globalThis as { gc?: () => void }).gc;
const settle = async () => {
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((r) => setTimeout(r, 30));
  }
};

export async function moduleCosts(packages: string[]): Promise<{ name: string; mb: number; ms: number }[]> {
  if (!gc) throw new Error('run with --expose-gc');
  await settle();
  let before = rssOf(process.pid);
  const out = [{ name: '(node, before any import)', mb: round(before / MB, 1), ms: 0 }];
  for (const name of packages) {
    const t = performance.now();
    await import(name);
    const ms = performance.now() - t;
    await settle();
    const now = rssOf(process.pid);
    out.push({ name, mb: round((now - before) / MB, 1), ms: round(ms) });
    before = now;
  }
  return out;
}

if (import.meta.main) {
  const named = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const costs = await moduleCosts(named.length ? named : [...SERVICE_PACKAGES, ...ON_USE_PACKAGES]);
  const onUse = new Set(ON_USE_PACKAGES);
  report(
    'module-cost',
    costs.map((c) =>
      figure(
        `RSS added by ${c.name}`,
        c.mb,
        'MB',
        undefined,
        c.ms ? `${c.ms} ms to import${onUse.has(c.name) ? '; loaded on use' : ''}` : '',
      ),
    ),
  );
}
