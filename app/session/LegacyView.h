// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/Figure.h"

#include <optional>

class QSettings;

namespace indexlens {

// Before studies (issue #23) the settings file kept the last view: pick/*, view/* and periods/*
// for the pair view, compare/symbols, days and periods for the compare view. At the first start
// without a study to recover, that view becomes the study's view once, and the keys go: the
// settings file keeps preferences only. nullopt when the file holds none of them.
std::optional<Figure> takeLegacyView(QSettings &settings);

} // namespace indexlens
