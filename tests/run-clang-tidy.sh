#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# clang-tidy with the project's .clang-tidy over every C++ source of the build (not Qt's
# generated moc/rcc files), on every core; any warning fails (issue #15). Usage:
#   tests/run-clang-tidy.sh [BUILD_DIR]   (a build configured with compile_commands.json)
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$src/build}" && pwd)
"$src/packaging/apt-install-missing.sh" clang-tidy
# The project's own sources from the compilation database (no python or jq on a fresh machine).
files=$(grep -o '"file": "[^"]*"' "$build/compile_commands.json" | sed 's/^"file": "\(.*\)"$/\1/' |
  grep "^$src/" | grep -v -e '_autogen' -e "^$src/build" | sort -u)
count=$(printf '%s\n' "$files" | wc -l)
echo "clang-tidy: $count files, $(nproc) at a time"
out=$(mktemp)
trap 'rm -f "$out"' EXIT
printf '%s\n' "$files" | xargs -P "$(nproc)" -n 4 clang-tidy -p "$build" --quiet >"$out" 2>/dev/null || true
if grep -q 'warning:\|error:' "$out"; then
  grep -A3 'warning:\|error:' "$out"
  echo "clang-tidy: $(grep -c 'warning:\|error:' "$out") findings" >&2
  exit 1
fi
echo "clang-tidy: no findings"
