// SPDX-License-Identifier: GPL-3.0-or-later
// Issue #21: one cache shared by a window and commands stays whole. This process plays the
// window: a main connection open for the whole run (the window's) and, every round, a worker
// thread that opens its own connection to write (as an import in the window does). At the same
// time `indexlens import`, `update` (from a loopback server), `list` and `export` run as child
// processes. The cache used to lose whole imports and fail PRAGMA integrity_check: opening and
// closing the file outside SQLite at every open dropped the POSIX locks of the main connection,
// and a child that closed its connection then deleted the WAL this process was writing to.
#include "FakeHttpServer.h"
#include "ProviderFixtures.h"
#include "TestCommon.h"

#include "import/CsvImporter.h"
#include "storage/CacheError.h"
#include "storage/PriceStore.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTimer>

#include <atomic>
#include <map>
#include <thread>

using namespace indexlens;
using namespace indexlens::test;

namespace {

constexpr int kRounds = 200;
constexpr int kRowsPerSymbol = 20;

// The bars a writer writes for its symbol of round `round`; seeds differ per writer and round.
std::vector<Bar> barsFor(int writer, int round)
{
    return syntheticBars(QDate(2001, 1, 2).addDays(qint64(round) * 3), kRowsPerSymbol, 50 + round,
                         quint32(1000 * writer + round));
}

QString symbolName(char writer, int round)
{
    return QStringLiteral("%1%2").arg(QLatin1Char(writer)).arg(round, 3, 10, QLatin1Char('0'));
}

// Writes `symbol`'s bars through `db`, as the window's import does; empty or the error.
QString writeSymbol(Database &db, const QString &symbol, const std::vector<Bar> &bars)
{
    ImportError importError;
    const auto file =
        CsvImporter().parse(yahooCsv(bars), symbol + QStringLiteral(".csv"), {}, &importError);
    if (!file) return importError.toString();
    QString error;
    if (!PriceStore(db).write(*file, QStringLiteral("import"), symbol, &error)) return error;
    return {};
}

} // namespace

class TestSharedCache : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void issue21WindowAndCommandsShareTheCache();

private:
    // Starts `indexlens ARGS` and returns the process (owned by `parent`).
    QProcess *start(const QStringList &arguments, QObject *parent);
    using Written = std::map<QString, std::vector<Bar>>; // what each symbol must hold
    // Starts a round's two commands: one that writes (import, or update from the server) and one
    // that reads (list, or export).
    QList<QProcess *> startCommands(int round, QObject *parent, Written &written);
    // One round: the commands, the worker's write and the window's reads and write at once;
    // returns what went wrong.
    QStringList runRound(int round, Database &window, Written &written);
    void checkCache(const Written &written);

    QTemporaryDir m_dir;
    QString m_path;
    QProcessEnvironment m_env;
    std::unique_ptr<FakeHttpServer> m_server;
    std::map<QString, std::vector<Bar>> m_served; // what the server answers, by symbol
};

void TestSharedCache::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("shared.sqlite"));
    m_server = std::make_unique<FakeHttpServer>();
    m_server->setHandler([this](const FakeRequest &r) {
        const QString symbol = r.path.section(QLatin1Char('/'), -1);
        return FakeResponse::json(
            yahooChartJson(symbol, m_served[symbol],
                           r.query.queryItemValue(QStringLiteral("period1")).toLongLong(),
                           r.query.queryItemValue(QStringLiteral("period2")).toLongLong()));
    });
    m_env = childEnvironment(m_dir.filePath(QStringLiteral("settings.ini")));
    m_env.insert(QStringLiteral("INDEXLENS_YAHOO_BASE"), m_server->baseUrl());
    // The pair the exports draw, as a user's cache starts.
    const QString market = syntheticDataDir();
    const CliRun run = runIndexlens({QStringLiteral("--db"), m_path, QStringLiteral("import"),
                                     market + QStringLiteral("/yahoo/IWM.csv"),
                                     market + QStringLiteral("/yahoo/SPY.csv"),
                                     market + QStringLiteral("/fred/DGS10.csv")},
                                    m_env);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
}

QProcess *TestSharedCache::start(const QStringList &arguments, QObject *parent)
{
    auto *p = new QProcess(parent);
    p->setProcessEnvironment(m_env);
    p->start(indexlensBinary(), QStringList{QStringLiteral("--db"), m_path} + arguments);
    return p;
}

QList<QProcess *> TestSharedCache::startCommands(int round, QObject *parent, Written &written)
{
    QList<QProcess *> running;
    // A command that writes: an import of a file, or an update from the server.
    if (round % 2 == 0) {
        const QString symbol = symbolName('C', round);
        written[symbol] = barsFor(1, round);
        const QString csv = m_dir.filePath(symbol + QStringLiteral(".csv"));
        QFile f(csv);
        if (f.open(QIODevice::WriteOnly)) f.write(yahooCsv(written[symbol]));
        f.close();
        running << start({QStringLiteral("import"), csv}, parent);
        running << start({QStringLiteral("list")}, parent);
        return running;
    }
    const QString symbol = symbolName('U', round);
    m_served[symbol] = written[symbol] = barsFor(2, round);
    running << start({QStringLiteral("update"), symbol, QStringLiteral("--full")}, parent);
    running << start({QStringLiteral("export"), QStringLiteral("--chart"), QStringLiteral("ratio"),
                      QStringLiteral("--a"), QStringLiteral("IWM"), QStringLiteral("--b"),
                      QStringLiteral("SPY"), QStringLiteral("--from"), QStringLiteral("2024-01-02"),
                      QStringLiteral("--to"), QStringLiteral("2024-06-28"),
                      QStringLiteral("--width"), QStringLiteral("400"), QStringLiteral("--height"),
                      QStringLiteral("300"), QStringLiteral("--out"),
                      m_dir.filePath(QStringLiteral("round.png"))},
                     parent);
    return running;
}

QStringList TestSharedCache::runRound(int round, Database &window, Written &written)
{
    QObject children;
    const QList<QProcess *> running = startCommands(round, &children, written);
    // The window's worker: a connection of its own for one import, on its own thread.
    const QString workerSymbol = symbolName('W', round);
    written[workerSymbol] = barsFor(3, round);
    const std::vector<Bar> &workerBars = written[workerSymbol];
    std::atomic<bool> workerDone{false};
    QString workerError;
    std::thread worker([&] {
        QString openError;
        auto db = Database::open(m_path, &openError);
        workerError = db ? writeSymbol(*db, workerSymbol, workerBars) : openError;
        workerDone = true;
    });
    // The window itself reads at every tick and writes once meanwhile; the event loop serves
    // the updates.
    const QString mainSymbol = symbolName('M', round);
    written[mainSymbol] = barsFor(4, round);
    const std::vector<Bar> &mainBars = written[mainSymbol];
    QStringList failures;
    int tick = 0;
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        try {
            if (++tick == 5) failures << writeSymbol(window, mainSymbol, mainBars);
            PriceStore(window).lastDate(QStringLiteral("IWM"));
        } catch (const CacheError &e) {
            failures << e.message();
        }
        failures << deletedCacheSideFiles(QCoreApplication::applicationPid());
        bool childrenDone = true;
        for (QProcess *p : running) {
            if (p->state() == QProcess::Running) failures << deletedCacheSideFiles(p->processId());
            childrenDone = childrenDone && p->state() == QProcess::NotRunning;
        }
        if (childrenDone && workerDone && tick >= 5) loop.quit();
    });
    poll.start(2);
    loop.exec();
    worker.join();
    for (QProcess *p : running)
        if (p->exitStatus() != QProcess::NormalExit || p->exitCode() != 0)
            failures << QStringLiteral("%1 %2 failed: %3")
                            .arg(p->program(), p->arguments().join(QLatin1Char(' ')),
                                 QString::fromUtf8(p->readAllStandardError()));
    failures << workerError;
    failures.removeAll(QString());
    for (QString &f : failures)
        f = QStringLiteral("round %1: %2").arg(round).arg(f);
    return failures;
}

void TestSharedCache::issue21WindowAndCommandsShareTheCache()
{
    QString error;
    auto window = Database::open(m_path, &error); // the window's connection, open throughout
    QVERIFY2(window, qPrintable(error));
    Written written;
    QStringList failures;
    for (int round = 0; round < kRounds && failures.isEmpty(); ++round)
        failures << runRound(round, *window, written);
    QVERIFY2(failures.isEmpty(), qPrintable(failures.mid(0, 5).join(QLatin1Char('\n'))));
    window.reset();
    checkCache(written);
}

// integrity_check is ok, and every symbol written holds exactly its rows.
void TestSharedCache::checkCache(const Written &written)
{
    QString error;
    auto db = Database::open(m_path, &error);
    QVERIFY2(db, qPrintable(error));
    QCOMPARE(integrityCheck(*db), QStringLiteral("ok"));
    const PriceStore store(*db);
    int symbols = 0;
    for (const InstrumentSummary &s : store.list()) {
        const auto it = written.find(s.instrument.symbol);
        if (it == written.end()) continue; // IWM, SPY, DGS10
        ++symbols;
        const std::vector<Bar> bars = store.bars(s.instrument.symbol);
        QCOMPARE(int(bars.size()), kRowsPerSymbol);
        for (std::size_t i = 0; i < bars.size(); ++i) {
            QCOMPARE(bars[i].date, it->second[i].date);
            COMPARE_NEAR(bars[i].close, it->second[i].close, 1e-6);
        }
    }
    QCOMPARE(symbols, int(written.size()));
}

QTEST_GUILESS_MAIN(TestSharedCache)
#include "tst_sharedcache.moc"
