#pragma once

#include "storage/Database.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <memory>

namespace indexlens::test {

// The real market data beside the checkout: $INDEXLENS_MARKET_DATA, else the CMake cache value
// (default ../shared/market-data). Empty when the folder is absent.
QString marketDataDir();

// Path of the `indexlens` executable built with the tests.
QString indexlensBinary();

// A fresh cache in a temporary folder, removed with the object.
class TempDatabase {
public:
    TempDatabase();
    Database &db() { return *m_db; }
    QString path() const { return m_dir.filePath(QStringLiteral("cache.sqlite")); }
    QString dir() const { return m_dir.path(); }
    QString writeFile(const QString &name, const QByteArray &content) const;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
};

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
