// How servers word the reason `hostunknown` (see ../README.md). One rule per wording family,
// one phrase per line, each rule with a quote of real server text and where it comes from.

import type { ReasonRule } from '../reasons.ts';

export const HOSTUNKNOWN_RULES: readonly ReasonRule[] = [
  // Replies that name the recipient's domain as unknown in words that also hold "unknown ...
  // address" or "recipient ... unknown" (Postfix's reject_unknown_recipient_domain under a
  // site's own text, "Recipient address rejected: unknown domain name"; "Mail domain
  // mentioned in email address is unknown"; "recipient domain must exist"): tried before the
  // unknown-user rules, which would read them as a missing mailbox.
  {
    id: 'hostunknown/recipient-domain-unknown',
    reason: 'hostunknown',
    phrases: [
      String.raw`mail domain mentioned in (?:the )?e-?mail address is unknown`,
      String.raw`recipient address rejected: unknown domain`,
      String.raw`recipient domain must exist`,
    ],
    quote: '550 5.1.2 <user@example.net>: Recipient address rejected: unknown domain name',
  },
  {
    id: 'hostunknown/no-such-domain',
    reason: 'hostunknown',
    phrases: [
      String.raw`(?<![@\w.-])[a-z0-9][a-z0-9.-]*\.[a-z]{2,} (?:does not exist|not found)`,
      String.raw`host (?:or domain name )?(?:is )?(?:unknown|not found)`,
      String.raw`unknown (?:host|domain)`,
      String.raw`no such (?:domain|host)`,
      String.raw`domain (?:name )?(?:does not exist|not found|not exist|is invalid|unknown)`,
      // au (KDDI)'s notice, written without the apostrophe: "As the remote domain doesnt
      // exist, your message was not delivered."
      String.raw`remote domain does ?n'?t exist`,
      String.raw`name or service not known`,
      // Postfix's src/dns/dns_lookup.c before it asks, for a name that is no valid domain name
      // (it answers as for NXDOMAIN): "Name service error for %s: invalid host or domain name".
      String.raw`name service error for \S+: invalid host or domain name`,
      String.raw`nxdomain`,
      String.raw`unrouteable (?:mail domain|address)`,
      String.raw`domain (?:is )?not (?:reachable|resolvable)`,
      String.raw`no (?:valid )?(?:mx|a) records? (?:found|for)`,
      String.raw`illegal host/domain`,
      String.raw`mail exchanger not found`,
      String.raw`could not resolve (?:domain|host)`,
      String.raw`host name lookup failure`,
      String.raw`bad destination system`,
      String.raw`dns error: domain name not found`,
      String.raw`recipient (?:address )?rejected: domain not found`,
      String.raw`invalid domain`,
      String.raw`non-?existent domain`,
      // chkuser, the qmail-smtpd patch (chkuser_settings.h, CHKUSER_RCPTMX_STRING), sent with
      // 5.1.1 by old releases: the recipient's domain has no mail exchanger, not the mailbox.
      String.raw`(?:can't|cannot) find a valid mx for rcpt domain`,
      // Exim's dnslookup router on a recipient domain that is not a domain name
      // (src/src/routers/dnslookup.c: "mail domain %q is syntactically invalid").
      String.raw`mail domain "[^"]{0,255}" is syntactically invalid`,
    ],
    quote: '550 5.1.2 Host unknown (Name server: example.invalid: host not found)',
  },
  // Exim's dnslookup router when every MX names a host that does not exist
  // (src/src/routers/dnslookup.c), or when no address of any host could be found and the
  // lookups failed for good (src/src/transports/smtp.c): the domain cannot be routed to.
  {
    id: 'hostunknown/mx-point-nowhere',
    reason: 'hostunknown',
    phrases: [String.raw`all relevant mx records point to non-existent hosts`, String.raw`all host address lookups failed permanently`],
    quote: 'all relevant MX records point to non-existent hosts',
  },
  // cPanel's Exim configuration gives its dnslookup routers this cannot_route_message: the
  // words Exim returns when no router could route a remote address (the domain has no MX
  // or address record; a temporary DNS failure defers instead of failing). Quoted in a remote
  // Exim's multi-line reply, its continuation prefix ("550-") may cut the sentence, so only its
  // opening words are asked for; "they may be blacklisted" is stock wording, not a block list.
  {
    id: 'hostunknown/cpanel-cannot-route',
    reason: 'hostunknown',
    phrases: [String.raw`\bthe account or (?:5\d\d-)?domain may not exist\b`],
    quote:
      'The mail server could not deliver mail to user@example.net.  The account or domain may not exist, they may be blacklisted, or missing the proper dns entries.',
  },
  // The recipient's domain not found, in notices written in other languages ("Die Domäne
  // example.net wurde nicht gefunden", "Le domaine example.net est introuvable", "No se ha
  // encontrado el dominio", "Il dominio ... non è stato trovato", "O domínio ... não foi
  // encontrado", "Het domein ... is niet gevonden", "Nie znaleziono domeny", "Домен ... не
  // найден", "ドメイン ... が見つかりません", "找不到域名"), and "域名不存在" as a Chinese host
  // lists its bounce texts (emailhost.com.cn, "[退信] 域名不存在:DNS query error"). Apart from
  // that one, the same statement as each language says it, not checked against a published
  // notice. Tried before the unknown-user rules.
  {
    id: 'hostunknown/localised',
    reason: 'hostunknown',
    phrases: [
      // A whole word (not "Absenderdomain"), the gap a domain name only, and not a DNS or SPF record of it.
      String.raw`(?<!eintrag (?:für|der) )\b(?:domäne|domain) (?:[a-z0-9.-]{1,253}\.[a-z]{2,63} )?(?:wurde nicht gefunden|existiert nicht|nicht gefunden)`,
      String.raw`domaine (?:\S{1,255} )?(?:est introuvable|introuvable|n['’]existe pas|inexistant)`,
      String.raw`no se ha encontrado el dominio`,
      String.raw`dominio (?:\S{1,255} )?(?:no existe|inexistente|non esiste|non (?:è stato )?trovato)`,
      String.raw`domínio (?:\S{1,255} )?(?:não (?:foi )?encontrado|não existe|inexistente)`,
      String.raw`domein (?:\S{1,255} )?(?:is niet gevonden|niet gevonden|bestaat niet)`,
      String.raw`nie znaleziono domeny`,
      String.raw`domena (?:\S{1,255} )?nie istnieje`,
      String.raw`домен (?:\S{1,255} )?не (?:найден|существует)`,
      String.raw`ドメイン ?(?:\S{1,255} ?)?が(?:見つかりません|存在しません)`,
      String.raw`找不到域名`,
      String.raw`域名不存在`,
      String.raw`doména (?:\S{1,255} )?(?:nebyla nalezena|neexistuje)`,
      String.raw`domänen (?:\S{1,255} )?(?:hittades inte|finns inte)`,
      String.raw`etki alanı bulunamadı`,
      String.raw`도메인을 찾을 수 없습니다`,
    ],
    quote: 'Die Domäne example.net wurde nicht gefunden.',
  },
];
