// SPDX-License-Identifier: GPL-3.0-or-later
// Issue #21, in the window: it follows what a command writes into its cache, a first run that
// starts with Import CSV turns into the pair view without a dialog, and a cache damaged in the
// middle is said as damaged (never "No prices in the cache yet"), written no more, and moved
// aside on request.
#include "charts/ChartView.h"
#include "DataJobs.h"
#include "FileDialogs.h"
#include "MainWindow.h"
#include "TestCommon.h"

#include "import/CsvImporter.h"
#include "storage/PriceStore.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTest>
#include <QTimer>

using namespace indexlens;
using namespace indexlens::test;

namespace {

QString market(const QString &file)
{
    return syntheticDataDir() + QLatin1Char('/') + file;
}

bool listHas(const QListWidget *list, const QString &symbol)
{
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->data(Qt::UserRole).toString() == symbol) return true;
    return false;
}

// Records the text of every modal dialog that comes up while it lives, and closes it.
class ModalWatch : public QObject {
public:
    ModalWatch()
    {
        connect(&m_timer, &QTimer::timeout, this, [this] {
            if (QWidget *modal = QApplication::activeModalWidget()) {
                const auto *box = qobject_cast<QMessageBox *>(modal);
                seen << (box ? box->text() : modal->windowTitle());
                modal->close();
            }
        });
        m_timer.start(20);
    }
    QStringList seen;

private:
    QTimer m_timer;
};

} // namespace

class TestLiveCache : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void issue21WindowFollowsWhatACommandWrote();
    void issue21FirstRunByImportSaysTheMissingRateOnce();
    void issue21FirstRunWithOtherSeriesShowsThem();
    void issue21DamagedCacheIsSaidNotEmptyAndMovedAside();
    void issue21FileDialogBesideTheCacheKeepsItsLocks();
    void issue21WindowImportSaysImplausibleMoves();
    void issue21ImportingTheCacheItselfIsRefusedUnread();

private:
    // The window on the test's cache, shown; null when it never came up.
    std::unique_ptr<MainWindow> openWindow() const;
    // `indexlens --db CACHE ARGS`, with settings of the test's own.
    CliRun command(const QStringList &arguments) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestLiveCache::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(QStringLiteral("cache.sqlite"));
    qputenv("INDEXLENS_SETTINGS", m_dir->filePath(QStringLiteral("settings.ini")).toUtf8());
    qunsetenv("INDEXLENS_NO_DIALOGS");
}

std::unique_ptr<MainWindow> TestLiveCache::openWindow() const
{
    auto window = std::make_unique<MainWindow>(m_path);
    window->show();
    return QTest::qWaitForWindowExposed(window.get()) ? std::move(window) : nullptr;
}

CliRun TestLiveCache::command(const QStringList &arguments) const
{
    return runIndexlens(QStringList{QStringLiteral("--db"), m_path} + arguments,
                        childEnvironment(m_dir->filePath(QStringLiteral("s.ini"))));
}

void TestLiveCache::issue21WindowFollowsWhatACommandWrote()
{
    ModalWatch modals;
    const auto window = openWindow();
    QVERIFY(window);
    auto *emptyUpdate = window->findChild<QPushButton *>(QStringLiteral("emptyUpdate"));
    QVERIFY(emptyUpdate->isVisible());
    CliRun run = command({QStringLiteral("import"), market(QStringLiteral("yahoo/IWM.csv")),
                          market(QStringLiteral("yahoo/SPY.csv")),
                          market(QStringLiteral("fred/DGS10.csv"))});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    // No restart: the empty screen turns into the pair view.
    QTRY_VERIFY_WITH_TIMEOUT(window->pair() != nullptr, 10000);
    QVERIFY(!emptyUpdate->isVisible());
    QVERIFY(window->chartView(ChartKind::Ratio)->isVisible());
    QCOMPARE(window->pair()->symbolA(), QStringLiteral("IWM"));
    QCOMPARE(window->session().currentPick().rates, QStringList{QStringLiteral("DGS10")});
    const QDate lastBefore = window->pair()->last();
    // A later command's series appear in the pickers too.
    auto *seriesA = window->findChild<QComboBox *>(QStringLiteral("seriesA"));
    run = command({QStringLiteral("import"), market(QStringLiteral("yahoo/^GSPC.csv"))});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    // Among the cached entries (IWM, SPY, ^GSPC), before the catalog's.
    QTRY_COMPARE_WITH_TIMEOUT(seriesA->findData(QStringLiteral("^GSPC")), 2, 10000);
    QCOMPARE(window->pair()->last(), lastBefore);
    QCOMPARE(window->statusBar()->currentMessage().contains(QStringLiteral("not in the cache")),
             false);
    QVERIFY2(modals.seen.isEmpty(), qPrintable(modals.seen.join(QLatin1Char('\n'))));
}

void TestLiveCache::issue21FirstRunByImportSaysTheMissingRateOnce()
{
    ModalWatch modals;
    const auto window = openWindow();
    QVERIFY(window);
    auto *emptyImport = window->findChild<QPushButton *>(QStringLiteral("emptyImport"));
    window->importPaths({market(QStringLiteral("yahoo/IWM.csv"))});
    QTRY_VERIFY_WITH_TIMEOUT(
        window->statusBar()->currentMessage().startsWith(QStringLiteral("Imported 1 file")), 10000);
    QVERIFY(emptyImport->isVisible()); // one series: no pair yet
    window->importPaths({market(QStringLiteral("yahoo/SPY.csv"))});
    QTRY_VERIFY_WITH_TIMEOUT(window->pair() != nullptr, 10000);
    QVERIFY(!emptyImport->isVisible());
    QVERIFY(window->chartView(ChartKind::Ratio)->isVisible());
    QCOMPARE(window->pair()->symbolA(), QStringLiteral("IWM"));
    QCOMPARE(window->pair()->symbolB(), QStringLiteral("SPY"));
    QTRY_VERIFY_WITH_TIMEOUT(
        window->statusBar()->currentMessage().contains(QStringLiteral("DGS10 is not in the cache")),
        5000);
    const QString said = window->statusBar()->currentMessage();
    QVERIFY2(said.startsWith(QStringLiteral("Imported 1 file")), qPrintable(said));
    QVERIFY2(
        said.endsWith(QStringLiteral("DGS10 is not in the cache, so the charts show IWM vs SPY "
                                     "without a rate; Update or import it")),
        qPrintable(said));
    // Another import: the line is not said again, and never as a dialog.
    window->importPaths({market(QStringLiteral("yahoo/^GSPC.csv"))});
    QTRY_VERIFY_WITH_TIMEOUT(
        window->statusBar()->currentMessage().startsWith(QStringLiteral("Imported 1 file")), 10000);
    QTest::qWait(100);
    QVERIFY2(!window->statusBar()->currentMessage().contains(QStringLiteral("DGS10")),
             qPrintable(window->statusBar()->currentMessage()));
    QVERIFY2(modals.seen.isEmpty(), qPrintable(modals.seen.join(QLatin1Char('\n'))));
    // The rate list offers what the cache has, once it has it; the default rate comes back as
    // soon as it is imported.
    window->importPaths({market(QStringLiteral("fred/DGS2.csv"))});
    QTRY_VERIFY_WITH_TIMEOUT(
        listHas(window->findChild<QListWidget *>(QStringLiteral("rates")), QStringLiteral("DGS2")),
        10000);
    QCOMPARE(window->session().currentPick().rates, QStringList());
    window->importPaths({market(QStringLiteral("fred/DGS10.csv"))});
    QTRY_COMPARE_WITH_TIMEOUT(window->session().currentPick().rates,
                              QStringList{QStringLiteral("DGS10")}, 10000);
    QVERIFY2(modals.seen.isEmpty(), qPrintable(modals.seen.join(QLatin1Char('\n'))));
}

void TestLiveCache::issue21FirstRunWithOtherSeriesShowsThem()
{
    ModalWatch modals;
    const auto window = openWindow();
    QVERIFY(window);
    window->importPaths({market(QStringLiteral("yahoo/^GSPC.csv")),
                         market(QStringLiteral("close-only/^IXIC.csv"))});
    QTRY_VERIFY_WITH_TIMEOUT(window->pair() != nullptr, 10000);
    QCOMPARE(window->pair()->symbolA(), QStringLiteral("^GSPC"));
    QCOMPARE(window->pair()->symbolB(), QStringLiteral("^IXIC"));
    QTRY_VERIFY_WITH_TIMEOUT(window->statusBar()->currentMessage().contains(QStringLiteral(
                                 "IWM, SPY, DGS10 are not in the cache, so the charts show "
                                 "^GSPC vs ^IXIC without a rate; Update or import them")),
                             5000);
    QVERIFY2(modals.seen.isEmpty(), qPrintable(modals.seen.join(QLatin1Char('\n'))));
}

void TestLiveCache::issue21DamagedCacheIsSaidNotEmptyAndMovedAside()
{
    qputenv("INDEXLENS_NO_DIALOGS", "1");
    {
        QString error;
        auto db = Database::open(m_path, &error);
        QVERIFY2(db, qPrintable(error));
        PriceStore store(*db);
        for (const QString &symbol : {QStringLiteral("AAA"), QStringLiteral("BBB")}) {
            ImportError importError;
            const auto file = CsvImporter().parse(
                yahooCsv(syntheticBars(QDate(1990, 1, 2), 4000, 100, quint32(symbol[0].unicode()))),
                symbol + QStringLiteral(".csv"), {}, &importError);
            QVERIFY(file);
            QVERIFY2(store.write(*file, QStringLiteral("import"), symbol, &error),
                     qPrintable(error));
        }
    } // closed: the WAL is checkpointed into the file and removed
    QByteArray bytes = readFile(m_path);
    const qsizetype page = 4096;
    QVERIFY(bytes.size() > 40 * page);
    const qsizetype middle = (bytes.size() / page / 2) * page;
    bytes.replace(middle, page, QByteArray(page, '\0')); // 4 KB of zeros in the middle
    {
        QFile f(m_path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(bytes);
    }
    {
        const auto window = openWindow();
        QVERIFY(window);
        QVERIFY(!window->findChild<QPushButton *>(QStringLiteral("emptyUpdate"))->isVisible());
        auto *text = window->findChild<QLabel *>(QStringLiteral("damagedText"));
        QVERIFY(text && text->isVisible());
        QVERIFY2(text->text().contains(QStringLiteral("The cache file is damaged")),
                 qPrintable(text->text()));
        QVERIFY2(text->text().contains(m_path), qPrintable(text->text()));
        QVERIFY2(window->statusBar()->currentMessage().contains(
                     QStringLiteral("%1: the cache file is damaged").arg(m_path)),
                 qPrintable(window->statusBar()->currentMessage()));
        QVERIFY(window->findChild<QPushButton *>(QStringLiteral("moveDamagedAside"))->isVisible());
    }
    // Nothing was written into it, not even at the close.
    QCOMPARE(readFile(m_path), bytes);
    QVERIFY(!QFile::exists(m_path + QStringLiteral("-wal")) ||
            QFileInfo(m_path + QStringLiteral("-wal")).size() == 0);
    // Moved aside on request: a new, empty cache in its place, the old bytes kept.
    const auto window = openWindow();
    QVERIFY(window);
    QTest::mouseClick(window->findChild<QPushButton *>(QStringLiteral("moveDamagedAside")),
                      Qt::LeftButton);
    const QStringList moved =
        QDir(m_dir->path())
            .entryList({QStringLiteral("cache.sqlite.damaged-*")}, QDir::Files)
            .filter(QRegularExpression(QStringLiteral("damaged-[0-9-]+$"))); // not -wal, -shm
    QVERIFY2(moved.size() == 1, qPrintable(QDir(m_dir->path()).entryList().join(QLatin1Char(' '))));
    QCOMPARE(readFile(m_dir->filePath(moved[0])), bytes);
    QVERIFY(window->findChild<QPushButton *>(QStringLiteral("emptyUpdate"))->isVisible());
    QVERIFY2(
        window->statusBar()->currentMessage().contains(
            QStringLiteral("The damaged cache was moved to %1").arg(m_dir->filePath(moved[0]))),
        qPrintable(window->statusBar()->currentMessage()));
}

// Issue #21, found by using the window: Import CSV from the cache's own folder. Qt's file dialog
// read every file it listed to guess its type (the cache, its -wal, its -shm), and each close
// dropped the window's POSIX locks: the next command deleted the WAL the window was using.
void TestLiveCache::issue21FileDialogBesideTheCacheKeepsItsLocks()
{
    qputenv("INDEXLENS_NO_DIALOGS", "1");
    CliRun run = command({QStringLiteral("import"), market(QStringLiteral("yahoo/IWM.csv")),
                          market(QStringLiteral("yahoo/SPY.csv"))});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QFile::copy(market(QStringLiteral("fred/DGS10.csv")), m_dir->filePath(QStringLiteral("x.csv")));
    const auto window = openWindow();
    QVERIFY(window);
    QVERIFY(window->pair());
    QVERIFY(QFile::exists(m_path + QStringLiteral("-wal")));
    const auto dialog = makeFileDialog(window.get(), QStringLiteral("Import CSV files"),
                                       m_dir->path(), QStringLiteral("All files (*)"));
    dialog->show();
    auto *list = dialog->findChild<QAbstractItemView *>(QStringLiteral("listView"));
    QVERIFY(list);
    // The cache, its -wal and -shm, x.csv and the settings: listed, with their types.
    QTRY_VERIFY_WITH_TIMEOUT(list->model()->rowCount(list->rootIndex()) >= 4, 5000);
    QTest::qWait(300);
    run = command({QStringLiteral("list")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QStringList deleted = deletedCacheSideFiles(QCoreApplication::applicationPid());
    QVERIFY2(deleted.isEmpty(), qPrintable(deleted.join(QLatin1Char('\n'))));
    QVERIFY(QFile::exists(m_path + QStringLiteral("-wal")));
}

// Issue #21: a daily move beyond +100 %/-60 % is imported, and the window says so as `import`
// does (it used to reach the import log only).
void TestLiveCache::issue21WindowImportSaysImplausibleMoves()
{
    qputenv("INDEXLENS_NO_DIALOGS", "1");
    const QString csv = m_dir->filePath(QStringLiteral("JMP.csv"));
    {
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("Date,Close\n2024-01-02,10\n2024-01-03,40\n2024-01-04,41\n");
    }
    const auto window = openWindow();
    QVERIFY(window);
    auto *jobs = window->findChild<DataJobs *>();
    QVERIFY(jobs);
    QSignalSpy said(jobs, &DataJobs::failed);
    window->importPaths({csv});
    QTRY_COMPARE_WITH_TIMEOUT(said.count(), 1, 10000);
    const QString summary = said.at(0).at(0).toString();
    QVERIFY2(summary.startsWith(QStringLiteral("Imported 1 file, 3 rows added or changed; check "
                                               "the data: %1: JMP: 1 daily move")
                                    .arg(csv)),
             qPrintable(summary));
    QVERIFY2(said.at(0).at(1).toString().contains(QStringLiteral("2024-01-03 +300.0 %")),
             qPrintable(said.at(0).at(1).toString()));
    QCOMPARE(window->statusBar()->currentMessage(), summary);
    QString error;
    auto db = Database::open(m_path, &error);
    QVERIFY2(db, qPrintable(error));
    QCOMPARE(int(PriceStore(*db).bars(QStringLiteral("JMP")).size()), 3); // written all the same
}

// Issue #21, found by a user trial: File > Import CSV of the cache file itself. The importer opened
// it to read it, and its close dropped the window's locks: the next command deleted the WAL.
void TestLiveCache::issue21ImportingTheCacheItselfIsRefusedUnread()
{
    qputenv("INDEXLENS_NO_DIALOGS", "1");
    CliRun run = command({QStringLiteral("import"), market(QStringLiteral("yahoo/IWM.csv")),
                          market(QStringLiteral("yahoo/SPY.csv"))});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const auto window = openWindow();
    QVERIFY(window);
    auto *jobs = window->findChild<DataJobs *>();
    QSignalSpy said(jobs, &DataJobs::failed);
    // Another spelling of the same file counts too.
    const QString other = m_dir->path() + QStringLiteral("/./cache.sqlite");
    window->importPaths({other, m_path + QStringLiteral("-shm")});
    QTRY_COMPARE_WITH_TIMEOUT(said.count(), 1, 10000);
    const QString details = said.at(0).at(1).toString();
    QVERIFY2(details.contains(QStringLiteral("%1: this is the cache itself (or its -wal or -shm), "
                                             "not a CSV file: it is not read")
                                  .arg(other)),
             qPrintable(details));
    QVERIFY2(details.contains(m_path + QStringLiteral("-shm: this is the cache itself")),
             qPrintable(details));
    run = command({QStringLiteral("list")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QStringList deleted = deletedCacheSideFiles(QCoreApplication::applicationPid());
    QVERIFY2(deleted.isEmpty(), qPrintable(deleted.join(QLatin1Char('\n'))));
    // The command line refuses it alike.
    run = command({QStringLiteral("import"), m_path});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("%1: this is the cache itself").arg(m_path)),
             qPrintable(run.err));
}

QTEST_MAIN(TestLiveCache)
#include "tst_livecache.moc"
