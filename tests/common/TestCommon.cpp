// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestCommon.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <unistd.h>

namespace indexlens::test {

QString marketDataDir()
{
    QString dir = qEnvironmentVariable("INDEXLENS_MARKET_DATA");
    if (dir.isEmpty()) dir = QStringLiteral(INDEXLENS_MARKET_DATA_DEFAULT);
    if (!QFileInfo(dir + QStringLiteral("/yahoo/IWM.csv")).isFile()) return QString();
    return QDir(dir).absolutePath();
}

QString syntheticDataDir()
{
    return QStringLiteral(INDEXLENS_SYNTHETIC_DATA);
}

QString indexlensBinary()
{
    return QStringLiteral(INDEXLENS_BINARY);
}

QProcessEnvironment childEnvironment(const QString &settingsFile)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "INDEXLENS_DB"})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("INDEXLENS_SETTINGS"), settingsFile);
    return env;
}

CliRun runIndexlens(const QStringList &arguments, const QProcessEnvironment &environment,
                    const std::function<void()> &childSetup)
{
    QProcess p;
    p.setProcessEnvironment(environment);
    if (childSetup) p.setChildProcessModifier(childSetup);
    p.start(indexlensBinary(), arguments);
    CliRun run;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        run.err = QStringLiteral("timed out");
        return run;
    }
    run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    run.out = QString::fromUtf8(p.readAllStandardOutput());
    run.err = QString::fromUtf8(p.readAllStandardError());
    return run;
}

std::vector<Bar> syntheticBars(const QDate &first, int count, double start, quint32 seed)
{
    QRandomGenerator random(seed);
    std::vector<Bar> bars;
    bars.reserve(std::size_t(count));
    double close = start;
    for (QDate d = first; int(bars.size()) < count; d = d.addDays(1)) {
        if (d.dayOfWeek() > 5) continue;
        close *= 1.0 + (random.generateDouble() - 0.5) * 0.04;
        Bar bar;
        bar.date = d;
        bar.open = close * 0.999;
        bar.high = close * 1.01;
        bar.low = close * 0.99;
        bar.close = close;
        bar.adjClose = close * 0.9;
        bar.volume = qint64(1000000 + random.bounded(1000000));
        bars.push_back(bar);
    }
    return bars;
}

QByteArray yahooCsv(const std::vector<Bar> &bars)
{
    QByteArray csv = "Date,Open,High,Low,Close,Adj Close,Volume\n";
    for (const Bar &b : bars)
        csv += QStringLiteral("%1,%2,%3,%4,%5,%6,%7\n")
                   .arg(b.date.toString(Qt::ISODate))
                   .arg(*b.open, 0, 'f', 6)
                   .arg(*b.high, 0, 'f', 6)
                   .arg(*b.low, 0, 'f', 6)
                   .arg(b.close, 0, 'f', 6)
                   .arg(*b.adjClose, 0, 'f', 6)
                   .arg(*b.volume)
                   .toLatin1();
    return csv;
}

TempDatabase::TempDatabase()
{
    QString error;
    m_db = Database::open(path(), &error);
    if (!m_db) qFatal("cannot open a temporary cache: %s", qPrintable(error));
}

TempDatabase::TempDatabase(const QString &copyOf)
{
    if (!QFile::copy(copyOf, path()))
        qFatal("cannot copy %s into a temporary folder", qPrintable(copyOf));
    QString error;
    m_db = Database::open(path(), &error);
    if (!m_db) qFatal("cannot open a copy of %s: %s", qPrintable(copyOf), qPrintable(error));
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

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString integrityCheck(Database &db)
{
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("PRAGMA integrity_check"))) return q.lastError().text();
    return q.next() ? q.value(0).toString() : QString();
}

QStringList deletedCacheSideFiles(qint64 pid)
{
    QStringList found;
    const auto deleted = [](const QString &text) {
        return text.endsWith(QStringLiteral("-wal (deleted)")) ||
               text.endsWith(QStringLiteral("-shm (deleted)"));
    };
    const QDir fds(QStringLiteral("/proc/%1/fd").arg(pid));
    for (const QString &fd : fds.entryList(QDir::NoDotAndDotDot | QDir::System | QDir::Files)) {
        char buffer[4096];
        const ssize_t n =
            ::readlink(QFile::encodeName(fds.filePath(fd)).constData(), buffer, sizeof buffer - 1);
        const QString link = n > 0 ? QString::fromLocal8Bit(buffer, int(n)) : QString();
        if (deleted(link)) found << QStringLiteral("pid %1 fd %2: %3").arg(pid).arg(fd, link);
    }
    // The -shm is mapped, not only open.
    QFile maps(QStringLiteral("/proc/%1/maps").arg(pid));
    if (maps.open(QIODevice::ReadOnly))
        for (const QByteArray &line : maps.readAll().split('\n'))
            if (deleted(QString::fromLocal8Bit(line)))
                found
                    << QStringLiteral("pid %1 maps: %2").arg(pid).arg(QString::fromLocal8Bit(line));
    return found;
}

} // namespace indexlens::test
