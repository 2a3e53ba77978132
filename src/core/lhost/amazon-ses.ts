// Amazon SES event notifications that arrive as e-mail: SES publishes bounce, complaint and
// delivery events to an Amazon SNS topic, and an e-mail subscription of that topic delivers
// each event as a text/plain message whose body is the event's JSON, e.g.
//
//   {"notificationType":"Bounce","bounce":{"bounceType":"Permanent","bouncedRecipients":
//     [{"emailAddress":"a@example.org","action":"failed","status":"5.1.1",
//       "diagnosticCode":"smtp; 550 5.1.1 user unknown"}],"reportingMTA":"dsn; a1.amazonses.com"},
//    "mail":{"messageId":"...","source":"sender@example.com","destination":["a@example.org"]}}
//
// Configuration-set event publishing writes "eventType" instead of "notificationType"; both are
// read. Complaints list "complainedRecipients" and may carry "complaintFeedbackType" (an ARF
// feedback type, RFC 5965 section 3.2); deliveries list "recipients".
// The JSON is one long line, so MTAs on the way often fold it: Sendmail splits lines over its
// limit with "!" + newline + space, others with a bare newline; both are undone before parsing.

export interface SesRecipient {
  address: string;
  action: string;
  status: string;
  /** Diagnostic-Code as SES gives it, e.g. 'smtp; 550 5.1.1 user unknown'. */
  diagnostic: string;
}

export interface SesNotification {
  type: 'bounce' | 'complaint' | 'delivery';
  recipients: SesRecipient[];
  /** Permanent, Transient, Undetermined (bounces only). */
  bounceType: string;
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

/** True when the text carries an SES event notification. */
export function looksLikeSesNotification(text: string): boolean {
  return /"(?:notificationType|eventType)"\s*:\s*"(?:Bounce|Complaint|Delivery)"/.test(text.slice(0, MAX_JSON_CHARS));
}

/** Reads an SES event notification from a message body; undefined when there is none. */
export function readSesNotification(text: string): SesNotification | undefined {
  const slice = text.slice(0, MAX_JSON_CHARS);
  if (!looksLikeSesNotification(slice)) return undefined;
  const start = slice.search(/\{\s*"(?:notificationType|eventType|[A-Za-z]+)"\s*:/);
  if (start < 0) return undefined;
  const event = parseEvent(slice.slice(start));
  if (!event) return undefined;
  const kind = String(event.notificationType ?? event.eventType ?? '').toLowerCase();
  const mail = asObject(event.mail);
  const base = { bounceType: '', feedbackType: '', reportingMta: '', messageId: asString(mail?.messageId) };
  if (kind === 'bounce') {
    const bounce = asObject(event.bounce);
    return {
      ...base,
      type: 'bounce',
      bounceType: asString(bounce?.bounceType),
      reportingMta: asString(bounce?.reportingMTA).replace(/^\s*dns\s*;\s*/i, ''),
      recipients: recipientsIn(bounce?.bouncedRecipients, (r) => ({
        address: asString(r.emailAddress),
        action: asString(r.action).toLowerCase(),
        status: asString(r.status),
        diagnostic: asString(r.diagnosticCode),
      })),
    };
  }
  if (kind === 'complaint') {
    const complaint = asObject(event.complaint);
    return {
      ...base,
      type: 'complaint',
      feedbackType: asString(complaint?.complaintFeedbackType).toLowerCase() || 'abuse',
      recipients: recipientsIn(complaint?.complainedRecipients, (r) => ({
        address: asString(r.emailAddress),
        action: '',
        status: '',
        diagnostic: '',
      })),
    };
  }
  if (kind === 'delivery') {
    const delivery = asObject(event.delivery);
    return {
      ...base,
      type: 'delivery',
      reportingMta: asString(delivery?.reportingMTA),
      recipients: asArray(delivery?.recipients)
        .slice(0, MAX_RECIPIENTS)
        .map(asString)
        .filter((a) => a.includes('@'))
        .map((address) => ({ address, action: 'delivered', status: '2.0.0', diagnostic: asString(delivery?.smtpResponse) })),
    };
  }
  return undefined;
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
