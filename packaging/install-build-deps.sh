#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian 12 packages IndexLens needs to build and test, when they are missing.
# Uses sudo when not run as root.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config
  dpkg-dev file            # cpack's Debian package: dpkg-shlibdeps
  qt6-base-dev            # Qt Core, Gui, Widgets, Sql, Network, Test
  qt6-charts-dev          # Qt Charts (ui/charts)
  qt6-svg-dev             # SVG export (QSvgGenerator)
  libpng-dev              # chart PNGs without Qt's all-filters pass (ui/PngWriter)
  libqt6sql6-sqlite       # the SQLite driver of Qt Sql
  libsqlite3-dev          # SQLite C API for bulk reads and writes on that driver's handle
  tzdata                  # exchange time zones (Yahoo timestamps -> New York dates)
  libgl-dev               # Qt6Gui's CMake package looks for OpenGL headers
  zsh                     # the shell_completion test drives zsh as well as bash
)


"$(dirname "$0")/apt-install-missing.sh" "${packages[@]}"
