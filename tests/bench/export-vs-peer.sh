#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Whole-process benchmark (issue #12): `indexlens export --chart ratio` (1200x700 PNG) against the
# pandas + matplotlib script a user would write instead (../shared/bench/peer_ratio_chart.py), on
# the same data and window, measured in one run, interleaved. Not a test: run by hand.
# Needs python3-pandas and python3-matplotlib (apt-get install -y python3-pandas python3-matplotlib).
# Usage: tests/bench/export-vs-peer.sh [BUILD_DIR] [RUNS]
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$src/build}
runs=${2:-20}
data=${INDEXLENS_MARKET_DATA:-$src/../shared/market-data}
peer=$(dirname "$data")/bench/peer_ratio_chart.py
[ -d "$data" ] && [ -f "$peer" ] || { echo "export-vs-peer: no $data or $peer; skipped" >&2; exit 0; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The cache holds every file of the shared data, as the peer script's header says.
find "$data" -name '*.csv' -print0 | xargs -0 "$build/indexlens" --db "$work/cache.sqlite" import >/dev/null
ours=("$build/indexlens" --db "$work/cache.sqlite" export --chart ratio --a IWM --b SPY --rate DGS10
      --from 2023-06-30 --to 2024-07-23 --out "$work/ours.png" --width 1200 --height 700)
theirs=(/usr/bin/python3 "$peer" "$data" "$work/peer.png" 2023-06-30 2024-07-23)
"${ours[@]}" >/dev/null 2>&1; "${theirs[@]}" >/dev/null 2>&1 # warm the page cache
elapsed_ms() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000 )); }
ours_us=(); theirs_us=()
for ((i = 0; i < runs; i++)); do
  ours_us+=("$(elapsed_ms "${ours[@]}")")
  theirs_us+=("$(elapsed_ms "${theirs[@]}")")
done
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
o=$(median "${ours_us[@]}"); t=$(median "${theirs_us[@]}")
awk -v o="$o" -v t="$t" -v n="$runs" 'BEGIN {
  printf "indexlens export: median %.1f ms; peer_ratio_chart.py: median %.1f ms (%d runs each)\n", o / 1000, t / 1000, n
  printf "indexlens is %.1f times faster\n", t / o }'
