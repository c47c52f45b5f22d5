// SPDX-License-Identifier: GPL-3.0-or-later
#include "StableFiles.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace indexlens {

void makeStable(const QString &path, const QDate &asOf)
{
    if (QFileInfo(path).suffix().compare(QLatin1String("pdf"), Qt::CaseInsensitive) != 0) return;
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly)) return;
    QByteArray bytes = in.readAll();
    in.close();
    // "/CreationDate (D:20261202055723Z)": the 14 digits become the data's day at midnight.
    const QByteArray stamp = (asOf.isValid() ? asOf : QDate(2000, 1, 1))
                                 .toString(QStringLiteral("yyyyMMdd"))
                                 .toLatin1() +
                             "000000";
    const QByteArray key = "/CreationDate (D:";
    const qsizetype at = bytes.indexOf(key);
    if (at < 0 || at + key.size() + stamp.size() > bytes.size()) return;
    bytes.replace(at + key.size(), stamp.size(), stamp);
    QSaveFile out(path);
    if (out.open(QIODevice::WriteOnly) && out.write(bytes) == bytes.size()) out.commit();
}

} // namespace indexlens
