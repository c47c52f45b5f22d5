#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Debian package, installs it with apt-get on this machine, and checks the installed
# binary: --version, and a headless `indexlens export` of a chart from a small cache. Removes the
# package again at the end. Needs root or sudo. Usage: packaging/test-deb.sh [BUILD_DIR]
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$src/build}" && pwd)
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

# The checkers a Debian maintainer runs (issue #15), and man and bash-completion to try the page
# and the completion as a user would.
"$src/packaging/apt-install-missing.sh" lintian appstream desktop-file-utils man-db \
  bash-completion zsh

rm -f "$build"/indexlens_*.deb
(cd "$build" && cpack -G DEB >/dev/null)
deb=$(ls "$build"/indexlens_*.deb)
echo "package: $deb"

# lintian: no error and no warning (informational tags are listed, not fatal). Run as root it
# says so on stderr; that line is not a finding.
findings=$(lintian --tag-display-limit 0 "$deb" 2>&1 | grep -v '^running with root privileges' || true)
echo "lintian: ${findings:-(nothing)}"
if printf '%s\n' "$findings" | grep -q '^[EW]: '; then
  echo "lintian found errors or warnings" >&2
  exit 1
fi
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$deb" >/dev/null
trap 'DEBIAN_FRONTEND=noninteractive $sudo apt-get remove -y -qq indexlens >/dev/null' EXIT

test "$(command -v indexlens)" = /usr/bin/indexlens
version=$(indexlens --version)
echo "$version"
test "$version" = "indexlens $(sed -n 's/^project(IndexLens VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")"
for f in /usr/share/applications/io.github.indexlens.IndexLens.desktop \
         /usr/share/metainfo/io.github.indexlens.IndexLens.metainfo.xml \
         /usr/share/icons/hicolor/scalable/apps/indexlens.svg \
         /usr/share/icons/hicolor/48x48/apps/indexlens.png \
         /usr/share/doc/indexlens/copyright \
         /usr/share/doc/indexlens/changelog.gz \
         /usr/share/man/man1/indexlens.1.gz \
         /usr/share/bash-completion/completions/indexlens \
         /usr/share/zsh/vendor-completions/_indexlens; do
  test -s "$f" || { echo "missing $f" >&2; exit 1; }
done

# A headless export from the installed binary: no DISPLAY, no QT_QPA_PLATFORM.
work=$(mktemp -d)
trap 'rm -rf "$work"; DEBIAN_FRONTEND=noninteractive $sudo apt-get remove -y -qq indexlens >/dev/null' EXIT
# Three small series (weekdays of 2024): two prices and a yield.
awk -v dir="$work" 'BEGIN {
  print "Date,Close" > dir "/AAA.csv"; print "Date,Close" > dir "/BBB.csv"
  print "observation_date,DGS10" > dir "/DGS10.csv"
  t = mktime("2024 01 01 12 00 00"); i = 0
  for (n = 0; n < 200; n++) {
    day = strftime("%Y-%m-%d", t + n * 86400); wd = strftime("%u", t + n * 86400)
    if (wd > 5) continue
    printf "%s,%.4f\n", day, 100 + 10 * sin(i / 9) + i * 0.1 >> dir "/AAA.csv"
    printf "%s,%.4f\n", day, 200 + i * 0.3 >> dir "/BBB.csv"
    printf "%s,%.2f\n", day, 4 + 0.2 * cos(i / 15) >> dir "/DGS10.csv"
    i++
  }
}'
env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM INDEXLENS_SETTINGS="$work/settings.ini" \
  indexlens --db "$work/cache.sqlite" import "$work/AAA.csv" "$work/BBB.csv" "$work/DGS10.csv" >/dev/null
env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM INDEXLENS_SETTINGS="$work/settings.ini" \
  indexlens --db "$work/cache.sqlite" export --chart all --a AAA --b BBB --rate DGS10 \
  --from 2024-02-01 --to 2024-07-01 --out "$work/chart.png" --width 1200 --height 700
size=$(file -b "$work/chart.png" | grep -o '[0-9]* x [0-9]*')
test "$size" = "1200 x 700" || { echo "unexpected PNG: $(file -b "$work/chart.png")" >&2; exit 1; }
# The metadata software centres and menus read.
appstreamcli validate --no-net /usr/share/metainfo/io.github.indexlens.IndexLens.metainfo.xml
desktop-file-validate /usr/share/applications/io.github.indexlens.IndexLens.desktop
# The man page: every command --help lists is a section of it, and it says the licence.
page=$(MANWIDTH=100 man indexlens 2>/dev/null)
commands=$(indexlens --help | sed -n '/^Commands:/,/^$/s/^  \([a-z]*\).*/\1/p')
[ -n "$commands" ] || { echo "indexlens --help lists no commands" >&2; exit 1; }
for command in $commands; do
  printf '%s\n' "$page" | grep -q "^   $command\$" || { echo "man indexlens: no $command" >&2; exit 1; }
done
printf '%s\n' "$page" | grep -q 'GPL-3.0-or-later' || { echo "man indexlens: no licence" >&2; exit 1; }
# Tab completion in bash and zsh, with the installed scripts and binary.
bash "$src/tests/check-completion.sh" /usr/share/bash-completion/completions/indexlens \
  /usr/share/zsh/vendor-completions/_indexlens >/dev/null
grep -q '^Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' \
  /usr/share/doc/indexlens/copyright
case "$(zcat /usr/share/doc/indexlens/changelog.gz | sed -n 1p)" in indexlens\ \(*) ;; *) echo 'bad changelog.gz' >&2; exit 1 ;; esac
echo "installed package OK: lintian clean, --version, desktop file and metainfo valid, icons, man page, bash and zsh completion, copyright, changelog, headless export ($size)"
