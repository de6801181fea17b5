#!/bin/sh
# Builds region C's routing component into routing.wasm in the bundle root
# and pins its sha256 in region.toml. `build.sh DIR` builds into the bundle
# copy in DIR instead (the tests build into a temporary copy).
#
# Needs componentize-py on PATH, in the version pinned in requirements.txt
# (pip install componentize-py==0.25.1); installs nothing itself. Callable
# from any working directory, and the bundle builds wherever it is copied:
# the script reads only its own folder (the sources, requirements.txt and
# wit/), neither a wegwijs source checkout nor the wegwijs binary. Writes
# nothing but ../routing.wasm and the hash in ../region.toml: the Python
# sources are copied to a temporary directory first, because CPython writes
# byte-code caches next to the modules it imports while componentize-py
# pre-initialises it.
#
# --stub-wasi replaces every WASI import by a trapping stub, so the component
# imports only wegwijs:jgz/host@0.2.0 and wegwijs:jgz/types@0.2.0, which is
# all the wegwijs host allows. The code in this directory never calls WASI
# at run time (no printing, files, clocks or randomness).
set -eu

here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
source_bundle=$(dirname -- "$here")
# The bundle carries its own copy of the WIT contract (component/wit), so
# it builds wherever it is copied. It is WIT 0.2.0 on purpose, not the
# host's newest contract (`wegwijs wit --out DIR` writes that one): region C
# shows that a component built before 0.2.1 keeps running. The tests hold
# the copy to the host's contract minus what 0.2.1 added.
wit="$here/wit"
if [ ! -f "$wit/worlds.wit" ]; then
    echo "build.sh: $wit/worlds.wit is missing; this component builds against its own copy of the WIT" \
        "contract (wegwijs:jgz@0.2.0) in component/wit: copy the whole bundle, component/wit included" >&2
    exit 2
fi
bundle=$(CDPATH= cd -- "${1:-$source_bundle}" && pwd)
out="$bundle/routing.wasm"

pinned=$(sed -n 's/^componentize-py==//p' "$here/requirements.txt")
if ! command -v componentize-py >/dev/null 2>&1; then
    echo "build.sh: componentize-py is not on PATH; install it with: pip install componentize-py==$pinned" >&2
    exit 2
fi
found=$(componentize-py --version | sed -n 's/^componentize-py //p')
if [ "$found" != "$pinned" ]; then
    echo "build.sh: componentize-py $found found, but this component is built with $pinned;" \
        "install it with: pip install componentize-py==$pinned" >&2
    exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
cp "$here/app.py" "$work/"
mkdir "$work/regio_c"
cp "$here"/regio_c/*.py "$work/regio_c/"

componentize-py --quiet -d "$wit" -w routing-stage componentize --stub-wasi -p "$work" app -o "$work/routing.wasm"
mv "$work/routing.wasm" "$out"

# componentize-py 0.25.1 snapshots a pre-initialised CPython whose heap holds
# build-time randomness (the string hash seed) and file times, so two builds
# differ in their data segments (upstream issue #247). The bundle must state
# the hash of the bytes it ships, so pin the hash of this build.
if command -v sha256sum >/dev/null 2>&1; then
    built=$(sha256sum "$out" | cut -d' ' -f1)
else
    built=$(shasum -a 256 "$out" | cut -d' ' -f1)
fi
sed "s/^sha256 *= *\"[0-9a-f]*\"/sha256 = \"$built\"/" "$bundle/region.toml" > "$work/region.toml"
cat "$work/region.toml" > "$bundle/region.toml"
echo "build.sh: wrote $out ($(wc -c < "$out" | tr -d ' ') bytes) and pinned its sha256 $built in region.toml"
