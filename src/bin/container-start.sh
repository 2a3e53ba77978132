#!/bin/sh
# How the container starts rebound: listen on every interface inside the container (compose
# maps the ports), data under /data unless DATA_DIR says otherwise. The smoke test runs this.
set -eu
cd "$(dirname "$0")/../.."
export DATA_DIR="${DATA_DIR:-/data}"
export WEBUI_HOST="${WEBUI_HOST:-0.0.0.0}"
export LMTP_LISTEN="${LMTP_LISTEN:-0.0.0.0:2424}"
export SOCKETMAP_LISTEN="${SOCKETMAP_LISTEN:-0.0.0.0:2426}"
export POLICY_LISTEN="${POLICY_LISTEN:-0.0.0.0:2427}"
# As src/bin/rebound: the compile cache before the first .ts file, two malloc arenas, a 4 MB
# young generation.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
export NODE_COMPILE_CACHE="${NODE_COMPILE_CACHE:-/tmp/node-compile-cache}"
exec node --max-semi-space-size=4 src/cli.ts start
