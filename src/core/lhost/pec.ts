// Italian certified mail (PEC, Posta Elettronica Certificata): the certified-mail provider's
// own notices. A PEC provider that cannot deliver a message to a recipient sends its sender an
// "avviso di mancata consegna" (the regole tecniche of DM 2 November 2005, CNIPA's allegato
// "Regole tecniche del servizio di trasmissione di documenti informatici mediante posta
// elettronica certificata": a signed S/MIME message with the header field "X-Ricevuta:
// errore-consegna", the subject "AVVISO DI MANCATA CONSEGNA: <subject>", and the certification
// data attached as daticert.xml). Twelve hours without news of the message, the sender's
// provider warns that the recipient's provider may not be able to deliver it ("X-Ricevuta:
// preavviso-errore-consegna", subject "AVVISO DI MANCATA CONSEGNA PER SUP. TEMPO MASSIMO: ...");
// after twenty-four it gives up. Namirial's help ("Riscontro l'errore 'Avviso di mancata
// consegna', a cosa è dovuto?", servicedesk.namirial.com/hc/it/articles/4418366332177) lists
// the causes: a recipient that never existed or no longer exists ("Indirizzo non valido"), a
// mailbox blocked from receiving, a full mailbox, and the maximum time passed.
//
// The notice is a bounce naming its failed recipient: daticert.xml's `<consegna>` holds the
// address the notice is about (its `<destinatari>` list every recipient of the message, and a
// notice is written for each recipient that failed; without `<consegna>` only a message's sole
// recipient is taken), and `<errore-esteso>` the error, which
// AgID's "Note integrative alle Regole Tecniche" (nota 12, 05/10/2015; compulsory from
// 01/04/2016) requires a provider to code in both the notice's text and daticert.xml for each
// event that makes one (recipient or mailbox not existing or revoked, mailbox disabled or not
// accepting mail, mailbox full, ...): "<status> - <provider> - <description>" ("5.1.1 - ... -
// indirizzo non valido", as PEC clients parse the field). The status and words then decide the
// reason as any server's do. Only a notice whose daticert.xml is of the same kind as its
// X-Ricevuta field is read (a transport envelope carrying a forged receipt is not one); its
// acceptance and delivery receipts ("accettazione", "avvenuta-consegna") are no failures.

import { decodeHeaderValue, entityText, headerValue, walkEntities, MAX_TEXT_CHARS, type Header, type MimeEntity } from '../mime.ts';
import { normaliseAddress } from '../address.ts';
import type { ProseRecipient } from '../prose.ts';

/** X-Ricevuta values of the notices that report a recipient not delivered to, and whether it is a warning. */
const FAILURE_RECEIPTS: ReadonlyMap<string, boolean> = new Map([
  ['errore-consegna', false],
  ['preavviso-errore-consegna', true],
]);

/** The certification data's file name (regole tecniche: "daticert.xml"). */
const DATICERT_NAME = /^daticert\.xml$/i;
/**
 * Characters of daticert.xml read: a few hundred bytes for a message to a few recipients, but
 * it lists every recipient (<destinatari>) before the <consegna> that names the failed one, so
 * it is read as far as any text part is (mime.ts MAX_TEXT_CHARS, about 3,000 recipients);
 * every pattern over it is linear and bounded.
 */
const MAX_DATICERT_CHARS = MAX_TEXT_CHARS;
/** `<destinatari>` elements looked at when a notice has no `<consegna>`. */
const MAX_DESTINATARI = 2;

const POSTACERT = /<postacert\b([^>]{0,400})>/i;
const TIPO = /\btipo\s*=\s*"([a-z-]{1,40})"/i;
const CONSEGNA = /<consegna>([^<]{1,400})<\/consegna>/i;
const ERRORE_ESTESO = /<errore-esteso>([^<]{1,1000})<\/errore-esteso>/i;
const DESTINATARI = /<destinatari\b[^>]{0,100}>([^<]{1,400})<\/destinatari>/gi;
/**
 * The subject's prefix of the notices about a message not delivered within the maximum time
 * (the twelve-hour warning and the notice at twenty-four hours): kept, without the original
 * subject after it, as the recipient's words ("expired/localised" reads it).
 */
const TIME_LIMIT_SUBJECT = /^\s*(avviso di mancata consegna per sup\. tempo massimo)\b/i;
const ADDRESS = /[^\s<>"',;]{1,64}@[A-Za-z0-9][A-Za-z0-9.-]{0,252}\.[A-Za-z]{2,63}/;

/**
 * A PEC provider's envelope: "X-Trasporto: posta-certificata" around certified mail, "X-Trasporto:
 * errore" (subject "ANOMALIA MESSAGGIO: <subject>") around mail that came from outside PEC,
 * a bounce from an ordinary server among it (Aruba's PEC guide, guide.pec.it "FAQ: gestione e
 * utilizzo"; SupportHost's "Anomalia Messaggio: Undelivered Mail Returned to Sender",
 * supporthost.com/it/?p=59525). The message it delivers is attached whole (postacert.eml).
 */
export function isPecEnvelope(top: Header[]): boolean {
  return /^\s*(?:posta-certificata|errore)\s*$/i.test(headerValue(top, 'x-trasporto'));
}

export interface PecNotice {
  recipients: ProseRecipient[];
  /** The twelve-hour warning: the message may still be delivered. */
  delayed: boolean;
  decidedBy: string[];
}

function xmlText(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

function addressIn(s: string): string {
  const m = ADDRESS.exec(xmlText(s));
  return m ? normaliseAddress(m[0]) : '';
}

function daticertOf(root: MimeEntity): string {
  for (const e of walkEntities(root)) {
    if (e.parts.length || e.message) continue;
    const name = e.params.name ?? '';
    const disposition = /filename\s*=\s*"?([^";]{1,100})/i.exec(headerValue(e.headers, 'content-disposition'))?.[1] ?? '';
    if (DATICERT_NAME.test(name.trim()) || DATICERT_NAME.test(disposition.trim()))
      return entityText(e, e.params.charset ? undefined : 'utf-8').slice(0, MAX_DATICERT_CHARS);
  }
  return '';
}

/**
 * The recipient a PEC provider's notice of non-delivery names, with its error; undefined when
 * the message is no such notice (no X-Ricevuta of a failure, or no daticert.xml of that kind).
 */
export function readPecNotice(top: Header[], root: MimeEntity): PecNotice | undefined {
  const receipt = headerValue(top, 'x-ricevuta').trim().toLowerCase();
  const delayed = FAILURE_RECEIPTS.get(receipt);
  if (delayed === undefined) return undefined;
  const data = daticertOf(root);
  const postacert = POSTACERT.exec(data);
  if (!postacert || TIPO.exec(postacert[1])?.[1].toLowerCase() !== receipt) return undefined;
  const error = ERRORE_ESTESO.exec(data);
  const timeLimit = TIME_LIMIT_SUBJECT.exec(decodeHeaderValue(headerValue(top, 'subject')));
  const lines = [...(timeLimit ? [timeLimit[1]] : []), ...(error ? [xmlText(error[1])] : [])];
  const consegna = CONSEGNA.exec(data);
  // Without <consegna>, the message's only recipient is the one the notice is about; of
  // several, none can be told from the others (a 5.1.1 must not condemn them all).
  const listed: string[] = [];
  if (!consegna)
    for (const m of data.matchAll(DESTINATARI)) {
      listed.push(addressIn(m[1]));
      if (listed.length >= MAX_DESTINATARI) break;
    }
  const address = consegna ? addressIn(consegna[1]) : listed.length === 1 ? listed[0] : '';
  if (!address) return undefined;
  return {
    recipients: [{ address, lines }],
    delayed,
    decidedBy: [`pec:${receipt}`, consegna ? 'pec:daticert consegna' : 'pec:daticert destinatari'],
  };
}
