#!/bin/sh
# Builds region {{name}}'s {{stage}} component into {{stage}}.wasm in the
# bundle root and pins its sha256 in region.toml. Callable from any working
# directory: `sh component/build.sh` from the bundle, `sh build.sh` from here.
#
# Needs componentize-py on PATH, in the version pinned in requirements.txt
# (pip install -r requirements.txt); installs nothing itself. Writes nothing
# but ../{{stage}}.wasm and the hash in ../region.toml: the Python sources
# are copied to a temporary directory first, because CPython writes
# byte-code caches next to the modules it imports while componentize-py
# pre-initialises it.
#
# --stub-wasi replaces every WASI import by a trapping stub, so the component
# imports only wegwijs:jgz/host@0.2.1 and wegwijs:jgz/types@0.2.1, which is
# all the wegwijs host allows. The code must therefore never call WASI at
# run time: no print, files, clocks or randomness (use host.log to log).
set -eu

here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
bundle=$(dirname -- "$here")
out="$bundle/{{stage}}.wasm"

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
# Every Python file and package of the project goes in, nothing else.
for source in "$here"/*.py; do
    cp "$source" "$work/"
done
for package in "$here"/*/__init__.py; do
    [ -e "$package" ] || continue
    dir=$(dirname -- "$package")
    mkdir "$work/$(basename -- "$dir")"
    cp "$dir"/*.py "$work/$(basename -- "$dir")/"
done

componentize-py --quiet -d "$here/wit" -w {{world}} componentize --stub-wasi -p "$work" app -o "$work/{{stage}}.wasm"
mv "$work/{{stage}}.wasm" "$out"

# componentize-py 0.25.1 snapshots a pre-initialised CPython whose heap holds
# build-time randomness (the string hash seed), so two builds of the same
# source differ. The bundle must state the hash of the bytes it ships, so
# pin the hash of this build: rewrite the one `sha256 = "..."` line.
if command -v sha256sum >/dev/null 2>&1; then
    built=$(sha256sum "$out" | cut -d' ' -f1)
else
    built=$(shasum -a 256 "$out" | cut -d' ' -f1)
fi
sed "s/^sha256 *= *\"[0-9a-f]*\"/sha256 = \"$built\"/" "$bundle/region.toml" > "$work/region.toml"
cat "$work/region.toml" > "$bundle/region.toml"
echo "build.sh: wrote $out ($(wc -c < "$out" | tr -d ' ') bytes) and pinned its sha256 $built in region.toml"
