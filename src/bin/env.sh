# Sourced by the launcher and the test runner: puts Node 24 first on PATH and installs the
# project's npm dependencies when they are missing or were installed for another Node.
# The caller sets REBOUND_ROOT to the checkout's top folder.
root="$REBOUND_ROOT"
# The official Node binary trusts only its bundled CAs; where the system's store holds a
# local registry mirror's CA, let Node (and npm running on it) trust the system store too.
if [ -z "${NODE_EXTRA_CA_CERTS:-}" ] && [ -r /etc/ssl/certs/ca-certificates.crt ]; then
  NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
  export NODE_EXTRA_CA_CERTS
fi
nodebin="$(sh "$root/src/bin/ensure-node.sh")"
PATH="$nodebin:$PATH"
export PATH
# Native addons (if any) build against the headers that ship with this Node, not /usr's.
npm_config_nodedir="${nodebin%/*}"
export npm_config_nodedir
stamp="$root/node_modules/.rebound-installed"
# The full check starts Node once (`node -p`, ~0.1 s of CPU, a fifth of a short `rebound
# classify`); it is skipped when this very Node binary (path, size, mtime) and lock file
# (checksum) were checked before. Any change to either, or a missing stamp, runs it again.
checked="$root/node_modules/.rebound-checked"
# Without a working stat, every start runs the full check.
seen="$(stat -L -c '%s %Y' "$nodebin/node" 2>/dev/null)" && seen="$nodebin $seen $(cksum < "$root/package-lock.json")" || seen=""
if [ -z "$seen" ] || [ ! -f "$stamp" ] || [ ! -f "$checked" ] || [ "$(cat "$checked")" != "$seen" ]; then
  want="$(node -p process.versions.modules)-$(cksum < "$root/package-lock.json" | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "rebound: installing npm dependencies (npm ci) ..." >&2
    (cd "$root" && npm ci --no-audit --no-fund --loglevel=error >&2)
    echo "$want" > "$stamp"
  fi
  # A read-only checkout still runs; it only checks again next time.
  if [ -n "$seen" ]; then { echo "$seen" > "$checked"; } 2>/dev/null || true; fi
fi
