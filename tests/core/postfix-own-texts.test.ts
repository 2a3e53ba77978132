// The texts Postfix itself writes into its bounce and delay notices (not a remote server's
// reply): each delivery agent's reason for a recipient, with the DSN status it sends it with,
// read from Postfix 3.7.11's source (github:vdukhovni/postfix, tag v3.7.11):
//   src/smtp/smtp_addr.c, smtp_connect.c, smtp_proto.c, smtp_trouble.c, smtp_sasl_glue.c,
//     smtp_sasl_proto.c, smtp_tls_policy.c; src/dns/dns_lookup.c, dns_strerror.c;
//   src/qmgr/qmgr_message.c, qmgr_deliver.c; src/trivial-rewrite/resolve.c; src/error/error.c;
//   src/local/alias.c, include.c, token.c, recipient.c, resolve.c, unknown.c, mailbox.c,
//     maildir.c, file.c; src/virtual/unknown.c, mailbox.c, maildir.c; src/pipe/pipe.c;
//   src/global/pipe_command.c, sys_exits.c, mail_copy.c, mbox_open.c, deliver_pass.c;
//   src/smtpd/smtpd_check.c, src/global/cleanup_strerror.c (a next hop that is Postfix too).
// And the replies of the mailbox servers Postfix's lmtp(8) and pipe(8) hand mail to: Dovecot
// (github:dovecot/core: src/lmtp/lmtp-local.c, lmtp-recipient.c, lmtp-proxy.c,
// src/lib-storage/mail-error.h, src/plugins/quota/quota-settings.c, quota-status.c) and Cyrus
// lmtpd (github:cyrusimap/cyrus-imapd: imap/lmtpengine.c, imap/lmtp_err.et, imap/imap_err.et).
// Each notice is laid out as Postfix 3.x writes it (tests/core/postfix-notice.ts); the verdicts
// follow src/core/rules/README.md. No case comes from a bounce collection.
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify.ts';
import type { BounceType, Reason } from '../../src/core/types.ts';
import { postfixNotice, postfixRemote, type PostfixRecipient } from './postfix-notice.ts';

const A = 'user@example.net';
const HOST = 'mx.example.net[192.0.2.1]';
const LMTP = 'mail.example.net[private/dovecot-lmtp]';
const CYRUS = 'mail.example.net[private/lmtp]';

/** A reason a Postfix delivery agent wrote itself: "Diagnostic-Code: X-Postfix; <reason>". */
const own = (status: string, reason: string): PostfixRecipient => ({ address: A, status, reason });
/** A command's failure (pipe(8), local(8)): the reason line, and "x-unix; <output or sysexits text>". */
const unix = (status: string, reason: string, dtext: string): PostfixRecipient => ({
  address: A,
  status,
  reason,
  diagnostic: `x-unix; ${dtext}`,
});
const remote = (status: string, reply: string, phase: string, host = HOST) => postfixRemote(A, status, reply, phase, host);

type Expected = readonly [reason: Reason, bounceType: BounceType, status: string, reply: string];
type Case = readonly [title: string, action: 'failed' | 'delayed', recipient: PostfixRecipient, expected: Expected];

function run(cases: readonly Case[]): void {
  for (const [title, action, recipient, [reason, bounceType, status, reply]] of cases)
    it(title, async () => {
      const raw = postfixNotice(action, [recipient]);
      for (const notice of [raw, Buffer.from(raw.toString('latin1').replace(/\n/g, '\r\n'), 'latin1')]) {
        const c = await classify(notice);
        expect(c.kind).toBe(action === 'failed' ? 'bounce' : 'delay');
        expect(c.recipients.map((r) => [r.address, r.reason, r.bounceType, r.enhancedCode, r.replyCode])).toEqual([
          [A, reason, action === 'delayed' ? 'none' : bounceType, status, reply],
        ]);
      }
    });
}

describe("Postfix's SMTP client: names, addresses and loops (smtp_addr.c, dns_lookup.c)", () => {
  run([
    [
      '"mail for <domain> loops back to myself" (5.4.6) is the receiving side\'s configuration (its MX is the sender), soft',
      'failed',
      own('5.4.6', 'mail for example.net loops back to myself'),
      ['systemerror', 'soft', '5.4.6', ''],
    ],
    [
      '"Name service error ... Host not found, try again" (4.4.3) in a delay is a temporary DNS failure',
      'delayed',
      own('4.4.3', 'Host or domain name not found. Name service error for name=example.net type=MX: Host not found, try again'),
      ['networkerror', 'none', '4.4.3', ''],
    ],
    [
      'the same "try again" returned when the message expired stays a temporary DNS failure, never hostunknown',
      'failed',
      own('4.4.3', 'Host or domain name not found. Name service error for name=example.net type=MX: Host not found, try again'),
      ['networkerror', 'soft', '4.4.3', ''],
    ],
    [
      '"Name service error ... Host not found" (5.4.4, NXDOMAIN) is an unknown host, hard',
      'failed',
      own('5.4.4', 'Host or domain name not found. Name service error for name=example.net type=AAAA: Host not found'),
      ['hostunknown', 'hard', '5.4.4', ''],
    ],
    [
      '"Host found but no data record of requested type" (5.4.4: no MX and no address) is an unknown host',
      'failed',
      own(
        '5.4.4',
        'Host or domain name not found. Name service error for name=example.net type=A: Host found but no data record of requested type',
      ),
      ['hostunknown', 'hard', '5.4.4', ''],
    ],
    [
      '"Non-recoverable error" (5.4.3, a failing name server) is a DNS failure, not an unknown host',
      'failed',
      own('5.4.3', 'Host or domain name not found. Name service error for name=example.net type=MX: Non-recoverable error'),
      ['networkerror', 'soft', '5.4.3', ''],
    ],
    [
      '"Name service error for <name>: invalid host or domain name" (5.4.4) is an unknown host',
      'failed',
      own('5.4.4', 'Name service error for example..net: invalid host or domain name'),
      ['hostunknown', 'hard', '5.4.4', ''],
    ],
    [
      '"Domain <domain> does not accept mail (nullMX)" (5.1.0) is notaccept, hard',
      'failed',
      own('5.1.0', 'Domain example.net does not accept mail (nullMX)'),
      ['notaccept', 'hard', '5.1.0', ''],
    ],
    [
      'the native resolver\'s "unable to look up host ...: Name or service not known" (5.4.4) is an unknown host',
      'failed',
      own('5.4.4', 'unable to look up host example.net: Name or service not known'),
      ['hostunknown', 'hard', '5.4.4', ''],
    ],
    [
      'its "Temporary failure in name resolution" (4.4.4) is a temporary DNS failure',
      'delayed',
      own('4.4.4', 'unable to look up host example.net: Temporary failure in name resolution'),
      ['networkerror', 'none', '4.4.4', ''],
    ],
    [
      '"<host>: host not found" (5.4.4) is an unknown host',
      'failed',
      own('5.4.4', 'example.net: host not found'),
      ['hostunknown', 'hard', '5.4.4', ''],
    ],
    [
      '"unable to find primary relay for <domain>" (4.4.4) is a routing failure',
      'delayed',
      own('4.4.4', 'unable to find primary relay for example.net'),
      ['networkerror', 'none', '4.4.4', ''],
    ],
    [
      '"all network protocols are disabled" (4.4.4) is the sending system\'s own set-up',
      'delayed',
      own('4.4.4', 'all network protocols are disabled'),
      ['systemerror', 'none', '4.4.4', ''],
    ],
  ]);
});

describe("Postfix's SMTP client: connections (smtp_connect.c, smtp_trouble.c, qmgr's suspension)", () => {
  run([
    [
      '"connect to ...: Connection refused" (4.4.1) in a delay is a network error',
      'delayed',
      own('4.4.1', `connect to ${HOST}:25: Connection refused`),
      ['networkerror', 'none', '4.4.1', ''],
    ],
    [
      'the same refusal still met when the message expired is expired, soft',
      'failed',
      own('4.4.1', `connect to ${HOST}:25: Connection refused`),
      ['expired', 'soft', '4.4.1', ''],
    ],
    [
      '"No route to host" when the message expired is expired',
      'failed',
      own('4.4.1', `connect to ${HOST}:25: No route to host`),
      ['expired', 'soft', '4.4.1', ''],
    ],
    [
      '"Network is unreachable" in a delay is a network error',
      'delayed',
      own('4.4.1', `connect to ${HOST}:25: Network is unreachable`),
      ['networkerror', 'none', '4.4.1', ''],
    ],
    [
      '"Connection timed out" when the message expired is expired',
      'failed',
      own('4.4.1', `connect to ${HOST}:25: Connection timed out`),
      ['expired', 'soft', '4.4.1', ''],
    ],
    [
      '"delivery temporarily suspended: connect to ...: Connection refused" when the message expired is expired',
      'failed',
      own('4.4.1', `delivery temporarily suspended: connect to ${HOST}:25: Connection refused`),
      ['expired', 'soft', '4.4.1', ''],
    ],
    [
      '"delivery temporarily suspended: lost connection ..." in a delay is a network error',
      'delayed',
      own('4.4.2', `delivery temporarily suspended: lost connection with ${HOST} while receiving the initial server greeting`),
      ['networkerror', 'none', '4.4.2', ''],
    ],
    [
      '"delivery temporarily suspended: Host or domain name not found ... try again" when expired stays a temporary DNS failure',
      'failed',
      own(
        '4.4.3',
        'delivery temporarily suspended: Host or domain name not found. Name service error for name=example.net type=MX: Host not found, try again',
      ),
      ['networkerror', 'soft', '4.4.3', ''],
    ],
    [
      '"lost connection with ... while sending end of data -- message may be sent more than once" when expired is expired',
      'failed',
      own('4.4.2', `lost connection with ${HOST} while sending end of data -- message may be sent more than once`),
      ['expired', 'soft', '4.4.2', ''],
    ],
    [
      '"lost connection with ... while sending RCPT TO" in a delay is a network error',
      'delayed',
      own('4.4.2', `lost connection with ${HOST} while sending RCPT TO`),
      ['networkerror', 'none', '4.4.2', ''],
    ],
    [
      '"lost connection with ... while performing the EHLO handshake" when expired is expired',
      'failed',
      own('4.4.2', `lost connection with ${HOST} while performing the EHLO handshake`),
      ['expired', 'soft', '4.4.2', ''],
    ],
    [
      '"conversation with ... timed out while sending MAIL FROM" when expired is expired',
      'failed',
      own('4.4.2', `conversation with ${HOST} timed out while sending MAIL FROM`),
      ['expired', 'soft', '4.4.2', ''],
    ],
    [
      '"conversation with ... timed out while sending message body" in a delay is a network error',
      'delayed',
      own('4.4.2', `conversation with ${HOST} timed out while sending message body`),
      ['networkerror', 'none', '4.4.2', ''],
    ],
    [
      '"local data error while talking to ..." (4.3.0) is the sending system\'s error',
      'failed',
      own('4.3.0', `local data error while talking to ${HOST}`),
      ['systemerror', 'soft', '4.3.0', ''],
    ],
    [
      '"Server configuration error" (4.3.5) is a system error',
      'delayed',
      own('4.3.5', 'Server configuration error'),
      ['systemerror', 'none', '4.3.5', ''],
    ],
    [
      '"unreadable mail queue entry" (5.3.0) is a system error',
      'failed',
      own('5.3.0', 'unreadable mail queue entry'),
      ['systemerror', 'soft', '5.3.0', ''],
    ],
  ]);
});

describe("Postfix's SMTP client: size, SMTPUTF8, TLS and SASL (smtp_proto.c, smtp_sasl_*.c)", () => {
  run([
    [
      '"message size ... exceeds size limit ... of server ..." (5.3.4) is a message too big, soft',
      'failed',
      own('5.3.4', `message size 20480000 exceeds size limit 10240000 of server ${HOST}`),
      ['mesgtoobig', 'soft', '5.3.4', ''],
    ],
    [
      "\"SMTPUTF8 is required, but was not offered by host ...\" (5.6.7) is the message's form, as Exim's and Sendmail's are read",
      'failed',
      own('5.6.7', `SMTPUTF8 is required, but was not offered by host ${HOST}`),
      ['contenterror', 'soft', '5.6.7', ''],
    ],
    [
      '"TLS is required, but was not offered by host ..." (4.7.4) is a failed STARTTLS',
      'delayed',
      own('4.7.4', `TLS is required, but was not offered by host ${HOST}`),
      ['failedstarttls', 'none', '4.7.4', ''],
    ],
    [
      'the same when the message expired is still a failed STARTTLS, soft',
      'failed',
      own('4.7.4', `TLS is required, but was not offered by host ${HOST}`),
      ['failedstarttls', 'soft', '4.7.4', ''],
    ],
    [
      '"TLS is required, but host ... refused to start TLS: 454 ..." is a failed STARTTLS with the server\'s reply',
      'delayed',
      {
        ...remote('4.7.0', '454 4.7.0 TLS not available due to local problem', 'STARTTLS command'),
        reason: `TLS is required, but host ${HOST} refused to start TLS: 454 4.7.0 TLS not available due to local problem`,
      },
      ['failedstarttls', 'none', '4.7.0', '454'],
    ],
    [
      '"TLS is required, but our TLS engine is unavailable" (4.7.5) is a failed STARTTLS',
      'delayed',
      own('4.7.5', 'TLS is required, but our TLS engine is unavailable'),
      ['failedstarttls', 'none', '4.7.5', ''],
    ],
    [
      '"Cannot start TLS: handshake failure" (4.7.5) is a failed STARTTLS',
      'delayed',
      own('4.7.5', 'Cannot start TLS: handshake failure'),
      ['failedstarttls', 'none', '4.7.5', ''],
    ],
    [
      '"delivery temporarily suspended: Cannot start TLS: handshake failure" when expired is a failed STARTTLS',
      'failed',
      own('4.7.5', 'delivery temporarily suspended: Cannot start TLS: handshake failure'),
      ['failedstarttls', 'soft', '4.7.5', ''],
    ],
    [
      '"Server certificate not verified" (4.7.5) is a security error',
      'delayed',
      own('4.7.5', 'Server certificate not verified'),
      ['securityerror', 'none', '4.7.5', ''],
    ],
    [
      '"Server certificate not trusted" (Postfix 2.x, 4.7.5) is a security error',
      'delayed',
      own('4.7.5', 'Server certificate not trusted'),
      ['securityerror', 'none', '4.7.5', ''],
    ],
    [
      '"Server certificate not verified" when the message expired is a security error, soft',
      'failed',
      own('4.7.5', 'Server certificate not verified'),
      ['securityerror', 'soft', '4.7.5', ''],
    ],
    [
      '"client TLS configuration problem" (4.7.5) is the sending system\'s set-up',
      'delayed',
      own('4.7.5', 'client TLS configuration problem'),
      ['systemerror', 'none', '4.7.5', ''],
    ],
    [
      '"SASL authentication failed; server ... said: 535 5.7.8 ..." is an authentication failure, the server\'s code and status read',
      'delayed',
      {
        ...remote('5.7.8', '535 5.7.8 Error: authentication failed: authentication failure', 'AUTH command'),
        status: '4.7.0',
        reason: `SASL authentication failed; server ${HOST} said: 535 5.7.8 Error: authentication failed: authentication failure`,
      },
      ['authfailure', 'none', '5.7.8', '535'],
    ],
    [
      '"SASL authentication failed; cannot authenticate to server ..." (4.7.0) is a security error',
      'delayed',
      own('4.7.0', `SASL authentication failed; cannot authenticate to server ${HOST}: no mechanism available`),
      ['securityerror', 'none', '4.7.0', ''],
    ],
    [
      '"SASL authentication failed: server ... offered no compatible authentication mechanisms ..." (4.7.0) is a security error',
      'delayed',
      own(
        '4.7.0',
        `SASL authentication failed: server ${HOST} offered no compatible authentication mechanisms for this type of connection security`,
      ),
      ['securityerror', 'none', '4.7.0', ''],
    ],
  ]);
});

describe("Postfix's queue manager, resolver and error(8) (qmgr_message.c, qmgr_deliver.c, resolve.c)", () => {
  run([
    [
      '"address resolver failure" (4.3.0) is a system error',
      'delayed',
      own('4.3.0', 'address resolver failure'),
      ['systemerror', 'none', '4.3.0', ''],
    ],
    [
      '"bad address syntax" (5.1.3) is an address that cannot exist, hard',
      'failed',
      own('5.1.3', 'bad address syntax'),
      ['userunknown', 'hard', '5.1.3', ''],
    ],
    [
      '"message is administratively expired" (postsuper -e, 4.7.0) is expired, not a security error',
      'failed',
      own('4.7.0', 'message is administratively expired'),
      ['expired', 'soft', '4.7.0', ''],
    ],
    [
      '"deferred transport" (defer_transports, 4.3.2) is the sending system holding the mail',
      'delayed',
      own('4.3.2', 'deferred transport'),
      ['systemerror', 'none', '4.3.2', ''],
    ],
    [
      '"mail transport unavailable" (4.3.0) is a system error',
      'delayed',
      own('4.3.0', 'mail transport unavailable'),
      ['systemerror', 'none', '4.3.0', ''],
    ],
    [
      '"delivery temporarily suspended: unknown mail transport error" (4.3.0) is a system error',
      'delayed',
      own('4.3.0', 'delivery temporarily suspended: unknown mail transport error'),
      ['systemerror', 'none', '4.3.0', ''],
    ],
    [
      'error(8)\'s "User unknown in virtual alias table" (5.1.1) is an unknown user, hard',
      'failed',
      own('5.1.1', 'User unknown in virtual alias table'),
      ['userunknown', 'hard', '5.1.1', ''],
    ],
    [
      'error(8)\'s "User unknown" (5.1.1, show_user_unknown_table_name = no) is an unknown user',
      'failed',
      own('5.1.1', 'User unknown'),
      ['userunknown', 'hard', '5.1.1', ''],
    ],
    [
      'error(8)\'s "User has moved to <address>" (relocated, 5.1.6) has moved, hard',
      'failed',
      own('5.1.6', 'User has moved to new@example.org'),
      ['hasmoved', 'hard', '5.1.6', ''],
    ],
  ]);
});

describe("Postfix's local(8) and virtual(8) (unknown.c, alias.c, token.c, mailbox.c, maildir.c, file.c)", () => {
  run([
    [
      'local(8)\'s "unknown user: \\"<name>\\"" (5.1.1) is an unknown user',
      'failed',
      own('5.1.1', 'unknown user: "user"'),
      ['userunknown', 'hard', '5.1.1', ''],
    ],
    [
      'virtual(8)\'s "unknown user: \\"<address>\\"" (5.1.1) is an unknown user',
      'failed',
      own('5.1.1', 'unknown user: "user@example.net"'),
      ['userunknown', 'hard', '5.1.1', ''],
    ],
    [
      '"alias database loop for <name>" (5.4.6) is a loop, as Postfix\'s other loops are read',
      'failed',
      own('5.4.6', 'alias database loop for user'),
      ['networkerror', 'soft', '5.4.6', ''],
    ],
    [
      '"alias database unavailable" (4.3.0) is a system error',
      'delayed',
      own('4.3.0', 'alias database unavailable'),
      ['systemerror', 'none', '4.3.0', ''],
    ],
    [
      '"cannot find alias database owner" (4.3.0) is a system error',
      'delayed',
      own('4.3.0', 'cannot find alias database owner'),
      ['systemerror', 'none', '4.3.0', ''],
    ],
    [
      '"mail system configuration error" (include.c, 5.3.5) is a system error, soft',
      'failed',
      own('5.3.5', 'mail system configuration error'),
      ['systemerror', 'soft', '5.3.5', ''],
    ],
    [
      '"mail system configuration error" (4.3.5) in a delay is a system error',
      'delayed',
      own('4.3.5', 'mail system configuration error'),
      ['systemerror', 'none', '4.3.5', ''],
    ],
    [
      '"mail to command is restricted" (5.7.1) is the receiving system\'s setting, as "mail to file" is',
      'failed',
      own('5.7.1', 'mail to command is restricted'),
      ['systemerror', 'soft', '5.7.1', ''],
    ],
    [
      '"mail to file is restricted" (5.7.1) is a system error',
      'failed',
      own('5.7.1', 'mail to file is restricted'),
      ['systemerror', 'soft', '5.7.1', ''],
    ],
    ['"file is executable" (5.7.1) is a system error', 'failed', own('5.7.1', 'file is executable'), ['systemerror', 'soft', '5.7.1', '']],
    [
      '"error reading forwarding file: <errno>" (4.3.0) is a system error',
      'delayed',
      own('4.3.0', 'error reading forwarding file: Permission denied'),
      ['systemerror', 'none', '4.3.0', ''],
    ],
    [
      '"cannot access home directory ..." (4.3.0) is a system error',
      'delayed',
      own('4.3.0', 'cannot access home directory /home/user: Permission denied'),
      ['systemerror', 'none', '4.3.0', ''],
    ],
    [
      '"bad recipient address syntax: ..." (5.1.3) is an address that cannot exist',
      'failed',
      own('5.1.3', 'bad recipient address syntax: user@@example.net'),
      ['userunknown', 'hard', '5.1.3', ''],
    ],
    [
      '"cannot update mailbox ... error writing message: File too large" (EFBIG, 5.2.2) is a full mailbox, soft',
      'failed',
      own('5.2.2', 'cannot update mailbox /var/mail/user for user user. error writing message: File too large'),
      ['mailboxfull', 'soft', '5.2.2', ''],
    ],
    [
      '"... error writing message: Disk quota exceeded" (EDQUOT, 5.2.2) is a full mailbox',
      'failed',
      own('5.2.2', 'cannot update mailbox /var/mail/user for user user. error writing message: Disk quota exceeded'),
      ['mailboxfull', 'soft', '5.2.2', ''],
    ],
    [
      '"... error writing message: No space left on device" (ENOSPC, 4.3.0) is a full disk, not a broken set-up',
      'delayed',
      own('4.3.0', 'cannot update mailbox /var/mail/user for user user. error writing message: No space left on device'),
      ['systemfull', 'none', '4.3.0', ''],
    ],
    [
      '"cannot update mailbox ... unable to lock for exclusive access" (4.2.0) is a system error',
      'delayed',
      own(
        '4.2.0',
        'cannot update mailbox /var/mail/user for user user. unable to lock for exclusive access: Resource temporarily unavailable',
      ),
      ['systemerror', 'none', '4.2.0', ''],
    ],
    [
      '"destination <file> is not a regular file" (5.2.0) is the mailbox store\'s fault, not a filter',
      'failed',
      own('5.2.0', 'destination /var/mail/user is not a regular file'),
      ['systemerror', 'soft', '5.2.0', ''],
    ],
    [
      '"destination <file> is not owned by recipient" (4.2.0) is a system error',
      'delayed',
      own('4.2.0', 'destination /var/mail/user is not owned by recipient'),
      ['systemerror', 'none', '4.2.0', ''],
    ],
    [
      '"maildir delivery failed: create maildir file ...: Disk quota exceeded" (5.2.2) is a full mailbox',
      'failed',
      own(
        '5.2.2',
        'maildir delivery failed: create maildir file /home/user/Maildir/tmp/1796185222.P1234Q0.mx.example.org: Disk quota exceeded',
      ),
      ['mailboxfull', 'soft', '5.2.2', ''],
    ],
    [
      '"maildir delivery failed: create maildir file ...: No space left on device" (4.3.0) is a full disk',
      'delayed',
      own(
        '4.3.0',
        'maildir delivery failed: create maildir file /home/user/Maildir/tmp/1796185222.P1234Q0.mx.example.org: No space left on device',
      ),
      ['systemfull', 'none', '4.3.0', ''],
    ],
    [
      '"maildir delivery failed: create maildir file ...: Permission denied" (5.2.0) is a system error, not a filter',
      'failed',
      own(
        '5.2.0',
        'maildir delivery failed: create maildir file /home/user/Maildir/tmp/1796185222.P1234Q0.mx.example.org: Permission denied',
      ),
      ['systemerror', 'soft', '5.2.0', ''],
    ],
    [
      'virtual(8)\'s "delivery failed to mailbox ...: error writing message: File too large" (5.2.2) is a full mailbox',
      'failed',
      own('5.2.2', 'delivery failed to mailbox /var/mail/vhosts/example.net/user: error writing message: File too large'),
      ['mailboxfull', 'soft', '5.2.2', ''],
    ],
    [
      '"cannot append message to file ...: error writing message: File too large" (5.2.2) is a full mailbox',
      'failed',
      own('5.2.2', 'cannot append message to file /home/user/mail.log: error writing message: File too large'),
      ['mailboxfull', 'soft', '5.2.2', ''],
    ],
  ]);
});

describe("Postfix's pipe(8) and command deliveries (pipe.c, global/pipe_command.c, sys_exits.c)", () => {
  run([
    [
      '"Command died with status 1: ..." (5.3.0, x-unix) is a mailer error',
      'failed',
      unix('5.3.0', 'Command died with status 1: "/usr/bin/procmail"', 'internal software error'),
      ['mailererror', 'soft', '5.3.0', ''],
    ],
    [
      'the same with the command\'s output ("... Command output: ...") is a mailer error',
      'failed',
      unix(
        '5.3.0',
        'Command died with status 1: "/usr/local/bin/filter". Command output: filter: cannot open rules',
        'filter: cannot open rules',
      ),
      ['mailererror', 'soft', '5.3.0', ''],
    ],
    [
      '"Command died with signal 9: ..." (4.3.0) is a mailer error',
      'delayed',
      unix('4.3.0', 'Command died with signal 9: "/usr/bin/procmail"', 'internal software error'),
      ['mailererror', 'none', '4.3.0', ''],
    ],
    [
      '"Command time limit exceeded: ..." (5.3.0) is a mailer error, as a command that died is',
      'failed',
      unix('5.3.0', 'Command time limit exceeded: "/usr/lib/dovecot/deliver"', 'internal software error'),
      ['mailererror', 'soft', '5.3.0', ''],
    ],
    [
      'pipe(8)\'s "mail forwarding loop for <address>" (5.4.6) is a loop',
      'failed',
      own('5.4.6', 'mail forwarding loop for user@example.net'),
      ['networkerror', 'soft', '5.4.6', ''],
    ],
    [
      'pipe(8)\'s "message too large" (size= flag, 5.2.3) is over the size limit',
      'failed',
      own('5.2.3', 'message too large'),
      ['exceedlimit', 'soft', '5.2.3', ''],
    ],
    [
      'EX_NOUSER: "user unknown" (5.1.1) is an unknown user',
      'failed',
      unix('5.1.1', 'user unknown', 'user unknown'),
      ['userunknown', 'hard', '5.1.1', ''],
    ],
    [
      'EX_NOUSER with output ("user unknown. Command output: Invalid user specified.") is an unknown user',
      'failed',
      unix('5.1.1', 'user unknown. Command output: Invalid user specified.', 'Invalid user specified.'),
      ['userunknown', 'hard', '5.1.1', ''],
    ],
    [
      'EX_NOHOST: "host name unknown" (5.1.2) is an unknown host',
      'failed',
      unix('5.1.2', 'host name unknown', 'host name unknown'),
      ['hostunknown', 'hard', '5.1.2', ''],
    ],
    [
      'EX_UNAVAILABLE: "service unavailable" (5.3.0, x-unix) is the command\'s failure, a mailer error',
      'failed',
      unix('5.3.0', 'service unavailable', 'service unavailable'),
      ['mailererror', 'soft', '5.3.0', ''],
    ],
    [
      "EX_UNAVAILABLE with the command's output is a mailer error",
      'failed',
      unix(
        '5.3.0',
        'service unavailable. Command output: procmail: Error while writing to "/var/mail/user"',
        'procmail: Error while writing to "/var/mail/user"',
      ),
      ['mailererror', 'soft', '5.3.0', ''],
    ],
    [
      'EX_SOFTWARE: "internal software error" (5.3.0) is a mailer error',
      'failed',
      unix('5.3.0', 'internal software error', 'internal software error'),
      ['mailererror', 'soft', '5.3.0', ''],
    ],
    [
      'EX_OSERR: "system resource problem" (4.3.0) is a mailer error',
      'delayed',
      unix('4.3.0', 'system resource problem', 'system resource problem'),
      ['mailererror', 'none', '4.3.0', ''],
    ],
    [
      'EX_TEMPFAIL: "temporary failure" (4.3.0) is a mailer error',
      'delayed',
      unix('4.3.0', 'temporary failure', 'temporary failure'),
      ['mailererror', 'none', '4.3.0', ''],
    ],
    [
      'EX_TEMPFAIL still met when the message expired is a mailer error, soft',
      'failed',
      unix('4.3.0', 'temporary failure', 'temporary failure'),
      ['mailererror', 'soft', '4.3.0', ''],
    ],
    [
      'EX_CANTCREAT: "can\'t create user output file" (5.2.0) is a mailer error',
      'failed',
      unix('5.2.0', "can't create user output file", "can't create user output file"),
      ['mailererror', 'soft', '5.2.0', ''],
    ],
    [
      'EX_IOERR: "input/output error" (5.3.0) is a mailer error',
      'failed',
      unix('5.3.0', 'input/output error', 'input/output error'),
      ['mailererror', 'soft', '5.3.0', ''],
    ],
    [
      'EX_NOPERM: "permission denied" (5.7.0) is a mailer error, not a security refusal',
      'failed',
      unix('5.7.0', 'permission denied', 'permission denied'),
      ['mailererror', 'soft', '5.7.0', ''],
    ],
    [
      'EX_CONFIG: "local configuration error" (5.3.5) is a mailer error',
      'failed',
      unix('5.3.5', 'local configuration error', 'local configuration error'),
      ['mailererror', 'soft', '5.3.5', ''],
    ],
    [
      'EX_DATAERR: "data format error" (5.6.0) is a mailer error',
      'failed',
      unix('5.6.0', 'data format error', 'data format error'),
      ['mailererror', 'soft', '5.6.0', ''],
    ],
    [
      'EX_USAGE: "command line usage error" (5.3.0) is a mailer error',
      'failed',
      unix('5.3.0', 'command line usage error', 'command line usage error'),
      ['mailererror', 'soft', '5.3.0', ''],
    ],
    [
      'EX_PROTOCOL: "remote error in protocol" (5.5.0) is a mailer error, not an SMTP syntax error',
      'failed',
      unix('5.5.0', 'remote error in protocol', 'remote error in protocol'),
      ['mailererror', 'soft', '5.5.0', ''],
    ],
    [
      'a command\'s own "D.S.N text" output ("5.2.2 Mailbox full") decides',
      'failed',
      unix('5.2.2', 'Mailbox full', 'Mailbox full'),
      ['mailboxfull', 'soft', '5.2.2', ''],
    ],
  ]);
});

describe('a next hop that is Postfix too (smtpd_check.c, cleanup_strerror.c), as the client reports it', () => {
  run([
    [
      '"554 5.4.0 Error: too many hops" is a routing loop',
      'failed',
      remote('5.4.0', '554 5.4.0 Error: too many hops', 'end of DATA command'),
      ['networkerror', 'soft', '5.4.0', '554'],
    ],
    [
      '"451 4.3.0 <address>: Temporary lookup failure" is the server\'s tables',
      'delayed',
      remote('4.3.0', '451 4.3.0 <user@example.net>: Temporary lookup failure', 'RCPT TO command'),
      ['systemerror', 'none', '4.3.0', '451'],
    ],
    [
      '"452 4.3.1 Insufficient system storage" is a full system',
      'delayed',
      remote('4.3.1', '452 4.3.1 Insufficient system storage', 'MAIL FROM command'),
      ['systemfull', 'none', '4.3.1', '452'],
    ],
    [
      '"451 4.3.0 Error: queue file write error" is a system error',
      'delayed',
      remote('4.3.0', '451 4.3.0 Error: queue file write error', 'end of DATA command'),
      ['systemerror', 'none', '4.3.0', '451'],
    ],
    ...(['virtual mailbox', 'local recipient', 'relay recipient'] as const).map((table): Case => [
      `"Recipient address rejected: User unknown in ${table} table" is an unknown user, hard`,
      'failed',
      remote('5.1.1', `550 5.1.1 <user@example.net>: Recipient address rejected: User unknown in ${table} table`, 'RCPT TO command'),
      ['userunknown', 'hard', '5.1.1', '550'],
    ]),
  ]);
});

describe("Dovecot's LMTP and LDA behind Postfix's lmtp(8) and pipe(8)", () => {
  run([
    [
      'LMTP\'s "552 5.2.2 <address> Quota exceeded (mailbox for user is full)" is a full mailbox, soft',
      'failed',
      remote('5.2.2', '552 5.2.2 <user@example.net> Quota exceeded (mailbox for user is full)', 'end of DATA command', LMTP),
      ['mailboxfull', 'soft', '5.2.2', '552'],
    ],
    [
      'its quota_full_tempfail "452 4.2.2 ..." in a delay is a full mailbox',
      'delayed',
      remote('4.2.2', '452 4.2.2 <user@example.net> Quota exceeded (mailbox for user is full)', 'RCPT TO command', LMTP),
      ['mailboxfull', 'none', '4.2.2', '452'],
    ],
    [
      'LMTP\'s "550 5.1.1 <address> User doesn\'t exist: <user>" is an unknown user, hard',
      'failed',
      remote('5.1.1', "550 5.1.1 <user@example.net> User doesn't exist: user@example.net", 'RCPT TO command', LMTP),
      ['userunknown', 'hard', '5.1.1', '550'],
    ],
    [
      'LMTP\'s "451 4.3.0 <address> Temporary internal error" is a system error',
      'delayed',
      remote('4.3.0', '451 4.3.0 <user@example.net> Temporary internal error', 'end of DATA command', LMTP),
      ['systemerror', 'none', '4.3.0', '451'],
    ],
    [
      'the same still met when the message expired is a system error, soft',
      'failed',
      remote('4.3.0', '451 4.3.0 <user@example.net> Temporary internal error', 'end of DATA command', LMTP),
      ['systemerror', 'soft', '4.3.0', '451'],
    ],
    [
      'LMTP\'s "554 5.4.6 <address> Proxying loops to itself" is a loop',
      'failed',
      remote('5.4.6', '554 5.4.6 <user@example.net> Proxying loops to itself', 'RCPT TO command', 'mail.example.net[192.0.2.2]'),
      ['networkerror', 'soft', '5.4.6', '554'],
    ],
    [
      'quota-status\'s "554 5.2.2 ... Quota exceeded (mailbox for user is full)" at RCPT is a full mailbox',
      'failed',
      remote(
        '5.2.2',
        '554 5.2.2 <user@example.net>: Recipient address rejected: Quota exceeded (mailbox for user is full)',
        'RCPT TO command',
      ),
      ['mailboxfull', 'soft', '5.2.2', '554'],
    ],
    [
      'LMTP\'s "451 4.2.0 <address> Mailbox doesn\'t exist: <folder>" (a Sieve fileinto) is a system error, not the address',
      'delayed',
      remote('4.2.0', "451 4.2.0 <user@example.net> Mailbox doesn't exist: Archive", 'end of DATA command', LMTP),
      ['systemerror', 'none', '4.2.0', '451'],
    ],
    [
      'LDA\'s EX_NOUSER with its "User doesn\'t exist: <user>" output is an unknown user',
      'failed',
      unix('5.1.1', "user unknown. Command output: User doesn't exist: user", "User doesn't exist: user"),
      ['userunknown', 'hard', '5.1.1', ''],
    ],
    [
      'LDA\'s EX_TEMPFAIL with its "Temporary internal error" output is a system error',
      'delayed',
      unix('4.3.0', 'temporary failure. Command output: Temporary internal error', 'Temporary internal error'),
      ['systemerror', 'none', '4.3.0', ''],
    ],
  ]);
});

describe("Cyrus lmtpd behind Postfix's lmtp(8) (lmtpengine.c, lmtp_err.et, imap_err.et)", () => {
  const session = 'SESSIONID=<cyrus-12345-1796185222-1-1234567890>';
  run([
    [
      '"452 4.2.2 Over quota SESSIONID=<...>" in a delay is a full mailbox',
      'delayed',
      remote('4.2.2', `452 4.2.2 Over quota ${session}`, 'RCPT TO command', CYRUS),
      ['mailboxfull', 'none', '4.2.2', '452'],
    ],
    [
      'the same when the message expired is a full mailbox, soft',
      'failed',
      remote('4.2.2', `452 4.2.2 Over quota ${session}`, 'RCPT TO command', CYRUS),
      ['mailboxfull', 'soft', '4.2.2', '452'],
    ],
    [
      'lmtp_over_quota_perm_failure\'s "552 5.2.2 Over quota" is a full mailbox',
      'failed',
      remote('5.2.2', `552 5.2.2 Over quota ${session}`, 'RCPT TO command', CYRUS),
      ['mailboxfull', 'soft', '5.2.2', '552'],
    ],
    [
      'the long "550-Mailbox unknown. ... 550 5.1.1 User unknown" is an unknown user, hard',
      'failed',
      remote(
        '5.1.1',
        '550-Mailbox unknown.  Either there is no mailbox associated with this 550-name or you do not have authorization to see it. 550 5.1.1 User unknown',
        'RCPT TO command',
        CYRUS,
      ),
      ['userunknown', 'hard', '5.1.1', '550'],
    ],
    [
      '"550 5.1.1 User unknown" is an unknown user, hard',
      'failed',
      remote('5.1.1', '550 5.1.1 User unknown', 'RCPT TO command', CYRUS),
      ['userunknown', 'hard', '5.1.1', '550'],
    ],
    [
      '"451 4.2.1 Mailbox has been moved to another server" is the mailbox out of reach for now, never a moved address',
      'failed',
      remote('4.2.1', '451 4.2.1 Mailbox has been moved to another server', 'RCPT TO command', CYRUS),
      ['suspend', 'soft', '4.2.1', '451'],
    ],
    [
      '"451 4.2.1 Delivery to mailbox is disabled" is a suspended mailbox',
      'delayed',
      remote('4.2.1', '451 4.2.1 Delivery to mailbox is disabled', 'RCPT TO command', CYRUS),
      ['suspend', 'none', '4.2.1', '451'],
    ],
    [
      '"451 4.3.0 System I/O error" is a system error',
      'delayed',
      remote('4.3.0', '451 4.3.0 System I/O error', 'end of DATA command', CYRUS),
      ['systemerror', 'none', '4.3.0', '451'],
    ],
    [
      '"554 5.6.0 Message contains NUL characters" is the message\'s content',
      'failed',
      remote('5.6.0', '554 5.6.0 Message contains NUL characters', 'end of DATA command', CYRUS),
      ['contenterror', 'soft', '5.6.0', '554'],
    ],
    [
      '"552 5.2.3 Message size (...) exceeds fixed maximum message size" is over the size limit',
      'failed',
      remote(
        '5.2.3',
        '552 5.2.3 Message size (20480000) exceeds fixed maximum message size. Message rejected',
        'end of DATA command',
        CYRUS,
      ),
      ['exceedlimit', 'soft', '5.2.3', '552'],
    ],
  ]);
});
