// Cloudmark Gateway, the SMTP relay and MX product behind European hosts' mail, read in the
// replies two of them document word for word. Every reply carries the gateway's 22-character
// session token before its words ("550 5.1.0 piWs1j0010jifNx01iWsdh authentication failed");
// the rules are known by that token, or by the help article a block names, never by a host.
//
// Forpsi (INTERNET CZ), the Czech host also serving Slovakia and Poland: support.forpsi.com
// /kb/a3147 (SMTP server configuration), kb/a3898 and support.forpsi.sk/kb/a3902
// (authorisation), podpora.forpsi.com/kb/a3904 (limits), support.konto.pl/kb/a2765, a2813 and
// support.forpsi.pl/kb/a2873 (the "policy violation" blocks, Polish), support.forpsi.com
// /kb/a4656 (a domain's accounts blocked). Its blocks name the article that explains them
// ("policy violation, see https://support.forpsi.com/kb/a4081"); the Polish relay words it
// "Naruszenie zasad <token>, zobacz .../kb/a4071". The status is always 5.1.0, which says
// nothing.
//
// Aruba Business (Italy): guide.arubabusiness.it, "Errori comuni durante l'invio e la
// ricezione della posta": "X.X.X <token> policy violation" with no article is a temporary
// refusal for sending too many messages ("invio di un numero eccessivo di messaggi (o
// violazione similare)", keep to 200-300 every 20 minutes).
import type { ReasonRule } from '../reasons.ts';

/** The gateway's session token before its words ("piws1j0010jifnx01iwsdh", lower-cased). */
const TOKEN = String.raw`\b[a-z0-9]{22}`;
/** A block's words and the article that explains it, in English or Polish. */
const POLICY = String.raw`(?:policy violation|naruszenie zasad)\b.{0,60}/kb/a`;

export const CLOUDMARK_RULES: readonly ReasonRule[] = [
  // kb/a3898: "authentication rejected access disabled" is an account whose SMTP access Forpsi
  // has blocked ("zablokovaný smtp přístup - je třeba kontaktovat naši podporu"): the sender's
  // account is refused, whatever the password. kb/a2813 (Polish) and kb/a4656: an account, or
  // every account of a domain, sent spam (to many qq.com or yahoo.com addresses, to addresses
  // like spam recipients') and may not send for 60 minutes or 24 hours.
  {
    id: 'rejected/forpsi-account-blocked',
    reason: 'rejected',
    phrases: [String.raw`${TOKEN} authentication rejected access disabled\b`, String.raw`${POLICY}(?:4071|4656)\b`],
    traits: ['sender'],
    quote: '550 5.1.0 Naruszenie zasad cNkj1y0022zrrQM01NkjaD, zobacz https://support.forpsi.com/kb/a4071',
  },
  // kb/a3898: "authentication failed" (a wrong password) and "authentication rejected" (a
  // user name that is not the whole address): SMTP AUTH, not SPF, DKIM or DMARC.
  {
    id: 'securityerror/cloudmark-smtp-auth',
    reason: 'securityerror',
    phrases: [String.raw`${TOKEN} authentication (?:failed|rejected)\b`],
    quote: '550 5.1.0 piWs1j0010jifNx01iWsdh authentication failed',
  },
  // kb/a2765 and kb/a2873 (Polish): over 100 messages from one public IP address within an
  // hour, more than half undeliverable or to invalid recipients; the relay refuses that IP
  // for 60 minutes, whoever sends from it. The sending host, not the recipient.
  {
    id: 'blocked/forpsi-ip-blocked',
    reason: 'blocked',
    phrases: [String.raw`${POLICY}(?:4075|4077|4081)\b`],
    quote: '550 5.1.0 cNkj1y0022zrrQM01NkjaD policy violation, see https://support.forpsi.com/kb/a4081',
  },
  // kb/a3904: more than 250 messages a minute, 1000 an hour or 20000 a day from one IP
  // address or account.
  {
    id: 'speeding/forpsi-sending-limit',
    reason: 'speeding',
    phrases: [String.raw`${POLICY}3900\b`],
    quote: '5.1.0 piWs1j0010jifNx01iWsdh policy violation, see https://support.forpsi.com/kb/a3900',
  },
  // The bare "<token> policy violation", no article named, is the relay's sending limit: so
  // Aruba Business explains it, and so does Forpsi's Polish page on it (support.konto.pl
  // /kb/a2164, "Błąd 5.1.0": 250 messages a minute, 1000 an hour, or over half of more than
  // 100 an hour from one IP undeliverable). Tried after Forpsi's articles, which say
  // otherwise for some of theirs.
  {
    id: 'speeding/cloudmark-policy-violation',
    reason: 'speeding',
    phrases: [String.raw`${TOKEN} policy violation\b(?!,? see )`],
    quote: '451 4.7.0 iemL1p01Z0hMcT901emQ77 policy violation',
  },
];
