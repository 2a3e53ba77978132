// Amazon SES event notifications that arrive as e-mail: SES publishes bounce, complaint and
// delivery events to an Amazon SNS topic, and an e-mail subscription of that topic delivers
// each event as a text/plain message whose body is the event's JSON, e.g.
//
//   {"notificationType":"Bounce","bounce":{"bounceType":"Permanent","bouncedRecipients":
//     [{"emailAddress":"a@example.org","action":"failed","status":"5.1.1",
//       "diagnosticCode":"smtp; 550 5.1.1 user unknown"}],"reportingMTA":"dsn; a1.amazonses.com"},
//    "mail":{"messageId":"...","source":"sender@example.com","destination":["a@example.org"]}}
//
// An "email-json" subscription delivers SNS's own envelope instead, the event as a JSON string
// in its Message field ({"Type":"Notification",...,"Message":"{\"notificationType\":...}"}):
// the envelope is opened and the event inside read the same way.
//
// Configuration-set event publishing writes "eventType" instead of "notificationType"; both are
// read, and so is its DeliveryDelay event ("deliveryDelay": delayType, delayedRecipients).
// Complaints list "complainedRecipients" and may carry "complaintFeedbackType" (an ARF
// feedback type, RFC 5965 section 3.2); deliveries list "recipients".
// (docs.aws.amazon.com/ses/latest/dg/notification-contents.html and
// docs.aws.amazon.com/ses/latest/dg/event-publishing-retrieving-sns-contents.html.)
//
// SES gives the reason of a bounce as bounceType/bounceSubType, and of a delay as delayType;
// bouncedRecipients carry action, status and diagnosticCode only "if a DSN was attached", so
// the subtype is often all there is. Each documented subtype that names a cause is kept as
// the recipient's `hint`: the reason used when the server's own words and codes name none
// (recipients.ts, sesHintReason). Suppression is SES's own decision, not the server's: its
// hint wins over the 5.1.1 SES writes beside it.
// The JSON is one long line, so MTAs on the way often fold it: Sendmail splits lines over its
// limit with "!" + newline + space, others with a bare newline; both are undone before parsing.

import type { Reason } from '../types.ts';

export interface SesRecipient {
  address: string;
  action: string;
  status: string;
  /** Diagnostic-Code as SES gives it, e.g. 'smtp; 550 5.1.1 user unknown'. */
  diagnostic: string;
  /** The reason SES's bounce subtype or delay type names, when it names one. */
  hint?: Reason;
  /** True when the hint is SES's own decision (a suppression list), not a guess at the server's. */
  hintDecides?: boolean;
  /** The SES field the hint comes from, for the decision trail. */
  hintSource?: string;
  /** SES's bounceType Transient: "you may be able to send to this recipient in the future". */
  transient?: boolean;
}

export interface SesNotification {
  type: 'bounce' | 'complaint' | 'delivery' | 'delay';
  recipients: SesRecipient[];
  /** Permanent, Transient, Undetermined (bounces only). */
  bounceType: string;
  /** bounceSubType of a bounce, delayType of a delay, complaintSubType of a complaint. */
  subType: string;
  /** ARF feedback type of a complaint ('abuse' when SES gives none). */
  feedbackType: string;
  reportingMta: string;
  /** SES's own id of the original message. */
  messageId: string;
}

/** Text beyond this is not searched for the event (a notification is a few kilobytes). */
const MAX_JSON_CHARS = 256 * 1024;
/** Recipients per event beyond this are ignored (hostile input bound). */
const MAX_RECIPIENTS = 500;

/** Event names read; the other event types (Send, Open, Click, Rendering Failure, Subscription) report no failure. */
const EVENT = String.raw`(?:Bounce|Complaint|Delivery|DeliveryDelay|Reject)`;
/** An event's type field, bare or inside SNS's Message string (its quotes escaped). */
const EVENT_FIELD = new RegExp(String.raw`\\?"(?:notificationType|eventType)\\?"\s{0,8}:\s{0,8}\\?"${EVENT}\\?"`);

/** True when the text carries an SES event notification. */
export function looksLikeSesNotification(text: string): boolean {
  return EVENT_FIELD.test(text.slice(0, MAX_JSON_CHARS));
}

/**
 * The reason each documented bounce subtype names (notification-contents.html, "Bounce
 * types"). General and Undetermined name none: the server's words decide, else the codes.
 * ContentRejected and AttachmentRejected: "you may be able to successfully send to this
 * recipient if you change the content of the message" / "the message contained an
 * unacceptable attachment": the content, not the address.
 */
const BOUNCE_SUBTYPE_REASONS: Readonly<Record<string, Reason>> = {
  noemail: 'userunknown',
  suppressed: 'suppressed',
  onaccountsuppressionlist: 'suppressed',
  // A tenant's own list (SES Developer Guide, "Using tenant-level suppression lists in Amazon
  // SES": "The bounce type is Permanent with a subtype of OnTenantSuppressionList").
  ontenantsuppressionlist: 'suppressed',
  mailboxfull: 'mailboxfull',
  messagetoolarge: 'mesgtoobig',
  contentrejected: 'contenterror',
  attachmentrejected: 'contenterror',
};

/**
 * The reason each documented delay type names (event-publishing-retrieving-sns-contents.html,
 * "DeliveryDelay object"). General, Undetermined and SendingDeferral ("SES has deemed it
 * appropriate to internally defer the message") name none: a delay without a cause.
 */
const DELAY_TYPE_REASONS: Readonly<Record<string, Reason>> = {
  // "An internal Amazon SES issue caused the message to be delayed."
  internalfailure: 'systemerror',
  // "The recipient's mailbox is full and is unable to receive additional messages."
  mailboxfull: 'mailboxfull',
  // "The recipient's mail server has detected a large amount of unsolicited email from your account."
  spamdetected: 'spamdetected',
  // "A temporary issue with the recipient's email server is preventing the delivery of the message."
  recipientservererror: 'systemerror',
  // "The IP address that's sending the message is being blocked or throttled by the recipient's email provider."
  ipfailure: 'blocked',
  // "There was a temporary communication failure during the SMTP conversation with the recipient's email provider."
  transientcommunicationfailure: 'networkerror',
  // "Amazon SES was unable to look up the DNS hostname for your IP addresses."
  byoiphostnamelookupunavailable: 'networkerror',
};

/** Reads an SES event notification from a message body; undefined when there is none. */
export function readSesNotification(text: string): SesNotification | undefined {
  const slice = text.slice(0, MAX_JSON_CHARS);
  if (!looksLikeSesNotification(slice)) return undefined;
  const start = slice.search(/\{\s{0,64}"[A-Za-z]{1,40}"\s{0,8}:/);
  if (start < 0) return undefined;
  let event = parseEvent(slice.slice(start));
  // SNS's envelope (an email-json subscription): the event is the Message string.
  if (event && typeof event.Message === 'string' && event.notificationType === undefined && event.eventType === undefined) {
    const inner = event.Message.slice(0, MAX_JSON_CHARS).trimStart();
    event = inner.startsWith('{') ? parseEvent(inner) : undefined;
  }
  if (!event) return undefined;
  const kind = String(event.notificationType ?? event.eventType ?? '').toLowerCase();
  const mail = asObject(event.mail);
  const base = { bounceType: '', subType: '', feedbackType: '', reportingMta: '', messageId: asString(mail?.messageId) };
  if (kind === 'bounce') {
    const bounce = asObject(event.bounce);
    const subType = asString(bounce?.bounceSubType);
    const hint = BOUNCE_SUBTYPE_REASONS[subType.toLowerCase()];
    const transient = asString(bounce?.bounceType).toLowerCase() === 'transient';
    return {
      ...base,
      type: 'bounce',
      bounceType: asString(bounce?.bounceType),
      subType,
      reportingMta: withoutType(asString(bounce?.reportingMTA)),
      recipients: recipientsIn(bounce?.bouncedRecipients, (r) => ({
        address: asString(r.emailAddress),
        action: asString(r.action).toLowerCase(),
        status: asString(r.status),
        diagnostic: asString(r.diagnosticCode),
        ...(hint ? { hint, hintDecides: hint === 'suppressed', hintSource: `ses:bounceSubType ${subType}` } : {}),
        ...(transient ? { transient } : {}),
      })),
    };
  }
  if (kind === 'deliverydelay') {
    const delay = asObject(event.deliveryDelay);
    const subType = asString(delay?.delayType);
    const hint = DELAY_TYPE_REASONS[subType.toLowerCase()];
    return {
      ...base,
      type: 'delay',
      subType,
      reportingMta: withoutType(asString(delay?.reportingMTA)),
      recipients: recipientsIn(delay?.delayedRecipients, (r) => ({
        address: asString(r.emailAddress),
        action: 'delayed',
        status: asString(r.status),
        diagnostic: asString(r.diagnosticCode),
        ...(hint ? { hint, hintSource: `ses:delayType ${subType}` } : {}),
      })),
    };
  }
  if (kind === 'complaint') {
    const complaint = asObject(event.complaint);
    const subType = asString(complaint?.complaintSubType);
    const complained = (extra: Partial<SesRecipient>) =>
      recipientsIn(complaint?.complainedRecipients, (r) => ({
        address: asString(r.emailAddress),
        action: '',
        status: '',
        diagnostic: '',
        ...extra,
      }));
    // complaintSubType OnAccountSuppressionList: "SES accepted the message, but didn't attempt
    // to send it because it was on the account-level suppression list". Nobody complained
    // this time; the message was not sent: a suppressed failure, as the bounce subtype is.
    if (subType.toLowerCase() === 'onaccountsuppressionlist')
      return {
        ...base,
        type: 'bounce',
        subType,
        recipients: complained({
          action: 'failed',
          hint: 'suppressed',
          hintDecides: true,
          hintSource: `ses:complaintSubType ${subType}`,
        }),
      };
    return {
      ...base,
      type: 'complaint',
      subType,
      feedbackType: asString(complaint?.complaintFeedbackType).toLowerCase() || 'abuse',
      recipients: complained({}),
    };
  }
  // A Reject event: "SES accepted the email, but determined that it contained a virus and
  // didn't attempt to deliver it" (its reject object says only "reason": "Bad content"). No
  // recipient list of its own: the message was sent to nobody, so each of mail.destination.
  if (kind === 'reject') {
    const reason = asString(asObject(event.reject)?.reason);
    return {
      ...base,
      type: 'bounce',
      subType: reason,
      recipients: asArray(mail?.destination)
        .slice(0, MAX_RECIPIENTS)
        .map(asString)
        .filter((a) => a.includes('@'))
        .map((address) => ({
          address,
          action: 'failed',
          status: '',
          diagnostic: '',
          hint: 'virusdetected' as const,
          hintDecides: true,
          hintSource: `ses:Reject ${reason}`.trim(),
        })),
    };
  }
  if (kind === 'delivery') {
    const delivery = asObject(event.delivery);
    return {
      ...base,
      type: 'delivery',
      reportingMta: withoutType(asString(delivery?.reportingMTA)),
      recipients: asArray(delivery?.recipients)
        .slice(0, MAX_RECIPIENTS)
        .map(asString)
        .filter((a) => a.includes('@'))
        .map((address) => ({ address, action: 'delivered', status: '2.0.0', diagnostic: asString(delivery?.smtpResponse) })),
    };
  }
  return undefined;
}

/** reportingMTA without its type: SES's own examples write "dns; host" and "dsn; host". */
function withoutType(mta: string): string {
  return mta.replace(/^\s*d(?:ns|sn)\s*;\s*/i, '');
}

/**
 * Parses the JSON object at the start of the text, undoing line folding first: Sendmail's
 * "!\n " and plain newlines inside the one-line JSON (JSON strings hold no raw newlines).
 */
function parseEvent(text: string): Record<string, unknown> | undefined {
  const end = matchingBrace(text);
  const candidates = end > 0 ? [text.slice(0, end + 1)] : [];
  for (const raw of candidates) {
    for (const unfolded of [raw, raw.replace(/!\n /g, ''), raw.replace(/!?\n ?/g, '')]) {
      try {
        const value: unknown = JSON.parse(unfolded);
        const obj = asObject(value);
        if (obj) return obj;
      } catch {
        /* try the next unfolding */
      }
    }
  }
  return undefined;
}

/** Index of the brace that closes the object opened at text[0], -1 when it is not closed. */
function matchingBrace(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

/** The recipients of an SES recipient list (objects, at most MAX_RECIPIENTS), those with an address. */
function recipientsIn(list: unknown, read: (r: Record<string, unknown>) => SesRecipient): SesRecipient[] {
  return asArray(list)
    .slice(0, MAX_RECIPIENTS)
    .map(asObject)
    .filter((r) => r !== undefined)
    .map(read)
    .filter((r) => r.address.includes('@'));
}

function asObject(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function asString(v: unknown): string {
  return typeof v === 'string' ? v.trim() : '';
}
