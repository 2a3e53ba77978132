// Detection phrases: the words that tell a bounce, a delay warning and an automatic reply
// from other mail. Data only, one phrase per line (each a regular expression fragment, matched
// case-insensitively); the code that uses them is in ../detection.ts. Adding a new MTA's
// wording touches this file only.

/**
 * Local parts and display names of automatic senders (RFC 3834 section 3.2's MAILER-DAEMON,
 * RFC 2142's postmaster, the MTAs' defaults): never a failed recipient.
 */
export const DAEMON_SENDER_NAMES: readonly string[] = [
  String.raw`mailer-daemon`,
  String.raw`post[_-]?master`,
  String.raw`mail[ -]?delivery[ -]?(?:system|subsystem)?`,
  String.raw`maildelivery`,
  String.raw`mdaemon`,
  String.raw`mail[_-]?daemon`,
  String.raw`bounces?`,
  String.raw`double-bounce`,
  String.raw`nobody`,
  String.raw`noreply`,
  String.raw`no-reply`,
  String.raw`root`,
];

/**
 * Words anywhere in a From field that mark an automatic sender even when the address is a
 * provider's own ("Mail Delivery Subsystem <mailer-daemon@googlemail.com>", "MAILER-DAEMON@
 * example.org (Mail Delivery System)", "postmaster@example.net"). A forwarded message whose
 * From holds one of these or "mail delivery" is itself a delivery report (DAEMON_FROM_REPORT_PHRASES).
 */
export const DAEMON_FROM_PHRASES: readonly string[] = [String.raw`mailer-daemon`, String.raw`postmaster`];
export const DAEMON_FROM_REPORT_PHRASES: readonly string[] = [...DAEMON_FROM_PHRASES, String.raw`mail delivery`];

/**
 * Subjects of delivery failure notices across MTAs and languages: Postfix "Undelivered Mail
 * Returned to Sender", Sendmail "Returned mail: see transcript for details", Exim "Mail delivery
 * failed: returning message to sender", qmail "failure notice", Exchange "Undeliverable:",
 * Exchange in German "Unzustellbar:", in French "Non remis :", Japanese providers "配信エラー".
 */
export const BOUNCE_SUBJECT_PHRASES: readonly string[] = [
  String.raw`undeliver`,
  String.raw`undelivered`,
  String.raw`returned mail`,
  String.raw`return(?:ed)? to sender`,
  String.raw`delivery (?:status notification|failure|failed|has failed|problem|report|notification)`,
  String.raw`failure notice`,
  String.raw`mail delivery`,
  String.raw`non[- ]?delivery`,
  String.raw`could not be delivered`,
  String.raw`delivery unsuccessful`,
  String.raw`nicht zustellbar`,
  String.raw`unzustellbar`,
  String.raw`non remis`,
  String.raw`échec de la remise`,
  String.raw`no se puede entregar`,
  String.raw`mail failure`,
  String.raw`failed mail`,
  String.raw`mail (?:system )?error`,
  String.raw`warning: could not send`,
  String.raw`delayed mail`,
  String.raw`message not delivered`,
  String.raw`bounce`,
  String.raw`rejected`,
  String.raw`not delivered`,
  String.raw`permanent (?:error|failure)`,
  String.raw`unsuccessful`,
  String.raw`returned`,
  String.raw`配信`,
  String.raw`不達`,
  String.raw`エラー`,
];

/**
 * Phrases in a notice that say delivery failed (Postfix's "could not be delivered to one or more
 * recipients", Exim's "could not be delivered to one or more of its recipients", Exchange's
 * "Delivery has failed to these recipients", Gmail's "wasn't delivered").
 */
export const FAILURE_STATEMENT_PHRASES: readonly string[] = [
  String.raw`could not be delivered`,
  String.raw`couldn'?t be delivered`,
  String.raw`wasn'?t delivered`,
  String.raw`was not delivered`,
  String.raw`undeliverable`,
  String.raw`delivery (?:has )?failed`,
  String.raw`failed to deliver`,
  String.raw`permanent(?:ly)? (?:error|fail)`,
  String.raw`unable to deliver`,
  String.raw`not able to deliver`,
  String.raw`delivery to the following`,
  String.raw`following (?:address|recipient)`,
  String.raw`could not deliver`,
  String.raw`failure notice`,
  String.raw`returned to sender`,
  String.raw`message was rejected`,
  String.raw`was rejected`,
  String.raw`delivery problem`,
  String.raw`not be delivered`,
  String.raw`failed permanently`,
  String.raw`delivery error`,
  String.raw`did not reach`,
  String.raw`error delivering`,
  String.raw`delivery failure`,
  String.raw`bounced`,
  String.raw`kein zustellung`,
  String.raw`nicht zugestellt`,
  String.raw`no se ha podido entregar`,
];

/**
 * Notices that say delivery is only delayed and still being tried (a warning, not a bounce):
 * Postfix's delay warning "will keep trying" and "No action is required on your part"
 * (src/bounce templates), Sendmail's "Warning: could not send message for past 4 hours",
 * Gmail's "will retry for 46 more hours", Exchange's "delivery attempts will continue".
 */
export const DELAY_STATEMENT_PHRASES: readonly string[] = [
  String.raw`will (?:continue|keep) (?:trying|to try|attempting)`,
  String.raw`still (?:trying|being retried|be retried)`,
  String.raw`will (?:be )?retr(?:y|ied)`,
  String.raw`not yet been delivered`,
  String.raw`has been delayed`,
  String.raw`is delayed`,
  String.raw`delay(?:ed)? (?:warning|notification|mail)`,
  String.raw`no action is required on your part`,
  String.raw`warning: (?:could not send|message .* delayed)`,
  String.raw`delivery attempts will continue`,
];

/**
 * Words that say the MTA has given up: a notice holding them is a bounce even if it also
 * speaks of retrying.
 */
export const GIVEN_UP_PHRASES: readonly string[] = [
  String.raw`gave up`,
  String.raw`given up`,
  String.raw`giving up`,
  String.raw`permanent`,
  String.raw`failed permanently`,
  String.raw`could not be delivered`,
  String.raw`will not be delivered`,
  String.raw`has been returned`,
  String.raw`no further attempts`,
  String.raw`undeliverable`,
];

/**
 * Promises and durations, not failures: Gmail's delay notice "You'll be notified if the
 * delivery fails permanently", Exchange's "we'll let you know if ...", Postfix's delay warning
 * (src/bounce/bounce_template.c) "Your message could not be delivered for more than 4 hour(s).
 * It will be retried until it is 5 day(s) old." These are removed before the notice is
 * searched for GIVEN_UP_PHRASES.
 */
export const CONDITIONAL_FAILURE_PHRASES: readonly string[] = [
  String.raw`\b(?:notif(?:y|ied)|let you know|tell you|informed?)\b[^.\n]{0,60}\bif\b[^.\n]{0,80}`,
  String.raw`\bcould not be delivered for (?:more than )?\d+ (?:hour|minute|day)`,
];

/**
 * Subjects of automatic replies (after an optional "Re:"): out of office, vacation, in the
 * languages seen from large providers.
 */
export const AUTOREPLY_SUBJECT_PHRASES: readonly string[] = [
  String.raw`auto(?:matic)?[ -]?(?:reply|response|answer|antwort)`,
  String.raw`auto:`,
  String.raw`autoreply`,
  String.raw`out of (?:the )?office`,
  String.raw`away from`,
  String.raw`on vacation`,
  String.raw`vacation`,
  String.raw`abwesen`,
  String.raw`absence`,
  String.raw`r[ée]ponse automatique`,
  String.raw`respuesta autom`,
  String.raw`自動応答`,
  String.raw`不在`,
];
