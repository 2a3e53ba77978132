// `rebound imap-check [MAILBOX]`: signs in to each configured mailbox the way the poller
// would, lists the folders it will use, and says in plain words what is wrong, so an admin
// can set up Microsoft 365 or Gmail without reading logs. Nothing is moved or recorded.

import type { ImapFlow } from 'imapflow';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { closeImap, connectImap, ImapConnectError } from './imap-connect.ts';
import { createTokenSource, OAuthTokenError } from './imap-oauth.ts';

export interface CheckLine {
  result: 'ok' | 'fail' | 'note';
  text: string;
}

export interface MailboxCheck {
  mailbox: string;
  ok: boolean;
  lines: CheckLine[];
}

type Mailbox = Config['imap'];

export async function checkMailbox(m: Mailbox, log: Logger): Promise<MailboxCheck> {
  const lines: CheckLine[] = [];
  const say = (result: CheckLine['result'], text: string) => lines.push({ result, text });
  const done = (ok: boolean): MailboxCheck => ({ mailbox: m.name, ok, lines });
  const where = `${m.host}:${m.port}`;
  say(
    'note',
    `mailbox "${m.name}": ${m.user} on ${where} (TLS ${m.tls}, sign-in ${m.auth === 'oauth2' ? `OAuth2 via ${m.oauth?.provider}` : 'password'}${m.testMode ? ', test mode' : ''})`,
  );

  const tokens = m.auth === 'oauth2' && m.oauth ? createTokenSource(m.oauth, { log }) : undefined;
  if (tokens && m.oauth) {
    try {
      const token = await tokens.get();
      say(
        'ok',
        `got an access token from ${new URL(m.oauth.tokenUrl).host} (${m.oauth.grant === 'client_credentials' ? 'client credentials, app-only' : 'refresh token'})`,
      );
      for (const finding of inspectToken(token, m)) lines.push(finding);
      if (lines.some((l) => l.result === 'fail')) return done(false);
    } catch (err) {
      say('fail', err instanceof OAuthTokenError ? `no access token: ${err.detail}` : `no access token: ${(err as Error).message}`);
      return done(false);
    }
  }

  let client: ImapFlow | undefined;
  try {
    client = await connectImap(m, log, tokens);
    // imapflow records the SASL mechanism it used (OAUTHBEARER when offered, else XOAUTH2)
    // in an untyped field; LOGIN leaves it empty.
    const used = (client as unknown as { authCapabilities?: Map<string, boolean> }).authCapabilities;
    const mech = [...(used?.entries() ?? [])].find(([k, v]) => v && k.startsWith('AUTH='))?.[0].slice(5) ?? 'LOGIN';
    say('ok', `signed in as ${m.user} (${mech})`);
  } catch (err) {
    say('fail', diagnoseSignIn(err, m));
    return done(false);
  }
  try {
    const existing = new Map((await client.list()).map((f) => [f.path, f]));
    const f = m.folders;
    const inboxThere = f.inbox.toUpperCase() === 'INBOX' || existing.has(f.inbox);
    if (inboxThere) say('ok', `folder ${f.inbox} (read) exists`);
    else say('note', `folder ${f.inbox} (read) is missing; rebound creates it at start, but bounces must be delivered or filtered into it`);
    for (const [role, name] of [
      ['processed', f.processed],
      ['skipped', f.skipped],
      ['problem', f.problem],
    ] as const) {
      if (existing.has(name)) say('ok', `folder ${name} (${role}) exists`);
      else say('note', `folder ${name} (${role}) is missing; rebound creates it at start`);
    }
    if (!client.capabilities.has('MOVE')) say('note', 'the server has no MOVE (RFC 6851): messages are copied and then expunged');
    if (m.idle && !client.capabilities.has('IDLE'))
      say('note', `the server has no IDLE: new bounces are seen every ${Math.round(m.pollInterval / 1000)} s`);
    return done(true);
  } catch (err) {
    say('fail', `signed in, but listing the folders failed: ${(err as Error).message}`);
    return done(false);
  } finally {
    await closeImap(client);
  }
}

/** Plain words for a refused or failed sign-in, with the provider's usual causes. */
export function diagnoseSignIn(err: unknown, m: Mailbox): string {
  if (!(err instanceof ImapConnectError)) return `sign-in failed: ${(err as Error)?.message ?? String(err)}`;
  if (err.cause instanceof OAuthTokenError) return `no access token: ${err.cause.detail}`;
  if (err.kind === 'network')
    return `cannot reach ${m.host}:${m.port}: ${err.detail}; check IMAP_SERVER, IMAP_PORT and IMAP_TLS (993 implicit, 143 starttls)`;
  const said = `the server refused the sign-in (${err.detail})`;
  const host = m.host.toLowerCase();
  const microsoft = m.oauth?.provider === 'microsoft' || /outlook\.office365\.com$|office365|outlook\.com$/.test(host);
  const google = m.oauth?.provider === 'google' || /gmail\.com$|googlemail\.com$/.test(host);
  if (m.auth === 'password') {
    if (microsoft || google)
      return `${said}: ${microsoft ? 'Microsoft 365' : 'Google'} has turned password sign-in off; use IMAP_AUTH=oauth2 (README "IMAP with OAuth2")`;
    return `${said}: check IMAP_USER and IMAP_PASS`;
  }
  if (microsoft) {
    if (/not connected/i.test(err.detail)) {
      return `${said}: the token is valid but gives no access to ${m.user}; for app-only access grant the app's service principal FullAccess to this mailbox (Add-MailboxPermission), and check that IMAP_USER is the mailbox's address`;
    }
    return `${said}: Exchange Online refused the token; the usual causes: the app's service principal is not registered in Exchange Online (New-ServicePrincipal) or has no FullAccess to ${m.user} (Add-MailboxPermission); the app lacks the IMAP permission (IMAP.AccessAsApp app-only, IMAP.AccessAsUser.All delegated) or admin consent; IMAP is off for the mailbox (Set-CASMailbox -ImapEnabled $true) or the mailbox is not licensed for Exchange Online`;
  }
  if (google)
    return `${said}: Gmail refused the token; it needs the scope https://mail.google.com/, IMAP must be allowed for the user in the Google Admin console, and IMAP_USER must be the address that consented`;
  return `${said}: the server did not accept the token; check that the token's user is IMAP_USER and that the server accepts tokens from this issuer`;
}

/**
 * Microsoft access tokens are JWTs whose claims name the tenant, the audience and the
 * permissions: reading them (not verifying: the server does that) tells a missing
 * permission or a wrong tenant before Exchange's bare "AUTHENTICATE failed". Google's
 * tokens are opaque; nothing is read then.
 */
export function inspectToken(token: string, m: Mailbox): CheckLine[] {
  const claims = jwtClaims(token);
  if (!claims || m.oauth?.provider !== 'microsoft') return [];
  const out: CheckLine[] = [];
  const aud = String(claims.aud ?? '');
  // Exchange Online answers to both resource URLs and to its well-known application id.
  if (aud && !/^https:\/\/outlook\.office(365)?\.com\/?$|^00000002-0000-0ff1-ce00-000000000000$/i.test(aud)) {
    out.push({
      result: 'fail',
      text: `the token is for ${aud}, not Exchange Online: set the scope to https://outlook.office365.com/.default (app-only) or https://outlook.office.com/IMAP.AccessAsUser.All offline_access (delegated)`,
    });
  }
  const roles = Array.isArray(claims.roles) ? claims.roles.map(String) : [];
  const scp = typeof claims.scp === 'string' ? claims.scp.split(' ') : [];
  if (m.oauth.grant === 'client_credentials' && !roles.includes('IMAP.AccessAsApp')) {
    out.push({
      result: 'fail',
      text: `the token carries no IMAP.AccessAsApp permission (roles: ${roles.join(', ') || 'none'}): add the Office 365 Exchange Online application permission IMAP.AccessAsApp to the app registration and grant admin consent`,
    });
  }
  if (m.oauth.grant === 'refresh_token' && !scp.includes('IMAP.AccessAsUser.All')) {
    out.push({
      result: 'fail',
      text: `the token carries no IMAP.AccessAsUser.All permission (scopes: ${scp.join(' ') || 'none'}): add the delegated permission and sign in again`,
    });
  }
  if (out.length === 0)
    out.push({
      result: 'ok',
      text: `the token is for Exchange Online with ${m.oauth.grant === 'client_credentials' ? 'IMAP.AccessAsApp' : 'IMAP.AccessAsUser.All'}`,
    });
  return out;
}

function jwtClaims(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || token.length > 16_384) return undefined;
  try {
    const v = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The check as text, one line per finding. */
export function formatCheck(c: MailboxCheck): string {
  const mark = { ok: '  ok   ', fail: '  FAIL ', note: '  note ' };
  return `${c.lines.map((l) => `${mark[l.result]}${l.text}`).join('\n')}\n  => ${c.ok ? 'ready' : 'not ready'}\n`;
}
