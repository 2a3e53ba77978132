#!/usr/bin/env bash
# The one test command (npm test): Node 24, npm dependencies, the Debian test servers
# (Postfix, Dovecot, swaks, Chromium, PostgreSQL), then the type check, lint, the format check and the
# whole vitest suite. `npm run test:unit` is the quick subset that needs none of the servers.
set -euo pipefail
REBOUND_ROOT="$(cd "$(dirname "$0")/.." && pwd)"
export REBOUND_ROOT
. "$REBOUND_ROOT/src/bin/env.sh"
bash "$REBOUND_ROOT/tests/setup/install-test-servers.sh"
cd "$REBOUND_ROOT"
echo "== type check (tsc --noEmit)"
npx tsc --noEmit -p tsconfig.json
echo "== lint (eslint)"
npx eslint .
echo "== format (prettier --check)"
npx prettier --check --log-level warn .
echo "== tests (vitest) on node $(node --version)"
results="$(mktemp)"
status=0
npx vitest run --config tests/vitest.config.ts --reporter=default --reporter=json --outputFile.json="$results" "$@" || status=$?
# One plain closing line per pass ("N passed, N failed") that any CI reader understands.
summary() {
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const skipped = r.numPendingTests + r.numTodoTests;
    console.log(`${process.argv[2]}: ${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
  ' "$1" "$2" || true
  rm -f "$1"
}
summary "$results" tests
# The whole suite again with the store on PostgreSQL (REBOUND_TEST_ENGINE=postgres): every test
# that opens a store or starts the app or a command follows the run's engine
# (tests/harness/test-store.ts, app-env.ts storeEnv, the dashboard fixture), on one private
# cluster for the run (tests/harness/pg-suite.ts). Tests about SQLite itself (WAL, backup, its
# files, its driver) skip there; pure tests simply run again. Only when no files were named: a
# run of chosen files is one run.
if [ "$#" -eq 0 ]; then
  echo "== tests on PostgreSQL (REBOUND_TEST_ENGINE=postgres)"
  results="$(mktemp)"
  REBOUND_TEST_ENGINE=postgres npx vitest run --config tests/vitest.config.ts --reporter=default --reporter=json --outputFile.json="$results" || status=$?
  summary "$results" "tests on PostgreSQL"
fi
exit "$status"
