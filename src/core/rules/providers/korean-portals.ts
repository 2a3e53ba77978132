// Korean portals' refusals of a sending address, as Korean administrators' lists of return
// messages quote them (puffinknight.tistory.com/102 "대량 메일 발송으로 인해 대형포털로부터 IP가 차단된
// 경우", oliveit.tistory.com/39 and auctionpro.co.kr/?p=2544 for Daum/Kakao's hanmail.net codes).
// Naver's "Your IP(...) is filtered ... register your IP to http://realip.naver.com" and Daum's
// "DAS51 ...: Your mail is blocked automatically by anti-spam system" are read right by the
// general rules; this is the one that is not.

import type { ReasonRule } from '../reasons.ts';

export const KOREAN_PORTAL_RULES: readonly ReasonRule[] = [
  // "550-'Transaction failed. (SPAM_SUSPECT:IP_CONTROL) (http://cleanip.paran.com)'": the portal
  // controls the sending IP ("IP blocked by a large portal after bulk sending"), the message is
  // not judged as spam.
  {
    id: 'blocked/korean-portal-ip-control',
    reason: 'blocked',
    phrases: [String.raw`\(spam_suspect:ip_control\)`],
    hints: ['ip_control'],
    quote: "550-'Transaction failed. (SPAM_SUSPECT:IP_CONTROL) (http://cleanip.paran.com)'",
  },
];
