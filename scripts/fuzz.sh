#!/usr/bin/env bash
# Runs every cargo-fuzz target in fuzz/ for a bounded time and says, per
# target, how many inputs it tried and whether it found a crash.
#
#   scripts/fuzz.sh [SECONDS]      SECONDS per target, default 60
#
# Exits non-zero when any target crashed (a panic, an abort, a timeout of
# 10 s on one input, or more than 2 GiB of memory); the input that did it is
# in fuzz/artifacts/<target>/. See docs/fuzzing.md.
#
# Environment:
#   CARGO_TARGET_DIR          build directory (default ~/.cache/wegwijs-fuzz-target);
#                             the grown corpora are kept beside it in fuzz-corpus/
#   WEGWIJS_FUZZ_SANITIZER    address (default) or none
#   WEGWIJS_FUZZ_TARGETS      space-separated subset of the targets
#   CARGO_FUZZ_ROOT           where cargo-fuzz is installed when missing
#                             (default ~/.cache/wegwijs-cargo-fuzz)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: scripts/fuzz.sh [SECONDS]   (a positive whole number of seconds per target)" >&2
  exit 2
fi

read -r -a targets <<<"${WEGWIJS_FUZZ_TARGETS:-signal_json case_file region_toml}"
sanitizer="${WEGWIJS_FUZZ_SANITIZER:-address}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/wegwijs-fuzz-target}"
# cargo-fuzz passes nightly-only flags (-Zsanitizer, the sancov passes) to
# rustc; the machines have stable Rust only, which accepts them with this.
export RUSTC_BOOTSTRAP=1

# cargo-fuzz itself, pinned, into a root of its own so nothing else on the
# machine changes.
cargo_fuzz_root="${CARGO_FUZZ_ROOT:-$HOME/.cache/wegwijs-cargo-fuzz}"
export PATH="$cargo_fuzz_root/bin:$PATH"
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "== installing cargo-fuzz into $cargo_fuzz_root"
  cargo install --locked --version 0.13.2 --root "$cargo_fuzz_root" cargo-fuzz
fi
# Building wegwijs builds its reference components for this target.
rustup target add wasm32-wasip2 >/dev/null

echo "== building ${targets[*]} (sanitizer: $sanitizer)"
for t in "${targets[@]}"; do
  cargo fuzz build --fuzz-dir fuzz -s "$sanitizer" "$t"
done

logs="$CARGO_TARGET_DIR/fuzz-logs"
mkdir -p "$logs"
crashed=0
summary=()
for t in "${targets[@]}"; do
  # libFuzzer adds what it finds to the first corpus directory: a scratch
  # one, so the seeds in fuzz/corpus/ stay as committed.
  grown="$CARGO_TARGET_DIR/fuzz-corpus/$t"
  mkdir -p "$grown" "fuzz/artifacts/$t"
  log="$logs/$t.log"
  echo "== fuzzing $t for ${seconds}s (log: $log)"
  dict=()
  [[ -f "fuzz/dict/$t.dict" ]] && dict=(-dict="fuzz/dict/$t.dict")
  set +e
  cargo fuzz run --fuzz-dir fuzz -s "$sanitizer" "$t" "$grown" "fuzz/corpus/$t" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
    "${dict[@]}" -print_final_stats=1 >"$log" 2>&1
  rc=$?
  set -e

  # A clean run ends with "Done N runs in S second(s)"; a crash does not, but
  # its final stats and the last status line ("#N ...") still count.
  # (Each grep may find nothing; that is not a failure of the script.)
  runs=$(grep -oE '^Done [0-9]+ runs' "$log" | tail -n 1 | awk '{print $2}' || true)
  [[ -n "$runs" ]] || runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+$' || true)
  [[ -n "$runs" ]] || runs=$(grep -oE '^#[0-9]+' "$log" | tail -n 1 | tr -d '#' || true)
  [[ -n "$runs" ]] || runs="?"
  corpus=$(find "$grown" -type f | wc -l)

  if [[ $rc -eq 0 ]] && grep -qE '^Done [0-9]+ runs' "$log"; then
    line="$t: $runs runs in ${seconds}s, no crash (corpus: $corpus inputs)"
  else
    crashed=1
    artifact=$(grep -oE 'Test unit written to [^ ]+' "$log" | tail -n 1 | sed 's/Test unit written to //' || true)
    # A Rust panic prints its message on the line after "panicked at".
    reason=$(grep -m 1 -A 1 "panicked at" "$log" | tail -n 1 | cut -c 1-200 || true)
    [[ -n "$reason" ]] || reason=$(grep -m 1 -E "ERROR: libFuzzer|==ERROR" "$log" || true)
    line="$t: CRASH after $runs runs (exit $rc): ${reason:-see $log}; input: ${artifact:-none written}"
    tail -n 40 "$log" >&2
  fi
  echo "$line"
  summary+=("$line")
done

echo "== summary"
printf '%s\n' "${summary[@]}"
if [[ $crashed -ne 0 ]]; then
  echo "at least one target crashed: minimise with 'RUSTC_BOOTSTRAP=1 cargo fuzz tmin --fuzz-dir fuzz -s $sanitizer <target> <input>'" >&2
  exit 1
fi
