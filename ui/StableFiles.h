// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>

namespace indexlens {

// Makes a written file the same bytes for the same content (issue #23: render is
// reproducible). Qt's PDF writer stamps the time of writing as the creation date; it is replaced,
// at the same length (the cross-reference offsets stay valid), by `asOf`, the last day of data the
// figure uses. SVG and PNG come out the same already.
void makeStable(const QString &path, const QDate &asOf);

} // namespace indexlens
