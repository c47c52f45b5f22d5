#include "TestCommon.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QSqlRecord>

namespace indexlens::test {

QString marketDataDir()
{
    QString dir = qEnvironmentVariable("INDEXLENS_MARKET_DATA");
    if (dir.isEmpty()) dir = QStringLiteral(INDEXLENS_MARKET_DATA_DEFAULT);
    if (!QFileInfo(dir + QStringLiteral("/yahoo/IWM.csv")).isFile()) return QString();
    return QDir(dir).absolutePath();
}

QString indexlensBinary()
{
    return QStringLiteral(INDEXLENS_BINARY);
}

TempDatabase::TempDatabase()
{
    QString error;
    m_db = Database::open(path(), &error);
    if (!m_db) qFatal("cannot open a temporary cache: %s", qPrintable(error));
}

QString TempDatabase::writeFile(const QString &name, const QByteArray &content) const
{
    QString file = m_dir.filePath(name);
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(file));
    return file;
}

QByteArray contentChecksum(Database &db)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QSqlQuery q(db.connection());
    for (const char *sql :
         {"SELECT * FROM instruments ORDER BY symbol", "SELECT * FROM bars ORDER BY symbol, date",
          "SELECT * FROM rates ORDER BY symbol, date", "SELECT * FROM import_log ORDER BY id"}) {
        if (!q.exec(QString::fromLatin1(sql))) qFatal("checksum query failed: %s", sql);
        while (q.next()) {
            for (int c = 0; c < q.record().count(); ++c) {
                const QVariant v = q.value(c);
                hash.addData(v.isNull() ? QByteArrayLiteral("<null>") : v.toString().toUtf8());
                hash.addData(QByteArrayLiteral("\x1f"));
            }
            hash.addData(QByteArrayLiteral("\n"));
        }
    }
    return hash.result().toHex();
}

} // namespace indexlens::test
