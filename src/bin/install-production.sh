#!/bin/sh
# Installs rebound's production dependencies only (no test tools). The Dockerfile runs this,
# and so does the container smoke test (tests/e2e/container-smoke.test.ts), so the recipe is
# checked without Docker.
set -eu
cd "$(dirname "$0")/../.."
npm ci --omit=dev --no-audit --no-fund --loglevel=error
