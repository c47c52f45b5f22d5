#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Drives the completion of indexlens in bash, as bash does on <Tab> (COMP_WORDS, COMP_CWORD, then
# the function `complete` names), and in zsh, through its completion system in a pseudo-terminal
# (tests/zsh-complete.zsh), and checks what each offers: commands, options, --chart values,
# files, and the symbols of the cache (issue #15). Usage:
#   tests/check-completion.sh BASH_FILE ZSH_FILE [DIR_OF_INDEXLENS]
# The ctest passes the build's scripts and binary; packaging/test-deb.sh the installed ones.
set -euo pipefail
completion=$1
zsh_dir=$(mktemp -d)
cp "$2" "$zsh_dir/_indexlens"
[ -n "${3:-}" ] && PATH="$3:$PATH"
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work" "$zsh_dir"' EXIT
export INDEXLENS_SETTINGS="$work/settings.ini" INDEXLENS_DB="$work/cache.sqlite"
unset DISPLAY WAYLAND_DISPLAY QT_QPA_PLATFORM
for symbol in IWM IWB SPY; do
  printf 'Date,Close\n2024-01-02,10\n2024-01-03,11\n' > "$work/$symbol.csv"
done
indexlens import "$work/IWM.csv" "$work/IWB.csv" "$work/SPY.csv" >/dev/null
mkdir "$work/other"
cp "$work/SPY.csv" "$work/other/QQQ.csv"
INDEXLENS_DB="$work/other/cache.sqlite" indexlens import "$work/other/QQQ.csv" >/dev/null

# shellcheck source=/dev/null
source "$completion"
# The function the script registered for indexlens, as bash would call it.
bash_function=$(complete -p indexlens | sed -E 's/.*-F ([^ ]+).*/\1/')
failed=0
offered() {
  COMP_WORDS=("$@")
  COMP_CWORD=$(($# - 1))
  COMPREPLY=()
  "$bash_function"
  printf '%s\n' "${COMPREPLY[@]}" | sort | paste -sd' ' -
}
zsh_offered() {
  zsh "$here/zsh-complete.zsh" "$zsh_dir" "$*" | paste -sd' ' -
}
check() {
  local shell=$1 want=$2 got=$3
  shift 3
  if [ "$got" = "$want" ]; then
    echo "ok ($shell): $* <Tab> -> $got"
  else
    echo "FAILED ($shell): $* <Tab> gave '$got', expected '$want'"
    failed=1
  fi
}
expect() {
  local want=$1
  shift
  check bash "$want" "$(offered "$@")" "$@"
  check zsh "$want" "$(zsh_offered "$@")" "$@"
}
expect "export extremes" indexlens ex
expect "export" indexlens exp
expect "seasonality sensitivity" indexlens --format csv se
expect "sensitivity" indexlens --format csv sen
expect "rebased relative returns-bars" indexlens export --chart re
expect "dark light" indexlens export --theme ""
expect "csv json text" indexlens --format ""
expect "--mark-moves" indexlens export --ma
expect "--format --format-in" indexlens import --fo
expect "--db" indexlens --d
expect "IWB IWM" indexlens moves --a IW
expect "IWB IWM" indexlens moves --a iw
expect "IWB IWM SPY" indexlens update ""
expect "IWM,SPY" indexlens returns --symbols IWM,S
expect "IWB IWM" indexlens export --chart all --from 2024-01-02 --b IW
expect "QQQ" indexlens --db "$work/other/cache.sqlite" periods --a ""
expect "$work/IWB.csv $work/IWM.csv" indexlens import "$work/IW"
expect "" indexlens moves --from ""
exit $failed
