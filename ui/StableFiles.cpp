// SPDX-License-Identifier: GPL-3.0-or-later
#include "StableFiles.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

namespace indexlens {

void makeStable(const QString &path, const QDate &asOf)
{
    if (QFileInfo(path).suffix().compare(QLatin1String("pdf"), Qt::CaseInsensitive) != 0) return;
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly)) return;
    QByteArray bytes = in.readAll();
    in.close();
    const QByteArray day =
        (asOf.isValid() ? asOf : QDate(2000, 1, 1)).toString(QStringLiteral("yyyyMMdd")).toLatin1();
    Q_UNUSED(day);
    QSaveFile out(path);
    if (out.open(QIODevice::WriteOnly) && out.write(bytes) == bytes.size()) out.commit();
}

} // namespace indexlens
