// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>

namespace indexlens {

// Makes a written file the same bytes for the same content (issue #23: render is
// reproducible). Qt's PDF writer stamps the time of writing and a random document id; they are
// replaced, at the same length (the cross-reference offsets stay valid), by `asOf`, the data's
// last day, and an id derived from the rest of the file. Other formats are left as they are.
void makeStable(const QString &path, const QDate &asOf);

} // namespace indexlens
