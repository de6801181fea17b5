#!/bin/sh
# Builds example region E's routing component into routing.wasm in the
# bundle root and pins its sha256 in region.toml. Callable from any working
# directory: `sh component/build.sh` from the bundle, `sh build.sh` from here.
#
# Needs Node.js and componentize-qjs in the version pinned in package.json:
# `npm install` in this directory (or `npm install -g componentize-qjs@X`
# with that version); installs nothing itself. Writes nothing but
# ../routing.wasm and the hash in ../region.toml.
#
# --sync builds a component without the component-model async ABI, which the
# wegwijs host does not enable. --stub-wasi replaces every WASI import by a
# trapping stub, so the component imports only wegwijs:jgz/host@0.2.1 and
# wegwijs:jgz/types@0.2.1, which is all the wegwijs host allows. The code
# must therefore never call WASI at run time: no clocks, randomness or files
# (guest.js sends console.log to host.log).
set -eu

here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
bundle=$(dirname -- "$here")
out="$bundle/routing.wasm"

pinned=$(sed -n 's/^ *"componentize-qjs": *"\([^"]*\)".*/\1/p' "$here/package.json")
if ! command -v node >/dev/null 2>&1; then
    echo "build.sh: node is not on PATH; install Node.js 18 or newer, then: npm install (in $here)" >&2
    exit 2
fi
# The project's own install first, then one on PATH (npm install -g).
if [ -x "$here/node_modules/.bin/componentize-qjs" ]; then
    tool="$here/node_modules/.bin/componentize-qjs"
elif command -v componentize-qjs >/dev/null 2>&1; then
    tool=$(command -v componentize-qjs)
else
    echo "build.sh: componentize-qjs is not installed; run npm install in $here" \
        "(or npm install -g componentize-qjs@$pinned)" >&2
    exit 2
fi
# The package's version: its package.json, next to the bin/ the command links to.
found=$(node -e '
    const fs = require("fs"), path = require("path");
    const pkg = path.join(path.dirname(fs.realpathSync(process.argv[1])), "..", "package.json");
    try { const p = JSON.parse(fs.readFileSync(pkg, "utf8")); console.log(p.name === "componentize-qjs" ? p.version : "unknown"); }
    catch { console.log("unknown"); }
' "$tool")
if [ "$found" != "$pinned" ]; then
    echo "build.sh: componentize-qjs $found found ($tool), but this component is built with $pinned;" \
        "run npm install in $here (or npm install -g componentize-qjs@$pinned)" >&2
    exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
# From this directory, so app.js's relative imports (./guest.js) resolve.
(cd "$here" && "$tool" --wit wit --js app.js -n routing-stage --stub-wasi --sync -o "$work/routing.wasm" >"$work/log" 2>&1) || {
    cat "$work/log" >&2
    exit 1
}
mv "$work/routing.wasm" "$out"

# componentize-qjs 0.4.5 does not build byte-identical components (its
# snapshot of the initialised QuickJS heap differs between builds). The
# bundle must state the hash of the bytes it ships, so pin the hash of this
# build: rewrite the one `sha256 = "..."` line.
if command -v sha256sum >/dev/null 2>&1; then
    built=$(sha256sum "$out" | cut -d' ' -f1)
else
    built=$(shasum -a 256 "$out" | cut -d' ' -f1)
fi
sed "s/^sha256 *= *\"[0-9a-f]*\"/sha256 = \"$built\"/" "$bundle/region.toml" > "$work/region.toml"
cat "$work/region.toml" > "$bundle/region.toml"
echo "build.sh: wrote $out ($(wc -c < "$out" | tr -d ' ') bytes) and pinned its sha256 $built in region.toml"
