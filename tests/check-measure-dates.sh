#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue #22: one function picks a range's base day, a year-to-date or one-year start and a
# previous close (measureReturn, app/analysis/Measure.cpp). Date arithmetic for those starts
# anywhere else (a year back, a day back, 31 December) is a second definition: this fails naming
# the file and the line.
set -eu
src=${1:-.}
found=$(grep -rnE 'addYears\(-|addDays\(-1\)|, 12, 31\)' "$src/app" "$src/ui" \
    --include='*.cpp' --include='*.h' | grep -v "^$src/app/analysis/Measure.cpp:" || true)
if [ -n "$found" ]; then
    echo "date arithmetic for a measure's start outside app/analysis/Measure.cpp:"
    echo "$found"
    exit 1
fi
echo "measure starts are computed in app/analysis/Measure.cpp only"
