// Filters OpenSMTPD runs beside it, their own replies: filter-dnsbl (github:catap/opensmtpd-
// filter-dnsbl, 96a4eae, main.c: libopensmtpd's osmtpd_filter_disconnect writes "421 " before
// the text) and filter-clamav (github:mocheryl/opensmtpd-filter-clamav, b040137,
// filter-clamav.go). Known by the filters' own wording.

import type { ReasonRule } from '../reasons.ts';

export const OPENSMTPD_FILTER_RULES: readonly ReasonRule[] = [
  // The receiving side's own checks could not be run: filter-dnsbl's lookup of a block list
  // failed ("421 DNS error on zen.spamhaus.org", the whole reply: other servers' "DNS error on
  // <domain>: ..." speak of the recipient's domain; nothing was found listed), filter-clamav could
  // not have the message scanned ("451 4.7.1 Virus filter failed"; no virus was found).
  {
    id: 'systemerror/opensmtpd-filter-failed',
    reason: 'systemerror',
    phrases: [String.raw`^(?:421[ -])?dns error on [a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,8}\.?\s*$`, String.raw`\bvirus filter failed\b`],
    hints: ['dns error on', 'virus filter failed'],
    quote: '421 DNS error on zen.spamhaus.org',
  },
];
