#!/bin/sh
# Builds `rebound classify` as one file (the launcher, src/bin/rebound, runs it when it is
# current): src/commands/classify-main.ts and everything it imports, bundled by esbuild into
# node_modules/.cache/rebound/classify.mjs, and beside it classify.inputs.sh, a line the
# launcher sources to tell whether a file it was built from has changed since (its time moved
# either way). Exits non-zero when esbuild is missing or
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
trap 'rm -rf "$tmp.mjs" "$tmp.json" "$tmp.sh" "$tmp.list" "$tmp.refs"' EXIT
# import.meta.url stands for the command's source file (classify.ts finds its worker thread's
# file next to it); the build sits three folders below the checkout.
"$esbuild" "$root/src/commands/classify-main.ts" --bundle --platform=node --format=esm --target=node24 \
  --external:mailparser --external:iconv-lite --define:import.meta.url=__reboundSourceUrl \
  "--banner:js=const __reboundSourceUrl = new URL('../../../src/commands/classify.ts', import.meta.url).href;" \
  --metafile="$tmp.json" --log-level=error --outfile="$tmp.mjs" >/dev/null 2>&1
# The inputs: the sources esbuild read, the lock file (the external packages' versions), this
# script and the launcher (the build's options). Beside the build, one empty file per input
# carrying that input's time (touch -r): the launcher's check is then shell tests alone, no
# process started, and sees a time moved either way, so an upgrade copied with its files' old
# times (rsync -a, tar, cp -p) is seen as well as an edit. (A checksum of their content cost
# ~26 ms a launch here: two processes and every file read.)
node -e '
const [meta, root, out] = process.argv.slice(1);
const path = require("node:path");
const files = Object.keys(JSON.parse(require("node:fs").readFileSync(meta, "utf8")).inputs).map((f) => path.resolve(f));
files.push(path.join(root, "package-lock.json"), path.join(root, "src/bin/build-classify.sh"), path.join(root, "src/bin/rebound"));
require("node:fs").writeFileSync(out, files.join("\n") + "\n");
' "$tmp.json" "$root" "$tmp.list"
refs="$out/classify.refs"
rm -rf "$tmp.refs"
mkdir "$tmp.refs"
check=""
i=0
while IFS= read -r f; do
  i=$((i + 1))
  touch -r "$f" "$tmp.refs/$i"
  q="'$(printf '%s' "$f" | sed "s/'/'\\\\''/g")'"
  check="$check[ -e $q ] && [ ! $q -nt \"\$refs/$i\" ] && [ ! $q -ot \"\$refs/$i\" ] || stale=1
"
done < "$tmp.list"
printf 'refs=%s\n%s' "'$refs'" "$check" > "$tmp.sh"
rm -rf "$refs"
mv "$tmp.refs" "$refs"
mv -f "$tmp.mjs" "$out/classify.mjs"
mv -f "$tmp.sh" "$out/classify.inputs.sh"
