// The text rules: how mail servers word the reason a message failed, as data.
//
// Each rule has an id (reason/what-it-matches), the reason it decides (Sisimai's names),
// its phrases (one server wording per line, each a regular expression fragment) and a quote
// of the kind of server text it is written for. The rules live in one file per reason
// (reasons/) and one per provider's published codes (providers/); this file says the order
// they are tried in, on the lower-cased diagnostic with whitespace collapsed, cut to
// MAX_RULE_INPUT characters (see compile.ts). The first rule that matches decides.
//
// Order matters: specific wordings come before general ones ("over quota" before "rejected",
// "spam" before "blocked"). Rules describe how an MTA or provider writes its bounces; none
// may name a host, address or file of the test corpus.

import type { Reason } from '../types.ts';
import { COX_RULES } from './providers/cox.ts';
import { GANDI_RULES } from './providers/gandi.ts';
import { OPTIMUM_RULES } from './providers/optimum.ts';
import { SPECTRUM_RULES } from './providers/spectrum.ts';
import { ORANGE_RULES } from './providers/orange.ts';
import { GOOGLE_RULES } from './providers/google.ts';
import { YAHOO_RULES } from './providers/yahoo.ts';
import { MICROSOFT_RULES } from './providers/microsoft.ts';
import { MESSAGELABS_RULES } from './providers/messagelabs.ts';
import { MCAFEE_RULES } from './providers/mcafee.ts';
import { BARRACUDA_RULES } from './providers/barracuda.ts';
import { MIMECAST_RULES } from './providers/mimecast.ts';
import { TENCENT_RULES } from './providers/tencent.ts';
import { ZOHO_RULES } from './providers/zoho.ts';
import { ALIYUN_RULES } from './providers/aliyun.ts';
import { GODADDY_RULES } from './providers/godaddy.ts';
import { MAILRU_RULES } from './providers/mailru.ts';
import { YANDEX_RULES } from './providers/yandex.ts';
import { APPLE_RULES } from './providers/apple.ts';
import { COMCAST_RULES } from './providers/comcast.ts';
import { UNITED_INTERNET_RULES } from './providers/united-internet.ts';
import { AOL_RULES } from './providers/aol.ts';
import { NETEASE_RULES } from './providers/netease.ts';
import { COREMAIL_RULES } from './providers/coremail.ts';
import { TRENDMICRO_RULES } from './providers/trendmicro.ts';
import { SOPHOS_RULES } from './providers/sophos.ts';
import { FACEBOOK_RULES } from './providers/facebook.ts';
import { CPANEL_RULES } from './providers/cpanel.ts';
import { BARUWA_RULES } from './providers/baruwa.ts';
import { SMARTERMAIL_RULES } from './providers/smartermail.ts';
import { HARAKA_RULES } from './providers/haraka.ts';
import { QPSMTPD_RULES } from './providers/qpsmtpd.ts';
import { DOVECOT_QUOTA_STATUS_RULES } from './providers/dovecot-quota-status.ts';
import { MAILCOW_RULES } from './providers/mailcow.ts';
import { COURIER_PYTHONFILTER_RULES } from './providers/courier-pythonfilter.ts';
import { OPENSMTPD_FILTER_RULES } from './providers/opensmtpd-filters.ts';
import { IREDAPD_RULES } from './providers/iredapd.ts';
import { PROXMOX_RULES } from './providers/proxmox.ts';
import { MIMEDEFANG_RULES } from './providers/mimedefang.ts';
import { CLUEBRINGER_RULES } from './providers/cluebringer.ts';
import { POSTFIX_SMTPD_RULES } from './providers/postfix-smtpd.ts';
import { POSTFWD_RULES } from './providers/postfwd.ts';
import { OPENDKIM_RULES } from './providers/opendkim.ts';
import { POLICYD_WEIGHT_RULES } from './providers/policyd-weight.ts';
import { MTPOLICYD_RULES } from './providers/mtpolicyd.ts';
import { SPFBL_RULES } from './providers/spfbl.ts';
import { CLAMSMTP_RULES } from './providers/clamsmtp.ts';
import { STALWART_RULES } from './providers/stalwart.ts';
import { MADDY_RULES } from './providers/maddy.ts';
import { POSTSCREEN_RULES } from './providers/postscreen.ts';
import { SMTPF_RULES } from './providers/smtpf.ts';
import { MOX_RULES } from './providers/mox.ts';
import { HMAILSERVER_RULES } from './providers/hmailserver.ts';
import { AMAVISD_RULES } from './providers/amavisd.ts';
import { VIPRE_RULES } from './providers/vipre.ts';
import { MAILCHANNELS_RULES } from './providers/mailchannels.ts';
import { CISCO_RULES } from './providers/cisco.ts';
import { HORNETSECURITY_RULES } from './providers/hornetsecurity.ts';
import { T_ONLINE_RULES } from './providers/t-online.ts';
import { EARTHLINK_RULES } from './providers/earthlink.ts';
import { ATT_RULES } from './providers/att.ts';
import { RACKSPACE_RULES } from './providers/rackspace.ts';
import { SFR_RULES } from './providers/sfr.ts';
import { KOREAN_PORTAL_RULES } from './providers/korean-portals.ts';
import { SHAW_RULES } from './providers/shaw.ts';
import { BT_RULES } from './providers/bt.ts';
import { SENDING_SERVICE_RULES } from './providers/sending-services.ts';
import { CLOUDMARK_RULES } from './providers/cloudmark.ts';
import { VADE_RULES } from './providers/vade.ts';
import { ZIMBRA_RULES } from './providers/zimbra.ts';
import { APACHE_JAMES_RULES } from './providers/apache-james.ts';
import { XMAIL_RULES } from './providers/xmail.ts';
import { PLESK_RULES } from './providers/plesk.ts';
import { WEB_HOST_RULES } from './providers/web-hosts.ts';
import { JAPANESE_CARRIER_RULES } from './providers/japanese-carriers.ts';
import { MAILBOXFULL_RULES } from './reasons/mailboxfull.ts';
import { SUPPRESSED_RULES } from './reasons/suppressed.ts';
import { EXCEEDLIMIT_RULES } from './reasons/exceedlimit.ts';
import { MESGTOOBIG_RULES } from './reasons/mesgtoobig.ts';
import { TOOMANYCONN_RULES } from './reasons/toomanyconn.ts';
import { NETWORKERROR_RULES } from './reasons/networkerror.ts';
import { BLOCKED_RULES } from './reasons/blocked.ts';
import { VIRUSDETECTED_RULES } from './reasons/virusdetected.ts';
import { NOTCOMPLIANTRFC_RULES } from './reasons/notcompliantrfc.ts';
import { AUTHFAILURE_RULES } from './reasons/authfailure.ts';
import { SPAMDETECTED_RULES } from './reasons/spamdetected.ts';
import { REQUIREPTR_RULES } from './reasons/requireptr.ts';
import { NORELAYING_RULES } from './reasons/norelaying.ts';
import { SUSPEND_RULES } from './reasons/suspend.ts';
import { HASMOVED_RULES } from './reasons/hasmoved.ts';
import { EXPIRED_RULES } from './reasons/expired.ts';
import { NOTACCEPT_RULES } from './reasons/notaccept.ts';
import { MAILERERROR_RULES } from './reasons/mailererror.ts';
import { REJECTED_RULES } from './reasons/rejected.ts';
import { FILTERED_RULES } from './reasons/filtered.ts';
import { USERUNKNOWN_RULES } from './reasons/userunknown.ts';
import { HOSTUNKNOWN_RULES } from './reasons/hostunknown.ts';
import { BADREPUTATION_RULES } from './reasons/badreputation.ts';
import { SPEEDING_RULES } from './reasons/speeding.ts';
import { POLICYVIOLATION_RULES } from './reasons/policyviolation.ts';
import { FAILEDSTARTTLS_RULES } from './reasons/failedstarttls.ts';
import { SECURITYERROR_RULES } from './reasons/securityerror.ts';
import { CONTENTERROR_RULES } from './reasons/contenterror.ts';
import { SYNTAXERROR_RULES } from './reasons/syntaxerror.ts';
import { SYSTEMERROR_RULES } from './reasons/systemerror.ts';
import { SYSTEMFULL_RULES } from './reasons/systemfull.ts';

export interface ReasonRule {
  id: string;
  reason: Reason;
  /**
   * The wordings, one per entry: regular expression fragments, matched case-insensitively
   * against the lower-cased text with addresses replaced by <@> (compile.ts). Any one decides.
   */
  phrases: readonly string[];
  /** An example of the server text the rule is for. */
  quote: string;
  /**
   * Lower-case strings of which the text must hold at least one for the rule to be tried:
   * a cheap test that spares running the pattern on texts that cannot match.
   */
  hints?: readonly string[];
  /** What the decision rules (rules/README.md) may ask of the rule besides its reason. */
  traits?: readonly RuleTrait[];
}

/**
 * weak: the words say only "refused" (a code or the SMTP phase says more);
 * mailbox-lookup: only a lookup of the mailbox writes this (not a filter at DATA time);
 * sender: the words are about the envelope sender, not the recipient;
 * temporary-dns: a name lookup failed for now (never an unknown host);
 * dns: a DNS or routing failure, a named cause that stays after the retry period;
 * expiry: the MTA says its retry period ran out;
 * connection: the server could not be reached or the connection broke;
 * receiver: the words name the receiving side's own failure, whatever the sender or the phase.
 */
export type RuleTrait = 'weak' | 'mailbox-lookup' | 'sender' | 'temporary-dns' | 'dns' | 'expiry' | 'connection' | 'receiver';

/** All rules, by id, from the per-reason and per-provider files. */
const ALL_RULES: readonly ReasonRule[] = [
  COX_RULES,
  GANDI_RULES,
  OPTIMUM_RULES,
  SPECTRUM_RULES,
  ORANGE_RULES,
  GOOGLE_RULES,
  YAHOO_RULES,
  MICROSOFT_RULES,
  MESSAGELABS_RULES,
  MCAFEE_RULES,
  BARRACUDA_RULES,
  MIMECAST_RULES,
  TENCENT_RULES,
  ZOHO_RULES,
  ALIYUN_RULES,
  GODADDY_RULES,
  MAILRU_RULES,
  YANDEX_RULES,
  APPLE_RULES,
  COMCAST_RULES,
  UNITED_INTERNET_RULES,
  AOL_RULES,
  NETEASE_RULES,
  COREMAIL_RULES,
  TRENDMICRO_RULES,
  SOPHOS_RULES,
  FACEBOOK_RULES,
  CPANEL_RULES,
  BARUWA_RULES,
  SMARTERMAIL_RULES,
  HARAKA_RULES,
  QPSMTPD_RULES,
  DOVECOT_QUOTA_STATUS_RULES,
  MAILCOW_RULES,
  COURIER_PYTHONFILTER_RULES,
  OPENSMTPD_FILTER_RULES,
  IREDAPD_RULES,
  PROXMOX_RULES,
  MIMEDEFANG_RULES,
  CLUEBRINGER_RULES,
  POSTFIX_SMTPD_RULES,
  POSTFWD_RULES,
  OPENDKIM_RULES,
  POLICYD_WEIGHT_RULES,
  MTPOLICYD_RULES,
  SPFBL_RULES,
  CLAMSMTP_RULES,
  STALWART_RULES,
  MADDY_RULES,
  POSTSCREEN_RULES,
  SMTPF_RULES,
  MOX_RULES,
  HMAILSERVER_RULES,
  AMAVISD_RULES,
  VIPRE_RULES,
  MAILCHANNELS_RULES,
  CISCO_RULES,
  HORNETSECURITY_RULES,
  T_ONLINE_RULES,
  EARTHLINK_RULES,
  ATT_RULES,
  RACKSPACE_RULES,
  SFR_RULES,
  KOREAN_PORTAL_RULES,
  SHAW_RULES,
  BT_RULES,
  SENDING_SERVICE_RULES,
  CLOUDMARK_RULES,
  VADE_RULES,
  ZIMBRA_RULES,
  APACHE_JAMES_RULES,
  XMAIL_RULES,
  PLESK_RULES,
  WEB_HOST_RULES,
  JAPANESE_CARRIER_RULES,
  SUPPRESSED_RULES,
  MAILBOXFULL_RULES,
  EXCEEDLIMIT_RULES,
  MESGTOOBIG_RULES,
  TOOMANYCONN_RULES,
  NETWORKERROR_RULES,
  BLOCKED_RULES,
  VIRUSDETECTED_RULES,
  NOTCOMPLIANTRFC_RULES,
  AUTHFAILURE_RULES,
  SPAMDETECTED_RULES,
  REQUIREPTR_RULES,
  NORELAYING_RULES,
  SUSPEND_RULES,
  HASMOVED_RULES,
  EXPIRED_RULES,
  NOTACCEPT_RULES,
  MAILERERROR_RULES,
  REJECTED_RULES,
  FILTERED_RULES,
  USERUNKNOWN_RULES,
  HOSTUNKNOWN_RULES,
  BADREPUTATION_RULES,
  SPEEDING_RULES,
  POLICYVIOLATION_RULES,
  FAILEDSTARTTLS_RULES,
  SECURITYERROR_RULES,
  CONTENTERROR_RULES,
  SYNTAXERROR_RULES,
  SYSTEMERROR_RULES,
  SYSTEMFULL_RULES,
].flat();

/** Every rule in order of precedence: the first that matches decides (see README.md). */
export const REASON_RULES: readonly ReasonRule[] = byPrecedence([
  // ---- a DNS block list's error answer passed on as a listing (the receiver's setup) ------
  'systemerror/dnsbl-query-refused',
  // ---- providers' published reply codes ---------------------------------------------------
  'blocked/cox-ip',
  'rejected/cox-account',
  'requireptr/cox-dns',
  'authfailure/cox-sender',
  'toomanyconn/cox-connections',
  'spamdetected/cox-url',
  'blocked/spectrum-ip',
  'requireptr/spectrum-dns',
  'policyviolation/spectrum-policy',
  'toomanyconn/spectrum-connections',
  'speeding/spectrum-volume',
  'speeding/roadrunner-outbound-limit',
  'rejected/spectrum-sender',
  'blocked/orange-ip',
  'toomanyconn/orange-connections',
  'securityerror/orange-auth',
  'authfailure/orange-spf-dmarc',
  'rejected/orange-sender',
  'userunknown/orange-recipient',
  'mailboxfull/orange-quota',
  'suspend/orange-account',
  'systemerror/orange-try-later',
  'spamdetected/orange-content',
  'mesgtoobig/orange-size',
  'policyviolation/orange-client',
  'virusdetected/gandi-rule1',
  'spamdetected/gandi-rule2-3',
  'speeding/optimum-flooding',
  'toomanyconn/optimum-resources',
  'speeding/gmail-sending-limit',
  'authfailure/gmail-spf',
  'failedstarttls/gmail-tls-required',
  'requireptr/gmail-ptr',
  'networkerror/gmail-connection-expired',
  'policyviolation/gmail-policy',
  'blocked/gmail-ip-whitelist',
  'hostunknown/gmail-domain-not-found',
  'hostunknown/gmail-dns-no-data',
  'rejected/mailchannels-account-unsolicited',
  'blocked/gmail-unsolicited-rate',
  'notcompliantrfc/gmail-headers',
  'authfailure/gmail-alignment',
  'blocked/yahoo-deferred',
  'rejected/yahoo-sender-domain',
  'rejected/microsoft-banned-sending-account',
  'rejected/microsoft-send-as-denied',
  'userunknown/microsoft-recipient-not-valid',
  'blocked/microsoft-recipient-organization',
  'failedstarttls/microsoft-dane',
  'authfailure/outlook-com-authentication-level',
  'policyviolation/microsoft-tenant-block-list',
  'blocked/microsoft-ip',
  'blocked/outlook-com-codes',
  'speeding/outlook-com-rate-codes',
  'toomanyconn/outlook-com-connection-code',
  'speeding/microsoft-rate',
  'policyviolation/microsoft-external-forwarding',
  'blocked/microsoft-transport-or-customer-list',
  'filtered/microsoft-delivery-restriction',
  'securityerror/microsoft-not-authenticated-by-organization',
  'blocked/exchange-ip-block-list',
  'spamdetected/exchange-content-filter-quarantine',
  'policyviolation/exchange-attachment-filter',
  'authfailure/exchange-sender-id-missing-pra',
  'systemerror/exchange-store-driver-properties',
  'filtered/exchange-administrative-action',
  'contenterror/exchange-categorizer',
  'policyviolation/messagelabs-spoofing',
  'blocked/messagelabs-connection-policy',
  'speeding/qq-recipient-flood',
  'speeding/qq-sender-frequency',
  'filtered/qq-rejected-by-recipient',
  'spamdetected/qq-content',
  'badreputation/qq-spam-sender',
  'userunknown/mimecast-invalid-recipient',
  'blocked/mimecast-ip-blocked',
  'filtered/zoho-domain-policy',
  'rejected/zoho-sender',
  'speeding/zoho-unusual-activity',
  'contenterror/zeptomail-subject-mandatory',
  'rejected/aliyun-local-sender',
  'userunknown/aliyun-not-local',
  'speeding/aliyun-recipient-threshold',
  'mesgtoobig/aliyun-length-threshold',
  'policyviolation/aliyun-attachment-count',
  'notcompliantrfc/godaddy-from',
  'spamdetected/godaddy-content',
  'blocked/godaddy-inbound',
  'rejected/mailru-sending-disabled',
  'spamdetected/mailru-spam',
  'suspend/yandex-policy-rejection',
  'userunknown/yandex-no-correct-recipients',
  'blocked/yandex-spam-statistics',
  'spamdetected/yandex-suspicion',
  'speeding/icloud-excessive-volume',
  'spamdetected/icloud-dbl',
  'userunknown/qq-mailbox-not-found',
  'userunknown/yandex-no-such-user',
  'filtered/barracuda-blocked',
  'blocked/comcast-codes',
  'blocked/united-internet-policy',
  'mailboxfull/webde-storage',
  'userunknown/webde-unknown-local-part',
  'securityerror/microsoft-not-authenticated',
  'spamdetected/messagelabs-denied-mode',
  'spamdetected/mcafee-denied-content',
  'policyviolation/barracuda-spoofed',
  'policyviolation/messagelabs-content',
  'userunknown/messagelabs-notice',
  'filtered/mimecast-user-block',
  'rejected/mimecast-blocked-senders',
  'systemerror/mimecast-recipient-validation',
  'failedstarttls/mimecast-tls-route',
  'policyviolation/mimecast-content-examination',
  'securityerror/mimecast-submitter',
  'toomanyconn/mimecast-connections',
  'blocked/yahoo-vs-codes',
  'userunknown/yahoo-delivery-error',
  'spamdetected/aol-hvu-codes',
  'blocked/aol-codes',
  'requireptr/aol-dns-codes',
  'spamdetected/netease-content',
  'blocked/netease-ip',
  'toomanyconn/netease-connections',
  'speeding/netease-rate',
  'blocked/netease-helo',
  'authfailure/netease-spf-dmarc',
  'norelaying/netease-relay',
  'rejected/netease-sender',
  'userunknown/coremail-lookup',
  'suspend/coremail-hangup',
  'blocked/coremail-ip',
  'rejected/coremail-sender',
  'blocked/trendmicro-ers',
  'blocked/trendmicro-ddei',
  'norelaying/trendmicro-imss-forward-path',
  'authfailure/sophos-codes',
  'blocked/sophos-codes',
  'rejected/sophos-codes',
  'filtered/sophos-codes',
  'norelaying/sophos-codes',
  'userunknown/sophos-codes',
  'mesgtoobig/sophos-codes',
  'toomanyconn/sophos-codes',
  'speeding/sophos-codes',
  'userunknown/facebook-codes',
  'filtered/facebook-codes',
  'suspend/facebook-codes',
  'mesgtoobig/facebook-codes',
  'rejected/facebook-codes',
  'requireptr/facebook-codes',
  'toomanyconn/facebook-codes',
  'blocked/cpanel-junkmail-rbl',
  'toomanyconn/cpanel-hourly-limit',
  'blocked/baruwa-banned-ip',
  'blocked/baruwa-dictionary-attack',
  'rejected/baruwa-sender',
  'userunknown/baruwa-recipient-verification',
  'mailboxfull/smartermail-domain-size',
  'expired/smartermail-connect-attempts',
  'norelaying/haraka-cannot-deliver',
  'badreputation/haraka-karma',
  'toomanyconn/haraka-recipient-attempts',
  'notcompliantrfc/haraka-required-header',
  'spamdetected/haraka-phishing',
  'blocked/haraka-helo-checks',
  'requireptr/haraka-fcrdns',
  'rejected/haraka-access-domain',
  'rejected/haraka-list-null-sender',
  'systemerror/haraka-too-busy',
  'policyviolation/haraka-attachment',
  'blocked/haraka-early-talker',
  'rejected/haraka-bounce',
  'rejected/haraka-sender-no-mx',
  'networkerror/haraka-delivered-to-loop',
  'blocked/qpsmtpd-helo',
  'blocked/qpsmtpd-earlytalker',
  'badreputation/qpsmtpd-karma',
  'authfailure/qpsmtpd-dkim',
  'notcompliantrfc/qpsmtpd-headers',
  'contenterror/qpsmtpd-date-range',
  'systemerror/qpsmtpd-scanner-or-load',
  'systemerror/dovecot-quota-calculation',
  'spamdetected/mailcow-rspamd-reject',
  'policyviolation/pythonfilter-attachment',
  'expired/pythonfilter-comeagain',
  'systemerror/opensmtpd-filter-failed',
  'speeding/iredapd-throttling',
  'blocked/iredapd-rdns',
  'rejected/iredapd-sender',
  'expired/iredapd-greylisting',
  'expired/proxmox-greylisting',
  'contenterror/mimedefang-mime-structure',
  'systemerror/mimedefang-scanner-problem',
  'blocked/cluebringer-greylisting-blacklisted',
  'speeding/postfix-client-rate',
  'toomanyconn/postfix-tls-sessions',
  'speeding/postfwd-rate',
  'authfailure/opendkim-adsp-discardable',
  'blocked/policyd-weight-score',
  'speeding/cluebringer-quotas',
  'speeding/mtpolicyd-traffic-quota',
  'badreputation/mtpolicyd-commtouch',
  'authfailure/spfbl-spf-fail',
  'rejected/spfbl-sender',
  'spamdetected/clamsmtp-trustedsource',
  'blocked/stalwart-ehlo-domain',
  'suspend/stalwart-not-authorized-to-receive',
  'hostunknown/stalwart-mx-host-not-found',
  'systemerror/stalwart-address-lookup-failed',
  'networkerror/maddy-mx-lookup-temporary',
  'hostunknown/maddy-mx-lookup-error',
  'networkerror/maddy-no-usable-mx',
  'blocked/postscreen-denylist',
  'blocked/postscreen-broke-rules',
  'blocked/smtpf-host-name',
  'norelaying/mox-domain',
  'toomanyconn/mox-open-connections',
  'suspend/hmailserver-domain-disabled',
  'rejected/hmailserver-list-sender',
  'hostunknown/hmailserver-no-mail-servers',
  'networkerror/hmailserver-dns-query-failed',
  'networkerror/hmailserver-connection-closed',
  'policyviolation/amavisd-banned-unchecked',
  'norelaying/vipre-domain-not-configured',
  'userunknown/vipre-call-forward',
  'spamdetected/mailchannels-content',
  'blocked/mailchannels-rbl',
  'rejected/mailchannels-sender',
  'suppressed/mailchannels-unsubscribed',
  'expired/mailchannels-greylisted',
  'speeding/cisco-recipients-per-hour',
  'blocked/cisco-hat-delayed-rejection',
  'filtered/hornetsecurity-block-list',
  'blocked/hornetsecurity-spam-ip',
  'mesgtoobig/hornetsecurity-size',
  'policyviolation/hornetsecurity-content-rules',
  'blocked/t-online-ip',
  'blocked/earthlink-codes',
  'requireptr/earthlink-dns',
  'toomanyconn/earthlink-connections',
  'speeding/earthlink-volume',
  'systemerror/earthlink-unavailable',
  'blocked/earthlink-dynamic-ips',
  'blocked/att-unauthorized-interface',
  'requireptr/att-dns',
  'rejected/att-sender-domain',
  'toomanyconn/att-busy',
  'blocked/rackspace-throttled',
  'networkerror/rackspace-dmarc-lookup',
  'blocked/sfr-codes',
  'speeding/sfr-volume',
  'blocked/korean-portal-ip-control',
  'toomanyconn/shaw-cloudmark-connections',
  'speeding/bt-too-many-messages',
  'norelaying/bt-recipient-not-authorised',
  'rejected/sending-service-unverified-sender',
  'speeding/sendgrid-credits',
  'securityerror/sending-service-credentials',
  'norelaying/mailgun-sandbox',
  'rejected/forpsi-account-blocked',
  'securityerror/cloudmark-smtp-auth',
  'blocked/forpsi-ip-blocked',
  'speeding/forpsi-sending-limit',
  'speeding/cloudmark-policy-violation',
  'userunknown/vade-recipient',
  'blocked/vade-threat-network',
  'requireptr/vade-reverse-dns',
  'toomanyconn/vade-connections',
  'speeding/vade-messages',
  'speeding/ox-outbound-limits',
  'systemerror/zimbra-mailbox-elsewhere',
  'policyviolation/zimbra-blocked-extension',
  'blocked/james-dnsrbl',
  'expired/james-greylist',
  'hostunknown/james-no-dns-entries',
  'networkerror/james-temporary-lookup',
  'userunknown/xmail-unknown-user-in-domain',
  'hostunknown/xmail-recipient-domain',
  'mailboxfull/xmail-mailbox-size',
  'filtered/xmail-server-filters',
  'speeding/plesk-outgoing-limit',
  'toomanyconn/epost-accepting-limit',
  'speeding/dreamhost-smtp-quota',
  'toomanyconn/bluehost-session-limit',
  'expired/bluehost-greylisting',
  'policyviolation/unavailable-policy-restrictions',
  'spamdetected/mediatemple-abuse-detected',
  'blocked/hostgator-dictionary-attack',
  'speeding/daily-limit-exceeded-for',
  // ---- success, auto-replies ------------------------------------------------------------
  // ---- a sending service's own suppression list ------------------------------------------
  'suppressed/sending-service-list',
  'suppressed/sparkpost-policy',
  'suppressed/postmark-inactive',
  'suppressed/sendgrid-drop-reasons',
  // ---- mailbox full ---------------------------------------------------------------------
  'expired/greylisted',
  'expired/bare-try-again-later',
  'mailboxfull/mailbox-full',
  'mailboxfull/quota',
  'mailboxfull/localised',
  // ---- message too big / limits ---------------------------------------------------------
  'exceedlimit/recipient-size-limit',
  'mesgtoobig/list-and-helpdesk-size',
  'mesgtoobig/size',
  'mesgtoobig/length-over-limit',
  'mesgtoobig/localised',
  'toomanyconn/recipients',
  // ---- virus, spam, content -------------------------------------------------------------
  'contenterror/too-many-received',
  'networkerror/exim-connection',
  'networkerror/courier-connection',
  'systemerror/mx-points-to-self',
  'networkerror/opensmtpd-routes',
  'networkerror/sendmail-connection',
  'requireptr/sendmail-require-rdns',
  'rejected/sendmail-sender-domain',
  'networkerror/server-timeout',
  'filtered/blocked-by-recipient',
  'filtered/dovecot-sieve-reject',
  'filtered/delivery-program-refused',
  'blocked/ip-for-spam',
  'blocked/ip-held-by-provider',
  'blocked/ip-blocklist-link',
  'blocked/ip-found-in-dnsbl',
  'blocked/mta-dnsbl-template',
  'rejected/postfix-rhsbl-sender',
  'blocked/helo',
  'blocked/too-many-bad-recipients',
  'virusdetected/virus',
  'syntaxerror/smtp-protocol-violation',
  'syntaxerror/exim-protocol-errors',
  'notcompliantrfc/rfc',
  'securityerror/sasl-client',
  'authfailure/dmarc-spf-dkim',
  'spamdetected/spam',
  'spamdetected/localised',
  // ---- authentication of the sender domain ------------------------------------------------
  // ---- PTR / reverse DNS ----------------------------------------------------------------
  'requireptr/reverse-dns',
  'blocked/qmail-helo',
  // ---- relaying -------------------------------------------------------------------------
  'securityerror/relay-needs-auth',
  'norelaying/relay-denied',
  'norelaying/rcpthosts',
  // ---- the recipient's account ----------------------------------------------------------
  'suspend/disabled',
  'hasmoved/moved',
  // ---- the retry period ran out, a name could not be looked up for now ---------------------
  'expired/retry-timeout',
  'expired/localised',
  'systemerror/postfix-table-lookup',
  'systemerror/recipient-directory-entry',
  'networkerror/temporary-dns',
  // ---- the domain does not take mail ------------------------------------------------------
  'notaccept/rfc3463-not-accepting',
  'rejected/mailcleaner-sender',
  'rejected/rspamd-sender-null-mx',
  'notaccept/null-mx',
  // ---- sender rejected ------------------------------------------------------------------
  'userunknown/dovecot-lmtp-lookup',
  'mailererror/local-mailer',
  'rejected/backscatter',
  'rejected/sender',
  // ---- unknown recipient ----------------------------------------------------------------
  'systemfull/no-space-left',
  'systemerror/local-delivery-setup',
  'filtered/data-user-unknown',
  'systemfull/no-free-space',
  'hostunknown/recipient-domain-unknown',
  'hostunknown/localised',
  'userunknown/mailbox-lookup',
  'userunknown/alias-service-lookup',
  'userunknown/qmail-recipient-lists',
  'userunknown/unavailable-or-denied',
  'systemerror/postfix-verification-problem',
  'onhold/postfix-verification-pending',
  'onhold/postfix-unverified-address',
  'userunknown/unknown-or-illegal-address',
  'userunknown/no-such-user',
  'userunknown/localised',
  'userunknown/localised-lookup',
  'userunknown/recipient-refused',
  'userunknown/recipient-cannot-be-verified',
  'userunknown/unavailable',
  // ---- unknown host ---------------------------------------------------------------------
  'hostunknown/cpanel-cannot-route',
  'hostunknown/mx-point-nowhere',
  'hostunknown/no-such-domain',
  // ---- reputation, rate, connections ----------------------------------------------------
  'badreputation/reputation',
  'toomanyconn/connections',
  'toomanyconn/messages-per-session',
  'speeding/rate',
  // ---- blocked client (IP, host, network) -----------------------------------------------
  'policyviolation/policy',
  'blocked/spamdyke-client',
  'rejected/sender-blocklisted',
  'rejected/list-and-helpdesk-refusal',
  'blocked/listed',
  // ---- TLS and security -----------------------------------------------------------------
  'failedstarttls/tls-only',
  'failedstarttls/exim-tls-required',
  'failedstarttls/starttls',
  'securityerror/rfc3463-security',
  'securityerror/auth-required',
  // ---- policy and filtering -------------------------------------------------------------
  'rejected/list-posting',
  'filtered/recipient-refuses',
  'filtered/tmda-tagged-address',
  // ---- content and protocol -------------------------------------------------------------
  'contenterror/header-size',
  'contenterror/content',
  'syntaxerror/command',
  // ---- delivery over time and the network -----------------------------------------------
  'networkerror/dns',
  'networkerror/loop-detected',
  'networkerror/no-route-records',
  'systemerror/directory',
  'expired/sendmail-queue-return',
  'expired/imail-attempts',
  'expired/james-retries',
  'expired/gave-up',
  'networkerror/connection',
  // ---- the receiving system -------------------------------------------------------------
  'systemfull/mail-system-full',
  'systemfull/disk',
  'systemerror/rfc3463-system',
  'systemerror/server-error',
  'blocked/qmail-greeting-failed',
  // ---- message refused with no more detail ----------------------------------------------
  'rejected/refused',
]);

/** The rules in the order given; a rule missing from the order, or an unknown id, is an error. */
function byPrecedence(ids: readonly string[]): ReasonRule[] {
  const byId = new Map(ALL_RULES.map((r) => [r.id, r]));
  const ordered = ids.map((id) => {
    const rule = byId.get(id);
    if (!rule) throw new Error(`reason rule precedence names an unknown rule: ${id}`);
    return rule;
  });
  const missing = ALL_RULES.filter((r) => !ids.includes(r.id)).map((r) => r.id);
  if (missing.length) throw new Error(`reason rules missing from the precedence list: ${missing.join(', ')}`);
  return ordered;
}
