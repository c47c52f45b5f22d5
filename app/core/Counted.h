// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace indexlens {

// "1 day", "2 days": a count with its noun in the right number (notes said "1 days").
inline QString counted(int n, const QString &singular, const QString &plural)
{
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? singular : plural);
}

// "1 of 1 file refused; nothing of it was written", "2 of 3 files refused; nothing of them was
// written": one wording for the command line and the window (issue #24, 16a).
inline QString refusedFiles(int refused, int total)
{
    return QStringLiteral("%1 of %2 refused; nothing of %3 was written")
        .arg(refused)
        .arg(counted(total, QStringLiteral("file"), QStringLiteral("files")),
             refused == 1 ? QStringLiteral("it") : QStringLiteral("them"));
}

} // namespace indexlens
