#!/bin/sh
# Builds `rebound classify` as one file (the launcher, src/bin/rebound, runs it when it is
# current): src/commands/classify-main.ts and everything it imports, bundled by esbuild into
# node_modules/.cache/rebound/classify.mjs, and beside it classify.inputs.sh, a line the
# launcher sources to tell whether the files it was built from still hold what they held then
# (a checksum of their content, one `cat | cksum`). Exits non-zero when esbuild is missing or
# the build fails; the launcher then runs the sources.
# usage: sh src/bin/build-classify.sh ROOT
set -eu
root="$1"
esbuild="$root/node_modules/.bin/esbuild"
out="$root/node_modules/.cache/rebound"
[ -x "$esbuild" ] || exit 1
# A checkout the user cannot write to (installed read-only) runs the sources, without trying.
[ -w "$root/node_modules" ] || exit 1
mkdir -p "$out"
tmp="$out/classify.$$"
trap 'rm -f "$tmp.mjs" "$tmp.json" "$tmp.sh" "$tmp.cmd"' EXIT
# import.meta.url stands for the command's source file (classify.ts finds its worker thread's
# file next to it); the build sits three folders below the checkout.
"$esbuild" "$root/src/commands/classify-main.ts" --bundle --platform=node --format=esm --target=node24 \
  --external:mailparser --external:iconv-lite --define:import.meta.url=__reboundSourceUrl \
  "--banner:js=const __reboundSourceUrl = new URL('../../../src/commands/classify.ts', import.meta.url).href;" \
  --metafile="$tmp.json" --log-level=error --outfile="$tmp.mjs" >/dev/null 2>&1
# The inputs: the sources esbuild read, the lock file (the external packages' versions), this
# script and the launcher (the build's options). Their content decides, not their times: an
# upgrade copied with its files' old times (rsync -a, tar, cp -p) is still seen.
node -e '
const [meta, root, out] = process.argv.slice(1);
const path = require("node:path");
const files = Object.keys(JSON.parse(require("node:fs").readFileSync(meta, "utf8")).inputs).map((f) => path.resolve(f));
files.push(path.join(root, "package-lock.json"), path.join(root, "src/bin/build-classify.sh"), path.join(root, "src/bin/rebound"));
const q = (s) => "\x27" + s.replace(/\x27/g, "\x27\\\x27\x27") + "\x27";
require("node:fs").writeFileSync(out, `cat -- ${files.map(q).join(" ")} 2>/dev/null | cksum\n`);
' "$tmp.json" "$root" "$tmp.cmd"
sum="$(sh "$tmp.cmd")"
printf '[ "$(%s)" = "%s" ] || stale=1\n' "$(cat "$tmp.cmd")" "$sum" > "$tmp.sh"
mv -f "$tmp.mjs" "$out/classify.mjs"
mv -f "$tmp.sh" "$out/classify.inputs.sh"
