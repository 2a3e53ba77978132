// The bounce's fields in the words an admin uses, for the detail page: the column names
// (email_to, status_code, decided_by) stay in the data and the exports, never in the labels.

import { reasonInWords } from '../notify/reason-words.ts';
import type { PartName } from '../status.ts';
import type { BounceRow, BounceStatus } from '../store/bounces.ts';
import type { OutboxState } from '../store/outbox.ts';

/** Labels in the order shown; a column missing here is shown under its own name, last. */
export const FIELD_LABELS: Readonly<Partial<Record<keyof BounceRow, string>>> = {
  id: 'Bounce number',
  bounced_at: 'Bounced at',
  date: 'Received by rebound',
  email_to: 'Address that bounced',
  domain: 'Domain',
  kind: 'Kind of message',
  bounce_type: 'Hard or soft',
  reason: 'Reason',
  status_code: 'Status code (RFC 3463)',
  reply_code: 'SMTP reply code',
  action: 'Delivery action',
  diagnostic: 'What the receiving server said',
  remote_mta: 'Receiving server',
  status: 'Notice state',
  retries: 'Notice retries',
  last_error: 'Last notice error',
  original_subject: 'Subject of the original message',
  original_from: 'Sender of the original message',
  original_to: 'Recipients of the original message',
  email_cc: 'Cc of the original message',
  original_date: 'Original message sent',
  original_message_id: 'Message-ID of the original',
  tracking_id: 'Tracking ID',
  decided_by: 'Decided by',
  message_id: 'Stored message number',
};

/** Columns that hold an ISO 8601 UTC time, shown in the reader's time zone. */
const TIME_FIELDS = new Set<string>(['date', 'bounced_at']);
/** Columns not shown: internal keys. */
const HIDDEN = new Set<string>(['dedupe_key']);

export interface LabelledField {
  /** The column name (kept as data-field for scripts and tests). */
  key: string;
  label: string;
  value: string | number;
  /** An ISO time to show in the browser's zone (UTC on hover). */
  time?: string;
  /** The reason in plain words, beside its code. */
  words?: string;
}

export function labelledFields(bounce: BounceRow): LabelledField[] {
  const entries = Object.entries(bounce) as [keyof BounceRow, string | number][];
  const known = (Object.keys(FIELD_LABELS) as (keyof BounceRow)[]).filter((k) => k in bounce);
  const rest = entries.map(([k]) => k).filter((k) => !(k in FIELD_LABELS));
  return [...known, ...rest]
    .filter((k) => !HIDDEN.has(k))
    .map((k) => {
      const value = bounce[k];
      const field: LabelledField = { key: k, label: FIELD_LABELS[k] ?? k, value };
      if (TIME_FIELDS.has(k) && typeof value === 'string' && value) field.time = value;
      if (k === 'reason' && typeof value === 'string') field.words = reasonInWords(value);
      if (k === 'status' && typeof value === 'string') field.words = STATE_WORDS[value as BounceStatus];
      return field;
    });
}

/** The processing states of a bounce (bounces.status) in words. */
export const STATE_WORDS: Readonly<Record<BounceStatus, string>> = {
  Processed: 'done (notice sent, or none needed)',
  Skipped: 'recorded, no notice (not a bounce)',
  retry_queued: 'notice waiting for a retry',
  Problem: 'notice failed for good',
};

/** The parts on the status board, as an admin knows them ("imap:NAME": one per further mailbox). */
export const PART_WORDS: Readonly<Partial<Record<PartName, string>>> = {
  lmtp: 'LMTP listener (mail from Postfix)',
  imap: 'IMAP mailbox poller',
  relay: 'Relay for notices (SMTP)',
  socketmap: 'Suppression lookups for Postfix (socketmap)',
  policy: 'Suppression policy service for Postfix',
};

/** A status-board part in words; each further IMAP mailbox is named. */
export function partWords(name: PartName): string {
  if (name.startsWith('imap:')) return `IMAP mailbox poller (${name.slice(5)})`;
  return PART_WORDS[name] ?? name;
}

/** The notice queue's states (outbox.state) in words. */
export const OUTBOX_WORDS: Readonly<Record<OutboxState, string>> = {
  pending: 'waiting to be sent',
  sent: 'sent',
  failed: 'failed, will be retried',
  problem: 'failed for good',
};
