// Static files: the vendor libraries straight from their npm packages (a fixed whitelist,
// so no request path ever reaches the file system) and rebound's own JS and CSS from
// templates/web/static. Nothing comes from a CDN: the dashboard works offline.

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type Koa from 'koa';

const require = createRequire(import.meta.url);
const STATIC_DIR = fileURLToPath(new URL('../../templates/web/static/', import.meta.url));

/** URL under /assets/vendor/ -> [npm package, file inside it]. */
const VENDOR: Record<string, [string, string]> = {
  'bootstrap.min.css': ['bootstrap', 'dist/css/bootstrap.min.css'],
  'bootstrap.bundle.min.js': ['bootstrap', 'dist/js/bootstrap.bundle.min.js'],
  'dataTables.min.js': ['datatables.net', 'js/dataTables.min.js'],
  'dataTables.bootstrap5.min.js': ['datatables.net-bs5', 'js/dataTables.bootstrap5.min.js'],
  'dataTables.bootstrap5.min.css': ['datatables.net-bs5', 'css/dataTables.bootstrap5.min.css'],
  'chart.umd.min.js': ['chart.js', 'dist/chart.umd.min.js'],
};

/** Our own files under /assets/app/. */
const OWN = ['app.css', 'overview.js', 'list.js', 'times.js'];

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

/** The package's folder, found the way Node looks for it (some packages do not export package.json). */
function packageDir(name: string): string {
  for (const dir of require.resolve.paths(name) ?? []) {
    if (existsSync(path.join(dir, name, 'package.json'))) return path.join(dir, name);
  }
  throw new Error(`the npm package ${name} is not installed (run npm ci)`);
}

interface Asset {
  file: string;
  type: string;
  /** Read at the first request for it, then kept: a service nobody browses holds none (~0.7 MB). */
  body?: Buffer;
}

/** Finds every whitelisted file once; a missing package or file fails the start, not a page view. */
export function loadAssets(): Map<string, Asset> {
  const out = new Map<string, Asset>();
  const add = (url: string, file: string) => {
    if (!existsSync(file)) throw new Error(`the dashboard's asset ${file} is missing (run npm ci)`);
    out.set(url, { file, type: TYPES[path.extname(file)]! });
  };
  for (const [name, [pkg, file]] of Object.entries(VENDOR)) add(`/assets/vendor/${name}`, path.join(packageDir(pkg), file));
  for (const name of OWN) add(`/assets/app/${name}`, path.join(STATIC_DIR, name));
  return out;
}

export function assetsMiddleware(assets: Map<string, Asset>): Koa.Middleware {
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/assets/')) return next();
    const a = assets.get(ctx.path);
    if (!a || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) {
      ctx.status = 404;
      ctx.body = 'Not found';
      return;
    }
    a.body ??= await readFile(a.file);
    ctx.type = a.type;
    ctx.set('Cache-Control', 'public, max-age=3600');
    ctx.body = a.body;
  };
}
