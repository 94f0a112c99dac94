#!/usr/bin/env bash
# Whole-process scale figures of issue #8 (not run by `cargo test`):
#   5. start to first frame of the release binary on the 100k store, under Xvfb (wall time of a
#      run that closes itself after the first frame; window creation and software GL included);
#   6. peak RSS with the store open and every view visited (`/usr/bin/time -v`).
# Usage: benches/process.sh [STORE]   (default: the store `cargo bench --bench scale` generated)
# Needs: a release build (`cargo build --release`), xvfb-run, /usr/bin/time (Debian `time`).
set -euo pipefail
target="${CARGO_TARGET_DIR:-target}"
store="${1:-$target/scale/scale-100k-1m.marsad}"
bin="$target/release/marsad"
[ -x "$bin" ] || { echo "no $bin: run cargo build --release first" >&2; exit 1; }
[ -f "$store" ] || { echo "no $store: run cargo bench --bench scale -- generate first" >&2; exit 1; }
run() { xvfb-run -a -s "-screen 0 1400x900x24" /usr/bin/time -v "$bin" --db "$store" "$@" 2>&1; }
for i in 1 2 3 4 5; do
  run --exit-after-first-frame | awk -F': ' '/Elapsed \(wall clock\)/ {print "start to first frame (wall): " $2}'
done
run --visit-all-views | awk -F': ' '/Maximum resident set size/ {printf "peak RSS, all views: %.0f MB\n", $2/1024}'
