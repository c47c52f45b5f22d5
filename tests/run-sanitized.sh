#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds everything with AddressSanitizer + UndefinedBehaviorSanitizer (and LeakSanitizer) into
# build-asan and runs the whole test suite there (issue #6). Any report fails the run: UBSan stops
# at the first finding, ASan and LSan end the process with an error.
# Usage: tests/run-sanitized.sh [BUILD_DIR]
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/build-asan}
cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DINDEXLENS_SANITIZE=ON >/dev/null
cmake --build "$build"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# The oracle's first 50 states (of 200 in the plain run): the same code paths, a quarter the time.
export INDEXLENS_ORACLE_STATES=50
# LeakSanitizer needs ptrace; where a container forbids it, say so rather than fail on nothing.
if "$build/indexlens" --version 2>&1 | grep -q "LeakSanitizer has encountered a fatal error"; then
  echo "run-sanitized: LeakSanitizer cannot run here (ptrace refused); leak checks are off" >&2
  export ASAN_OPTIONS=${ASAN_OPTIONS/detect_leaks=1/detect_leaks=0}
fi
QT_QPA_PLATFORM=offscreen ctest --test-dir "$build" --output-on-failure -j2
