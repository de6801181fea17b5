#!/bin/sh
# Builds region {{name}}'s {{stage}} component into {{stage}}.wasm in the
# bundle root and pins its sha256 in region.toml. Callable from any working
# directory: `sh component/build.sh` from the bundle, `sh build.sh` from here.
#
# Needs cargo and the wasm32-wasip2 target (rustup target add wasm32-wasip2).
# The crate is built no_std with the guest profile of Cargo.toml, like the
# wegwijs reference components, so the component imports nothing but the
# host's `log`, `config` and `language`: the host refuses any other import
# (WASI too).
# CARGO_TARGET_DIR is honoured, so builds can share one target directory.
set -eu

here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
bundle=$(dirname -- "$here")
out="$bundle/{{stage}}.wasm"

if ! command -v cargo >/dev/null 2>&1; then
    echo "build.sh: cargo is not on PATH; install Rust 1.95 or newer (https://rustup.rs)" >&2
    exit 2
fi
if command -v rustup >/dev/null 2>&1 && ! rustup target list --installed | grep -qx wasm32-wasip2; then
    echo "build.sh: the wasm32-wasip2 target is missing; add it with: rustup target add wasm32-wasip2" >&2
    exit 2
fi

cd "$here"
cargo rustc --lib --crate-type cdylib --profile guest --target wasm32-wasip2
# Where cargo put it: the target directory may come from CARGO_TARGET_DIR or
# a cargo config file, so ask cargo.
target=$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
cp "$target/wasm32-wasip2/guest/{{crate}}.wasm" "$out"

if command -v sha256sum >/dev/null 2>&1; then
    built=$(sha256sum "$out" | cut -d' ' -f1)
else
    built=$(shasum -a 256 "$out" | cut -d' ' -f1)
fi
# The bundle states the hash of the bytes it ships; rewrite the one
# `sha256 = "..."` line of region.toml (the only stage this bundle replaces).
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
sed "s/^sha256 *= *\"[0-9a-f]*\"/sha256 = \"$built\"/" "$bundle/region.toml" > "$work/region.toml"
cat "$work/region.toml" > "$bundle/region.toml"
echo "build.sh: wrote $out ($(wc -c < "$out" | tr -d ' ') bytes) and pinned its sha256 $built in region.toml"
