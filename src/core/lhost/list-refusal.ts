// A mailing list's or a help desk's refusal of the message a person sent it (detection.ts
// isApplicationRefusal tells one; rules/detection.ts APPLICATION_REFUSAL_PHRASES hold the
// products' words): which address it is about when its text names none, what it states of
// itself, and that it never makes an address dead.

import { addressesIn } from '../address.ts';
import { isDaemonSender, isListNotice, isListRoleAddress, listOfRoleAddress, REFUSAL_OPENING_CHARS } from '../detection.ts';
import { decodeHeaderValue, headerValue, type Header } from '../mime.ts';
import { splitReturnedMessage } from '../prose.ts';
import type { Reason, RecipientResult } from '../types.ts';

/** Addresses of the returned message's To and Cc looked at for the one a refusal names. */
const MAX_REFUSED_CANDIDATES = 50;

/** The returned message's To and Cc addresses, at most MAX_REFUSED_CANDIDATES. */
export function returnedToAndCc(returned: Header[]): string[] {
  return [
    ...addressesIn(decodeHeaderValue(headerValue(returned, 'to'))),
    ...addressesIn(decodeHeaderValue(headerValue(returned, 'cc'))),
  ].slice(0, MAX_REFUSED_CANDIDATES);
}

/**
 * What a refusal states of itself: its subject and its own words, before the message it
 * returns and without the lines it quotes ("> ...").
 */
export function refusalStatement(subject: string, notice: string): string {
  const own = splitReturnedMessage(notice)
    .notice.split('\n')
    .filter((line) => !/^\s*>/.test(line));
  return [subject, ...own].join('\n');
}

/** A refusal's result when the words around it would make the address dead. */
export function refusalNotDead(r: RecipientResult, reason: Reason): RecipientResult {
  return {
    ...r,
    reason,
    bounceType: 'soft',
    enhancedCode: '5.0.0',
    replyCode: '',
    decidedBy: [...r.decidedBy, 'refusal:never-dead'],
  };
}

/**
 * The address a list's or a help desk's refusal is about, when the notice names none: the list
 * Mailman names in X-BeenThere; else the returned message's To or Cc address that the
 * refusal's subject or opening names, a list manager's List-Id or the list whose role
 * address wrote it (a post written to a person with the list in Cc is the list's refusal, not
 * the person's); else the address the help desk answers from (its Reply-To only in the From's
 * own domain: a stranger's Reply-To names anyone), never a delivery system's nor a list's own
 * role address.
 */
export function refusedAddress(
  top: Header[],
  returned: Header[],
  from: string,
  subject: string,
  notice: string,
): { address: string; from: string } | undefined {
  const beenThere = addressesIn(headerValue(top, 'x-beenthere'))[0];
  if (beenThere) return { address: beenThere, from: 'X-BeenThere' };
  // The addresses the refusal states, without the header lines it quotes of the post ("To:
  // carol@"): those name whom the post was written to, not what refused it.
  const stated = new Set(
    addressesIn(
      `${subject.slice(0, REFUSAL_OPENING_CHARS)}\n${notice.slice(0, REFUSAL_OPENING_CHARS)}`.replace(
        /^[ \t>]*(?:to|cc|bcc|from|reply-to)[ \t]*:.*$/gim,
        '',
      ),
    ).map((a) => a.toLowerCase()),
  );
  const written = returnedToAndCc(returned);
  // Mailman names its list in List-Id as the address with its "@" made a dot (RFC 2919).
  const listId = isListNotice(top) ? (/<([^<>\s]{1,300})>/.exec(headerValue(top, 'list-id'))?.[1] ?? '').toLowerCase() : '';
  // The list whose role address wrote the refusal ("mylist+owner@h" writes for mylist@h).
  const ownList = listOfRoleAddress(from);
  const named =
    (listId !== '' ? written.find((a) => a.toLowerCase().replace('@', '.') === listId) : undefined) ??
    (ownList !== '' ? written.find((a) => a.toLowerCase() === ownList) : undefined) ??
    written.find((a) => stated.has(a.toLowerCase()));
  if (named) return { address: named, from: 'returned To/Cc named in the refusal' };
  const author = addressesIn(from)[0];
  const replyTo = addressesIn(headerValue(top, 'reply-to'))[0];
  const domainOf = (a: string) => a.slice(a.lastIndexOf('@') + 1).toLowerCase();
  const sender = replyTo && author && domainOf(replyTo) === domainOf(author) ? replyTo : author;
  if (sender && !isDaemonSender(sender) && !isListNotice(top) && !isListRoleAddress(sender)) return { address: sender, from: 'From' };
  return undefined;
}
