#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for SECONDS (default 60),
# two at a time. Crashes, leaks and sanitizer reports land in build-fuzz/tests/fuzz/artifacts.
# Usage: tests/fuzz/run-fuzzers.sh [SECONDS] [TARGET...]
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(csv yahoo treasury fredjson catalog settings study)
build="$src/build-fuzz"
if ! command -v clang++ >/dev/null || [ ! -e /usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq clang libclang-rt-14-dev >/dev/null
fi
CC=clang CXX=clang++ cmake -S "$src" -B "$build" -G Ninja -DINDEXLENS_FUZZ=ON -DINDEXLENS_BUILD_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --target $(printf 'fuzz_%s ' "${targets[@]}") >/dev/null
out="$build/tests/fuzz"
mkdir -p "$out/artifacts" "$out/logs"
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
status=0
run() {
  local t=$1
  mkdir -p "$out/work/$t"
  # work/ collects what the fuzzer finds; corpus/ holds the seeds it starts from.
  if ! "$out/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -artifact_prefix="$out/artifacts/$t-" -print_final_stats=1 \
      "$out/work/$t" "$out/corpus/$t" >"$out/logs/$t.log" 2>&1; then
    echo "fuzz_$t: FAILED (see $out/logs/$t.log)"; return 1
  fi
  echo "fuzz_$t: $(grep -E '^stat::number_of_executed_units' "$out/logs/$t.log" | awk '{print $2}') runs," \
       "$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$out/logs/$t.log" | tail -1), corpus $(ls "$out/work/$t" | wc -l) files"
}
pids=()
for t in "${targets[@]}"; do
  run "$t" & pids+=($!)
  if [ ${#pids[@]} -ge 2 ]; then wait "${pids[0]}" || status=1; pids=("${pids[@]:1}"); fi
done
for p in "${pids[@]}"; do wait "$p" || status=1; done
exit $status
