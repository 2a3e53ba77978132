// A small bounded reader for form posts (application/x-www-form-urlencoded): the dashboard
// has no other kind of POST, and a bounded reader needs no dependency.

import type Koa from 'koa';

/** Forms here are a password, a token and a few hundred ids at most. */
const MAX_FORM_BYTES = 64 * 1024;

export class BodyError extends Error {
  status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export type Form = Record<string, string | string[]>;

export async function readForm(ctx: Koa.Context): Promise<Form> {
  const type = ctx.request.type;
  if (type !== 'application/x-www-form-urlencoded' && type !== '') {
    throw new BodyError(415, 'unsupported content type');
  }
  const declared = Number(ctx.get('content-length') || 0);
  if (declared > MAX_FORM_BYTES) throw new BodyError(413, 'form too large');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) throw new BodyError(413, 'form too large');
    chunks.push(chunk as Buffer);
  }
  const out: Form = {};
  for (const [k, v] of new URLSearchParams(Buffer.concat(chunks).toString('utf8'))) {
    const cur = out[k];
    if (cur === undefined) out[k] = v;
    else if (Array.isArray(cur)) cur.push(v);
    else out[k] = [cur, v];
  }
  return out;
}

export function formString(f: Form, key: string): string {
  const v = f[key];
  return (Array.isArray(v) ? v[0] : v) ?? '';
}

export function formList(f: Form, key: string): string[] {
  const v = f[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}
