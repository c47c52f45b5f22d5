// SPDX-License-Identifier: GPL-3.0-or-later
// Issue #6: the cache survives a process killed in the middle of a write, and two processes
// writing at once. `indexlens import` and `indexlens update` (against a loopback server) run as
// child processes and are killed with SIGKILL at many points of their run; after each kill the
// cache must pass PRAGMA integrity_check and every symbol must hold all of its old rows or all of
// its new rows, never a mix.
#include "FakeHttpServer.h"
#include "ProviderFixtures.h"
#include "TestCommon.h"

#include "import/CsvImporter.h"
#include "storage/PriceStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>

#include <csignal>
#include <map>

using namespace indexlens;
using namespace indexlens::test;

namespace {

const QStringList kSymbols = {QStringLiteral("IWM"), QStringLiteral("SPY"), QStringLiteral("QQQ"),
                              QStringLiteral("IWB")};
constexpr int kOldRows = 6000;
constexpr int kNewRows = 6100; // the new data revises every old row and adds 100
constexpr int kTrials = 40;

using Hashes = std::map<QString, QByteArray>;

// The rows of one symbol, hashed: equal hashes mean the same rows.
Hashes symbolHashes(const QString &path, QString *integrity)
{
    QString error;
    auto db = Database::open(path, &error);
    if (!db) {
        *integrity = error;
        return {};
    }
    QSqlQuery q(db->connection());
    *integrity = q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next()
                     ? q.value(0).toString()
                     : q.lastError().text();
    Hashes hashes;
    for (const QString &symbol : kSymbols) {
        QCryptographicHash hash(QCryptographicHash::Sha256);
        q.prepare(QStringLiteral(
            "SELECT date, close, adj_close FROM bars WHERE symbol = ? ORDER BY date"));
        q.addBindValue(symbol);
        q.exec();
        while (q.next())
            hash.addData(
                QStringLiteral("%1|%2|%3\n")
                    .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString())
                    .toUtf8());
        hashes[symbol] = hash.result();
    }
    return hashes;
}

bool copyCache(const QString &from, const QString &to)
{
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(to + QLatin1String(suffix));
    return QFile::copy(from, to);
}

} // namespace

class TestCrashSafety : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void importKilledAtManyPoints();
    void updateKilledAtManyPoints();
    void twoProcessesUpdateAtOnce();

private:
    QStringList updateArguments(const QString &db) const;
    // Runs `arguments` and kills the child after `delayMs` (the event loop runs meanwhile, so the
    // loopback server answers); returns whether the child had already finished.
    bool runAndKill(const QStringList &arguments, double delayMs);
    // Counts, over `kTrials` kills spread over a whole run of `arguments`, how symbols ended.
    void killAtManyPoints(const QStringList &arguments, const QString &trial, const Hashes &after);

    QTemporaryDir m_dir;
    QString m_base; // a cache holding the old rows of every symbol
    Hashes m_old;
    std::map<QString, std::vector<Bar>> m_new;
    QStringList m_newFiles;
    QProcessEnvironment m_env;
    std::unique_ptr<FakeHttpServer> m_server;
};

void TestCrashSafety::initTestCase()
{
    m_base = m_dir.filePath(QStringLiteral("base.sqlite"));
    {
        QString error;
        auto db = Database::open(m_base, &error);
        QVERIFY2(db, qPrintable(error));
        PriceStore store(*db);
        quint32 seed = 1;
        for (const QString &symbol : kSymbols) {
            ImportError importError;
            const auto file =
                CsvImporter().parse(yahooCsv(syntheticBars(QDate(1990, 1, 2), kOldRows, 100, seed)),
                                    symbol + QStringLiteral(".csv"), {}, &importError);
            QVERIFY2(file, qPrintable(importError.toString()));
            QVERIFY2(store.write(*file, QStringLiteral("import"), symbol, &error),
                     qPrintable(error));
            m_new[symbol] = syntheticBars(QDate(1990, 1, 2), kNewRows, 130, seed + 100);
            QDir(m_dir.path()).mkpath(QStringLiteral("new"));
            const QString path = m_dir.filePath(QStringLiteral("new/%1.csv").arg(symbol));
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(yahooCsv(m_new[symbol]));
            m_newFiles << path;
            ++seed;
        }
    }
    QString integrity;
    m_old = symbolHashes(m_base, &integrity);
    QCOMPARE(integrity, QStringLiteral("ok"));

    m_server = std::make_unique<FakeHttpServer>();
    m_server->setHandler([this](const FakeRequest &r) {
        const QString symbol = r.path.section(QLatin1Char('/'), -1);
        return FakeResponse::json(yahooChartJson(
            symbol, m_new[symbol], r.query.queryItemValue(QStringLiteral("period1")).toLongLong(),
            r.query.queryItemValue(QStringLiteral("period2")).toLongLong()));
    });
    m_env = childEnvironment(m_dir.filePath(QStringLiteral("settings.ini")));
    m_env.insert(QStringLiteral("INDEXLENS_YAHOO_BASE"), m_server->baseUrl());
}

QStringList TestCrashSafety::updateArguments(const QString &db) const
{
    return QStringList{QStringLiteral("--db"), db, QStringLiteral("update")} + kSymbols +
           QStringList{QStringLiteral("--full")};
}

bool TestCrashSafety::runAndKill(const QStringList &arguments, double delayMs)
{
    QProcess p;
    p.setProcessEnvironment(m_env);
    p.start(indexlensBinary(), arguments);
    if (!p.waitForStarted()) return false;
    QElapsedTimer clock;
    clock.start();
    while (double(clock.nsecsElapsed()) / 1e6 < delayMs && p.state() == QProcess::Running)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
    const bool finished = p.state() != QProcess::Running;
    if (!finished) ::kill(pid_t(p.processId()), SIGKILL);
    p.waitForFinished();
    return finished;
}

void TestCrashSafety::killAtManyPoints(const QStringList &arguments, const QString &trial,
                                       const Hashes &after)
{
    // Whole runs first: how long one takes (the middle of three), and that it ends with the new
    // rows.
    std::vector<double> runs;
    for (int run = 0; run < 3; ++run) {
        QVERIFY(copyCache(m_base, trial));
        QElapsedTimer clock;
        clock.start();
        QProcess whole;
        whole.setProcessEnvironment(m_env);
        whole.start(indexlensBinary(), arguments);
        QVERIFY(QTest::qWaitFor([&] { return whole.state() == QProcess::NotRunning; }, 60000));
        runs.push_back(double(clock.elapsed()));
        QCOMPARE(whole.exitCode(), 0);
        QString integrity;
        QVERIFY(symbolHashes(trial, &integrity) == after);
    }
    std::sort(runs.begin(), runs.end());
    const double runMs = runs[1];

    int trials = 0, killed = 0, allOld = 0, allNew = 0, partly = 0;
    const auto killAt = [&](double delay) {
        QVERIFY(copyCache(m_base, trial));
        ++trials;
        if (!runAndKill(arguments, delay)) ++killed;
        QString integrity;
        const Hashes hashes = symbolHashes(trial, &integrity);
        QVERIFY2(integrity == QStringLiteral("ok"),
                 qPrintable(QStringLiteral("kill at %1 ms: %2").arg(delay).arg(integrity)));
        int newer = 0;
        for (const QString &symbol : kSymbols) {
            const QByteArray &h = hashes.at(symbol);
            QVERIFY2(h == m_old.at(symbol) || h == after.at(symbol),
                     qPrintable(QStringLiteral("kill at %1 ms: %2 holds a mix of old and new rows")
                                    .arg(delay)
                                    .arg(symbol)));
            if (h == after.at(symbol)) ++newer;
        }
        if (newer == 0)
            ++allOld;
        else if (newer == kSymbols.size())
            ++allNew;
        else
            ++partly;
    };
    // Spread over the whole run; on a busy machine runs vary, so where every kill landed on one
    // side of the writes, a few more rounds move the window later or earlier.
    double lo = 0, hi = runMs;
    for (int round = 0; round < 4; ++round) {
        const int count = round == 0 ? kTrials : kTrials / 2;
        for (int i = 0; i < count; ++i) {
            killAt(lo + (hi - lo) * (i + 0.5) / count);
            if (QTest::currentTestFailed()) return;
        }
        if (allOld > 0 && partly + allNew > 0) break;
        if (allOld == 0) { // every kill came after a commit: earlier
            hi = lo + (hi - lo) / 2;
        } else { // none after a commit: later
            lo = hi;
            hi *= 3;
        }
    }
    qInfo("%s: whole run %.0f ms; %d kills: %d during the run, symbols all old %d, some new %d, "
          "all new %d",
          qPrintable(arguments.at(2)), runMs, trials, killed, allOld, partly, allNew);
    // The kills landed before, between and after the writes, not all on one side of them.
    QVERIFY(killed >= trials / 4);
    QVERIFY(allOld > 0);
    QVERIFY(partly + allNew > 0);
}

void TestCrashSafety::importKilledAtManyPoints()
{
    const QString trial = m_dir.filePath(QStringLiteral("import.sqlite"));
    Hashes after;
    {
        QVERIFY(copyCache(m_base, trial));
        const CliRun run = runIndexlens(
            QStringList{QStringLiteral("--db"), trial, QStringLiteral("import")} + m_newFiles,
            m_env);
        QCOMPARE(run.exitCode, 0);
        QString integrity;
        after = symbolHashes(trial, &integrity);
        for (const QString &symbol : kSymbols)
            QVERIFY(after.at(symbol) != m_old.at(symbol));
    }
    killAtManyPoints(QStringList{QStringLiteral("--db"), trial, QStringLiteral("import")} +
                         m_newFiles,
                     trial, after);
}

void TestCrashSafety::updateKilledAtManyPoints()
{
    const QString trial = m_dir.filePath(QStringLiteral("update.sqlite"));
    QVERIFY(copyCache(m_base, trial));
    QProcess p;
    p.setProcessEnvironment(m_env);
    p.start(indexlensBinary(), updateArguments(trial));
    QVERIFY(QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 60000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    QString integrity;
    const Hashes after = symbolHashes(trial, &integrity);
    for (const QString &symbol : kSymbols)
        QVERIFY(after.at(symbol) != m_old.at(symbol));
    killAtManyPoints(updateArguments(trial), trial, after);
}

void TestCrashSafety::twoProcessesUpdateAtOnce()
{
    const QString shared = m_dir.filePath(QStringLiteral("shared.sqlite"));
    for (int round = 0; round < 3; ++round) {
        QVERIFY(copyCache(m_base, shared));
        QProcess first, second;
        for (QProcess *p : {&first, &second}) {
            p->setProcessEnvironment(m_env);
            p->start(indexlensBinary(), updateArguments(shared));
        }
        QVERIFY(QTest::qWaitFor(
            [&] {
                return first.state() == QProcess::NotRunning &&
                       second.state() == QProcess::NotRunning;
            },
            60000));
        for (QProcess *p : {&first, &second}) {
            const QString err = QString::fromUtf8(p->readAllStandardError());
            QVERIFY2(p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0,
                     qPrintable(err));
            QVERIFY2(!err.contains(QStringLiteral("locked")), qPrintable(err));
        }
        QString integrity;
        const Hashes hashes = symbolHashes(shared, &integrity);
        QCOMPARE(integrity, QStringLiteral("ok"));
        for (const QString &symbol : kSymbols)
            QVERIFY(hashes.at(symbol) != m_old.at(symbol));
    }
}

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
