// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Series.h"
#include "storage/Database.h"

#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <functional>
#include <memory>
#include <vector>

namespace indexlens::test {

// The real market data beside the checkout: $INDEXLENS_MARKET_DATA, else the CMake cache value
// (default ../shared/market-data). Empty when the folder is absent.
QString marketDataDir();

// The synthetic market data committed in tests/data/market (made by
// tests/data/make-synthetic-data.py): the same folders and formats as the real data, with the
// published values on the dates the tests name. Always there, so a bare clone runs every suite
// but the real-data one (issue #15).
QString syntheticDataDir();

// Path of the `indexlens` executable built with the tests.
QString indexlensBinary();

// The environment for a child `indexlens`: no display, settings in `settingsFile` (never the
// user's).
QProcessEnvironment childEnvironment(const QString &settingsFile);

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs the built `indexlens` to its end (60 s at most). `childSetup` runs in the child between
// fork and exec (drop privileges, set a file-size limit).
CliRun runIndexlens(const QStringList &arguments, const QProcessEnvironment &environment,
                    const std::function<void()> &childSetup = {});

// `count` weekday bars from `first`, a random walk from `start` (same seed, same bars), with an
// adjusted close a little below the close.
std::vector<Bar> syntheticBars(const QDate &first, int count, double start, quint32 seed);

// Those bars as a Yahoo CSV (Date,Open,High,Low,Close,Adj Close,Volume).
QByteArray yahooCsv(const std::vector<Bar> &bars);

// A fresh cache in a temporary folder, removed with the object; or a copy of the cache file
// `copyOf` (a cache no connection writes to, its write-ahead log checkpointed into it).
class TempDatabase {
public:
    TempDatabase();
    explicit TempDatabase(const QString &copyOf);
    Database &db() { return *m_db; }
    QString path() const { return m_dir.filePath(QStringLiteral("cache.sqlite")); }
    QString dir() const { return m_dir.path(); }
    QString writeFile(const QString &name, const QByteArray &content) const;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
};

// The whole content of a file (empty when it cannot be read).
QByteArray readFile(const QString &path);

// What PRAGMA integrity_check says of the cache: "ok", the first problem, or the query's error.
QString integrityCheck(Database &db);

// The -wal or -shm files that process `pid` holds open or mapped although they were deleted: a
// process writing to a deleted WAL loses every write that follows (issue #21).
QStringList deletedCacheSideFiles(qint64 pid);

// SHA-256 over every row of every table in a fixed order: equal before and after means the
// cache holds exactly what it held.
QByteArray contentChecksum(Database &db);

inline bool fuzzyEqual(double actual, double expected, double tolerance)
{
    return std::abs(actual - expected) <= tolerance;
}

} // namespace indexlens::test

// QCOMPARE for doubles with an absolute tolerance, printing both values on failure.
#define COMPARE_NEAR(actual, expected, tolerance)                                                  \
    do {                                                                                           \
        const double a_ = (actual), e_ = (expected);                                               \
        if (!indexlens::test::fuzzyEqual(a_, e_, (tolerance)))                                     \
            QFAIL(qPrintable(QStringLiteral("%1 = %2, expected %3 +- %4")                          \
                                 .arg(QStringLiteral(#actual))                                     \
                                 .arg(a_, 0, 'g', 12)                                              \
                                 .arg(e_, 0, 'g', 12)                                              \
                                 .arg(double(tolerance))));                                        \
    } while (false)

// Skips the test with a clear message when the real market data is not beside the checkout.
#define REQUIRE_MARKET_DATA(dirVar)                                                                \
    const QString dirVar = indexlens::test::marketDataDir();                                       \
    if (dirVar.isEmpty())                                                                          \
        QSKIP("real market data not found: set INDEXLENS_MARKET_DATA or the CMake cache "          \
              "variable INDEXLENS_MARKET_DATA to the shared market-data folder");
