#!/bin/sh
# What `npm run bench` needs beyond the test setup (tests/setup/install-test-servers.sh):
# Sisimai, the reference bounce parser the classify part runs side by side with rebound's
# CLI (Debian's libsisimai-perl). Without it the classify part says so and skips that row.
set -eu
if perl -MSisimai -e 1 2>/dev/null; then exit 0; fi
if command -v apt-get >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] && SUDO= || SUDO=sudo
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends libsisimai-perl
else
  echo "bench setup: install Sisimai (Perl) for the classify comparison: cpanm Sisimai" >&2
fi
