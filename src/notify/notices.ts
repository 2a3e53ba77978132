// The notice planner: which bounces get a notice and who receives it. ingest() calls it inside
// the bounce's transaction and writes the outbox rows it returns, so a recorded bounce and its
// queued notice are committed together or not at all.
//
// Everything a bounce says is a stranger's claim: anyone on the Internet can mail the bounce
// address, with any "original" From, Cc list and as many failed recipients as fit. So the
// planner writes only to the organisation's own people (NOTIFY_CC, and Cc addresses in
// LOCAL_DOMAINS), only about mail the organisation sent, and never more than the caps
// (NOTIFY_MAX_*) allow; what it holds back is noted on the bounce and said in one log line.
// Its work is linear in recipients + Cc: the Cc list is read once per message, not once per
// failed recipient, and the store is asked about at most a bounded number of addresses.

import type { Config } from '../config.ts';
import { decodeVerp } from '../core/original.ts';
import { bounceDate } from '../core/message-date.ts';
import type { Classification, MessageKind } from '../core/types.ts';
import type { NoticePlanner } from '../ingest.ts';
import type { Repositories } from '../store/store.ts';
import { addressesIn, bareAddress, isSystemAddress } from './recipients.ts';
import { isPlausibleAddress } from '../config.ts';

/** What one bounce is, as far as the rules care. */
export interface NoticeSubject {
  bounceId: number;
  kind: MessageKind | string;
  /** hard, soft or none. */
  bounceType: string;
  /** The address that failed. */
  failedAddress: string;
}

/** What the whole message claims, as far as the rules care. Read once per message. */
export interface MessageFacts {
  /** The original message's From (a claim: whoever wrote the bounce wrote it). */
  originalFrom: string;
  /** Cc of the original message (a claim as well). */
  originalCc: readonly string[];
  /** RCPT TO of the bounce's delivery (the bounce address, maybe VERP-encoded); [] for IMAP. */
  envelopeTo: readonly string[];
  /** Every address that failed (hard or soft) in the report: none of them hears about it. */
  failedInReport: readonly string[];
  /** True when the bounce is about a notice rebound sent (loop marker in the returned headers). */
  aboutReboundNotice: boolean;
}

/** A planned notice. */
export interface PlannedNotice {
  bounceId: number;
  recipients: string[];
}

export interface NoticePlan {
  notices: PlannedNotice[];
  /** Per bounce: why it got no notice, or a smaller one than asked. Only bounces with a note. */
  notes: Map<number, string>;
  /** One line saying what was held back and why; undefined when nothing was. */
  heldBack?: string;
}

/**
 * The NOTIFY_ON category of a bounce: hard or soft for a failed delivery, else the message's
 * kind (delay, autoreply, complaint). '' for anything never notified.
 */
export function noticeCategory(kind: string, bounceType: string): string {
  if (kind === 'bounce') return bounceType === 'hard' || bounceType === 'soft' ? bounceType : '';
  if (kind === 'delay' || kind === 'autoreply' || kind === 'complaint') return kind;
  return '';
}

/** Why a bounce gets no notice by its kind alone (NOTIFY_ON, loop safety), or undefined. */
export function whyNoNotice(config: Config, s: NoticeSubject, aboutReboundNotice = false): string | undefined {
  if (aboutReboundNotice) return 'it is a bounce of a rebound notice (loop safety)';
  const category = noticeCategory(s.kind, s.bounceType);
  if (!category) return `a ${s.kind} with type ${s.bounceType} is never notified`;
  if (!config.notify.on.includes(category)) return `${category} results are not notified (NOTIFY_ON=${config.notify.on.join(',')})`;
  return undefined;
}

/** True when the domain is one of LOCAL_DOMAINS or a subdomain of one. */
export function isLocalDomain(domain: string, localDomains: readonly string[]): boolean {
  const d = domain.toLowerCase().replace(/\.$/, '');
  return d !== '' && localDomains.some((l) => d === l || d.endsWith(`.${l}`));
}

/** True when the address's domain is in LOCAL_DOMAINS. */
export function isLocalAddress(address: string, localDomains: readonly string[]): boolean {
  const a = bareAddress(address);
  const at = a.lastIndexOf('@');
  return at > 0 && isLocalDomain(a.slice(at + 1), localDomains);
}

/** A stranger's text in a note or log line: one line, short. */
function quoted(value: string, max = 100): string {
  const flat = value.replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim();
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max - 1)}…` : flat);
}

/**
 * Why the bounced message was not one the organisation sent, or undefined when it was: its
 * From is in LOCAL_DOMAINS, or the bounce came to a VERP address (bounces+user=domain@host)
 * of a local domain. Both are claims a stranger can make too (a forged From; any sender can
 * write to a VERP form of the bounce address): this rule keeps out mail that does not even
 * claim to be ours, and what a forger gains past it is bounded elsewhere (notices only to
 * NOTIFY_CC and Cc addresses in LOCAL_DOMAINS, within the caps).
 */
export function whyNotOurs(config: Config, facts: MessageFacts): string | undefined {
  const local = config.notify.localDomains;
  if (facts.originalFrom && isLocalAddress(facts.originalFrom, local)) return undefined;
  for (const to of facts.envelopeTo) {
    if (decodeVerp(to) && isLocalAddress(to, local)) return undefined;
  }
  const from = facts.originalFrom ? `its From ${quoted(facts.originalFrom)}` : 'it names no From';
  return `not sent by us: ${from}, outside LOCAL_DOMAINS (${local.join(', ') || 'none'}), and no VERP address of ours`;
}

/** Who may hear about any bounce of one message, before the per-bounce and hourly rules. */
interface BaseRecipients {
  addresses: string[];
  /** Cc addresses left out because their domain is not in LOCAL_DOMAINS. */
  ccOutside: number;
  /** Local Cc addresses left out because NOTIFY_MAX_CC was reached. */
  ccOverCap: number;
}

/**
 * The recipients of every notice about one message: NOTIFY_CC_TEST alone in test mode; else
 * NOTIFY_CC plus at most NOTIFY_MAX_CC original Cc addresses in LOCAL_DOMAINS. Deduplicated
 * case-insensitively (first spelling kept), minus the failed addresses, rebound itself,
 * system addresses, non-addresses and known hard bouncers. One pass over the Cc list; the
 * store is asked only about addresses that would otherwise be kept.
 */
async function baseRecipients(
  config: Config,
  isKnownBouncing: (a: string) => Promise<boolean>,
  facts: MessageFacts,
): Promise<BaseRecipients> {
  const excluded = new Set([...facts.failedInReport, config.notify.from].map((a) => bareAddress(a).toLowerCase()));
  const seen = new Set<string>();
  const out: BaseRecipients = { addresses: [], ccOutside: 0, ccOverCap: 0 };
  const usable = (address: string): boolean => {
    const key = address.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return !excluded.has(key) && !isSystemAddress(address) && isPlausibleAddress(address);
  };
  const trusted = config.testMode ? config.notify.ccTest : config.notify.cc;
  for (const address of trusted.flatMap((v) => addressesIn(v))) {
    if (usable(address) && !(await isKnownBouncing(address))) out.addresses.push(address);
  }
  if (config.testMode) return out;
  const cap = config.notify.limits.ccPerNotice;
  let ccKept = 0;
  for (const entry of facts.originalCc) {
    for (const address of addressesIn(entry)) {
      if (!usable(address)) continue;
      if (!isLocalAddress(address, config.notify.localDomains)) out.ccOutside++;
      else if (ccKept >= cap) out.ccOverCap++;
      else if (!(await isKnownBouncing(address))) {
        out.addresses.push(address);
        ccKept++;
      }
    }
  }
  return out;
}

/** Counts notices per address in the last hour: one store question per address, then kept. */
function hourlyCounter(store: Pick<Repositories, 'noticeLog'>, now: Date) {
  const counts = new Map<string, number>();
  return {
    async get(address: string): Promise<number> {
      const key = address.toLowerCase();
      let n = counts.get(key);
      if (n === undefined) {
        n = await store.noticeLog.toAddressInLastHour(key, now);
        counts.set(key, n);
      }
      return n;
    },
    async add(address: string): Promise<void> {
      const key = address.toLowerCase();
      counts.set(key, (await this.get(key)) + 1);
    },
  };
}

/**
 * Plans the notices about the bounces of one message, in order, within every rule and cap.
 * Linear in bounces + Cc; the store is asked at most (NOTIFY_CC + Cc kept) times about known
 * bouncers, once for the hourly total and at most once per recipient for the per-address
 * count. Records the planned recipients in the notice log; writes nothing else.
 */
export async function planNotices(
  config: Config,
  store: Pick<Repositories, 'bounces' | 'noticeLog'>,
  facts: MessageFacts,
  bounces: readonly NoticeSubject[],
  now: Date,
): Promise<NoticePlan> {
  const plan: NoticePlan = { notices: [], notes: new Map() };
  const eligible = bounces.filter((b) => whyNoNotice(config, b, facts.aboutReboundNotice) === undefined);
  if (eligible.length === 0) return plan;
  const limits = config.notify.limits;
  const held: string[] = [];
  const holdAll = (list: readonly NoticeSubject[], why: string) => {
    for (const b of list) plan.notes.set(b.bounceId, `no notice: ${why}`);
    if (list.length > 0) held.push(`${list.length} without a notice: ${why}`);
  };

  const notOurs = whyNotOurs(config, facts);
  if (notOurs) {
    holdAll(eligible, notOurs);
    plan.heldBack = held.join('; ');
    return plan;
  }
  const base = await baseRecipients(config, (a) => store.bounces.isKnownHardBouncing(a), facts);
  const leftOut: string[] = [];
  if (base.ccOutside > 0) leftOut.push(`${base.ccOutside} Cc outside LOCAL_DOMAINS left out`);
  if (base.ccOverCap > 0) leftOut.push(`${base.ccOverCap} Cc over NOTIFY_MAX_CC=${limits.ccPerNotice} left out`);

  const withinMessageCap = eligible.slice(0, limits.perMessage);
  holdAll(eligible.slice(limits.perMessage), `over NOTIFY_MAX_PER_MESSAGE=${limits.perMessage} notices for one message`);

  let total = await store.noticeLog.noticesInLastHour(now);
  const perAddress = hourlyCounter(store, now);
  let overAddressCap = 0;
  const overHourCap: NoticeSubject[] = [];
  for (const b of withinMessageCap) {
    const own = b.failedAddress.toLowerCase();
    const wanted = base.addresses.filter((a) => a.toLowerCase() !== own);
    if (wanted.length === 0) continue; // Nobody to tell: no notice, as always.
    if (total >= limits.perHour) {
      overHourCap.push(b);
      continue;
    }
    const recipients: string[] = [];
    for (const a of wanted) if ((await perAddress.get(a)) < limits.perAddressHour) recipients.push(a);
    const dropped = wanted.length - recipients.length;
    overAddressCap += dropped;
    const notes = [...leftOut];
    if (dropped > 0) notes.push(`${dropped} over NOTIFY_MAX_PER_ADDRESS_HOUR=${limits.perAddressHour} left out`);
    if (recipients.length === 0) {
      plan.notes.set(b.bounceId, `no notice: every recipient had NOTIFY_MAX_PER_ADDRESS_HOUR=${limits.perAddressHour} notices this hour`);
      continue;
    }
    for (const a of recipients) await perAddress.add(a);
    await store.noticeLog.add(recipients, now);
    total++;
    plan.notices.push({ bounceId: b.bounceId, recipients });
    if (notes.length > 0) plan.notes.set(b.bounceId, `notice to ${recipients.length}; ${notes.join('; ')}`);
  }
  holdAll(overHourCap, `over NOTIFY_MAX_PER_HOUR=${limits.perHour} notices this hour`);
  if (overAddressCap > 0) held.push(`${overAddressCap} recipients over NOTIFY_MAX_PER_ADDRESS_HOUR=${limits.perAddressHour} left out`);
  held.push(...leftOut);
  if (held.length > 0) plan.heldBack = held.join('; ');
  return plan;
}

/** The addresses that failed (hard or soft) in one report: none of them hears about it. */
export function failedAddresses(recipients: readonly Pick<Classification['recipients'][number], 'address' | 'bounceType'>[]): string[] {
  return recipients.filter((r) => r.bounceType === 'hard' || r.bounceType === 'soft').map((r) => r.address);
}

/** The rule facts of one message from its classification and envelope. */
export function factsOf(c: Classification, envelopeTo: readonly string[]): MessageFacts {
  return {
    originalFrom: c.original.from,
    originalCc: c.original.cc,
    envelopeTo,
    failedInReport: failedAddresses(c.recipients),
    aboutReboundNotice: c.envelope.aboutReboundNotice,
  };
}

export interface NoticePlannerOptions {
  /**
   * Only bounces younger than this (ms, by their own Date header) get a notice: an imported
   * archive of old bounces must not mail colleagues about each of them.
   */
  maxAgeMs?: number;
}

/** The note on an imported bounce older than IMPORT_NOTIFY_MAX_AGE. */
export const IMPORT_TOO_OLD_NOTE = 'no notice: an imported bounce older than IMPORT_NOTIFY_MAX_AGE';

/**
 * The planner ingest() calls: plans within the rules and caps, notes on each bounce what was
 * held back, and says it in one log line per message.
 */
export function createNoticePlanner(config: Config, opts: NoticePlannerOptions = {}): NoticePlanner {
  const tooOld = (classification: Classification, now: Date) =>
    opts.maxAgeMs !== undefined && now.getTime() - bounceDate(classification.envelope.date, now).getTime() >= opts.maxAgeMs;
  // Too old a bounce is decided before its rows are written (noteBeforeInsert): ingest
  // writes them with the note and does not call the planner for them.
  const planner: NoticePlanner = async ({ classification, bounces, store, envelopeTo, now, messageId, log }) => {
    const subjects = bounces.map((b) => ({
      bounceId: b.id,
      kind: classification.kind,
      bounceType: b.recipient.bounceType,
      failedAddress: b.recipient.address,
    }));
    const plan = await planNotices(config, store, factsOf(classification, envelopeTo), subjects, now);
    // One statement per distinct note: most held-back bounces of a message share theirs.
    const byNote = new Map<string, number[]>();
    for (const [bounceId, note] of plan.notes) {
      const ids = byNote.get(note);
      if (ids) ids.push(bounceId);
      else byNote.set(note, [bounceId]);
    }
    for (const [note, ids] of byNote) await store.bounces.setNoticeNotes(ids, note);
    if (plan.heldBack) {
      log?.warn({ messageId, bounces: bounces.length, notices: plan.notices.length }, `notices held back: ${plan.heldBack}`);
    }
    return plan.notices;
  };
  planner.noteBeforeInsert = (classification, now) => (tooOld(classification, now) ? IMPORT_TOO_OLD_NOTE : undefined);
  return planner;
}
