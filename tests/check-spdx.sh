#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every source file of IndexLens says its licence in its first lines (issue #15): C++ sources and
# headers on line 1, scripts and CMake files on line 1 or after the shebang. Prints the files that
# do not, and fails.
set -eu
src=${1:-.}
missing=$(find "$src/app" "$src/ui" "$src/tests" "$src/packaging" "$src/CMakeLists.txt" "$src/.ci" \
    -type f \( -name '*.cpp' -o -name '*.h' -o -name '*.sh' -o -name '*.py' -o -name '*.zsh' -o -name 'CMakeLists.txt' -o -name run \) |
    while read -r f; do
        head -2 "$f" | grep -q 'SPDX-License-Identifier: GPL-3.0-or-later' || echo "$f"
    done)
if [ -n "$missing" ]; then
    echo "no SPDX-License-Identifier line in:"
    echo "$missing"
    exit 1
fi
echo "every source file has its SPDX line"
