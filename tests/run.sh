#!/usr/bin/env bash
# The one test command (npm test): Node 24, npm dependencies, the Debian test servers
# (Postfix, Dovecot, swaks, Chromium), then the type check and the whole vitest suite.
set -euo pipefail
REBOUND_ROOT="$(cd "$(dirname "$0")/.." && pwd)"
export REBOUND_ROOT
. "$REBOUND_ROOT/src/bin/env.sh"
bash "$REBOUND_ROOT/tests/setup/install-test-servers.sh"
cd "$REBOUND_ROOT"
echo "== type check (tsc --noEmit)"
npx tsc --noEmit -p tsconfig.json
echo "== tests (vitest) on node $(node --version)"
exec npx vitest run --config tests/vitest.config.ts "$@"
