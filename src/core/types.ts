// The classifier's output: what one received message is, and per failed recipient why.
// Shared by the pure core (which produces it), the store (which records it) and the
// notifier and dashboard (which show it). Plain data only: no classes, no I/O.

/** What a received message is, as a whole. */
export type MessageKind = 'bounce' | 'delay' | 'autoreply' | 'complaint' | 'not-bounce';

/** Sisimai's hard/soft call; `none` for delays, auto-replies, complaints and successes. */
export type BounceType = 'hard' | 'soft' | 'none';

/**
 * Sisimai's reason names (see the corpus README), plus the non-bounce ones.
 * Kept as a string union so a typo is a type error.
 */
export type Reason =
  | 'userunknown'
  | 'hostunknown'
  | 'hasmoved'
  | 'notaccept'
  | 'mailboxfull'
  | 'expired'
  | 'filtered'
  | 'rejected'
  | 'blocked'
  | 'authfailure'
  | 'networkerror'
  | 'suspend'
  | 'policyviolation'
  | 'requireptr'
  | 'spamdetected'
  | 'systemerror'
  | 'securityerror'
  | 'mailererror'
  | 'onhold'
  | 'norelaying'
  | 'notcompliantrfc'
  | 'toomanyconn'
  | 'exceedlimit'
  | 'mesgtoobig'
  | 'badreputation'
  | 'contenterror'
  | 'virusdetected'
  | 'syntaxerror'
  | 'speeding'
  | 'undefined'
  | 'failedstarttls'
  | 'systemfull'
  | 'suppressed'
  | 'feedback'
  | 'vacation'
  | 'delivered';

/** One recipient the report is about. */
export interface RecipientResult {
  /** The failed address, lower-cased domain; '' when no address could be found. */
  address: string;
  /** RFC 3464 Action (failed, delayed, delivered, relayed, expanded), or inferred. */
  action: string;
  /** RFC 3463 enhanced status code such as '5.1.1'; '' when none can be given. */
  enhancedCode: string;
  /** SMTP reply code such as '550'; '' when the message has none. */
  replyCode: string;
  reason: Reason;
  bounceType: BounceType;
  /** Diagnostic text as the remote side wrote it (unescaped; escape when showing). */
  diagnostic: string;
  /** Remote MTA name, '' when unknown. */
  remoteMta: string;
  /** Last-Attempt-Date or similar, as written; '' when unknown. */
  lastAttempt: string;
  /**
   * A complaint's kind, lower-case: RFC 5965's Feedback-Type (abuse, fraud, virus, other),
   * opt-out, RFC 6591's auth-failure, not-spam. Set on complaints only.
   */
  feedbackType?: string;
  /**
   * The sending service says the address may work later (Amazon SES's bounceType Transient):
   * never hard, and never a reason to suppress the address as a hard bounce.
   */
  mayWorkLater?: boolean;
  /**
   * What decided this result, for the decision trail: e.g. 'dsn:Status',
   * 'rule:exim-unrouteable (rules.ts:123)', 'status-code:5.1.1', 'x-failed-recipients'.
   */
  decidedBy: string[];
}

/** What can be recovered of the message that bounced. */
export interface OriginalMessage {
  messageId: string;
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  date: string;
  /** Value of the tracking header (default X-Rebound-Mail-ID), '' when absent. */
  trackingId: string;
}

export interface Classification {
  kind: MessageKind;
  recipients: RecipientResult[];
  original: OriginalMessage;
  /** The bounce message's own headers that matter for loop safety and display. */
  envelope: {
    subject: string;
    from: string;
    date: string;
    messageId: string;
    /** True when the bounce refers to a notice rebound itself sent (X-Rebound-Notice in the returned headers). */
    aboutReboundNotice: boolean;
  };
  /** Set when the message could not be read; kind is then 'not-bounce' and recipients empty. */
  error?: string;
  /**
   * What a bound left out, in words (e.g. "the delivery-status report names 5000 recipients;
   * the first 500 were read"). Absent when the message was read whole. Recorded on the
   * message and logged, so a cut is never silent.
   */
  truncated?: string[];
}

export interface ClassifyOptions {
  /** Name of the tracking header to read from the returned message. Default X-Rebound-Mail-ID. */
  trackingHeader?: string;
  /**
   * Envelope recipients the message was delivered to (LMTP RCPT TO). A VERP address such as
   * bounces+user=example.org@bounce.example names the failed recipient when the text does not.
   */
  envelopeRecipients?: string[];
}
