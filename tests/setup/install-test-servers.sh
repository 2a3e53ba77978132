#!/usr/bin/env bash
# Installs the real servers the end-to-end tests start: Postfix, Dovecot (IMAP), swaks,
# Chromium and PostgreSQL 15, from Debian's packages, without starting any of the packaged
# services.
# Idempotent: does nothing when everything is already there.
set -euo pipefail
need=()
command -v postfix >/dev/null 2>&1 || [ -x /usr/sbin/postfix ] || need+=(postfix)
# dovecot-imapd pulls in dovecot-core, which holds the oauth2 passdb and the XOAUTH2 and
# OAUTHBEARER mechanisms the IMAP OAuth2 tests use (Debian 12: 2.3.19); no other package.
[ -x /usr/sbin/dovecot ] || need+=(dovecot-imapd)
command -v swaks >/dev/null 2>&1 || need+=(swaks)
[ -x /usr/bin/chromium ] || need+=(chromium)
# PostgreSQL 15: tests/harness/postgres.ts runs initdb/pg_ctl from /usr/lib/postgresql/15/bin
# on a private cluster in a temp folder (as the postgres user the package creates).
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql)
# ps (the container smoke test reads a process's uid) and openssl (test certificates): in most
# images already; a minimal one may lack them.
command -v ps >/dev/null 2>&1 || need+=(procps)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "install-test-servers: need root to apt-get install ${need[*]}" >&2; exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# policy-rc.d answering 101 stops the packages' postinst scripts from starting the system
# Postfix/Dovecot on public ports; the tests run private loopback instances instead.
made_policy=0
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; made_policy=1
fi
trap '[ "$made_policy" = 1 ] && rm -f /usr/sbin/policy-rc.d' EXIT
# "No configuration": no /etc/postfix/main.cf; the tests use `postfix -c DIR`.
echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
echo "postfix postfix/mailname string localhost" | debconf-set-selections
echo "install-test-servers: apt-get install ${need[*]}" >&2
apt-get update -q >&2
apt-get install -y -q --no-install-recommends "${need[@]}" >&2
# Debian's postinst creates the cluster 15/main on port 5432 (policy-rc.d kept it from
# starting). The tests never use it: make sure it is down and stays down at boot.
if printf '%s\n' "${need[@]}" | grep -qx postgresql; then
  for conf in /etc/postgresql/*/main/start.conf; do
    if [ -f "$conf" ]; then sed -i 's/^auto$/manual/' "$conf"; fi
  done
  pg_lsclusters --no-header 2>/dev/null | awk '$4 == "online" { print $1, $2 }' | while read -r version cluster; do
    pg_ctlcluster "$version" "$cluster" stop >&2
  done
fi
