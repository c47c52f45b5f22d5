// SPDX-License-Identifier: GPL-3.0-or-later
// Issue #6: a damaged, newer, read-only or full cache. The app says what is wrong, never deletes
// the user's file (a damaged one is moved aside with a timestamp), opens read-only where it cannot
// write, and a write that hits a full disk leaves the cache as it was.
#include "TestCommon.h"

#include "import/CsvImporter.h"
#include "storage/CacheError.h"
#include "storage/PriceStore.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>

#include <csignal>
#include <sys/resource.h>
#include <unistd.h>

using namespace indexlens;
using namespace indexlens::test;

namespace {

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

// Fills a cache at `path` with `rows` bars of SYN and closes it (WAL checkpointed and removed).
void makeCache(const QString &path, int rows)
{
    QString error;
    auto db = Database::open(path, &error);
    QVERIFY2(db, qPrintable(error));
    ImportError importError;
    const auto file = CsvImporter().parse(yahooCsv(syntheticBars(QDate(2000, 1, 3), rows, 100, 7)),
                                          QStringLiteral("SYN.csv"), {}, &importError);
    QVERIFY2(file, qPrintable(importError.toString()));
    QVERIFY2(
        PriceStore(*db).write(*file, QStringLiteral("import"), QStringLiteral("SYN.csv"), &error),
        qPrintable(error));
}

// The one file next to `path` whose name starts with "<name>.damaged-".
QString movedAside(const QString &path)
{
    const QFileInfo info(path);
    const QStringList found =
        QDir(info.absolutePath())
            .entryList({info.fileName() + QStringLiteral(".damaged-*")}, QDir::Files);
    return found.size() == 1 ? info.absolutePath() + QLatin1Char('/') + found.first() : QString();
}

// Runs the child as the unprivileged user `nobody` when the tests run as root (CI does), since
// root writes through any permission bits.
void dropRoot()
{
    if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) ::_exit(120);
}

} // namespace

class TestDamagedCache : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fileThatIsNotSqliteIsMovedAside();
    void truncatedFileIsMovedAside();
    void malformedSchemaPageIsMovedAside();
    void commandLineSaysWhatHappened();
    void newerSchemaIsLeftAlone();
    void readOnlyFileOpensForReading();
    void readOnlyFolderOpensForReading();
    void fullDiskLeavesCacheUnchanged();
    void damagedDataPageIsAnErrorNotAShortSeries();
    void issue21ReadOnlyOpenLeavesNothingUnwritable();
    void issue21DamagedCacheTakesNoWrite();
};

void TestDamagedCache::fileThatIsNotSqliteIsMovedAside()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    const QByteArray notes = QByteArray(4096, 'x');
    writeAll(path, notes);
    QString error;
    QStringList messages;
    auto db = Database::open(path, &error, &messages);
    QVERIFY2(db, qPrintable(error));
    QCOMPARE(messages.size(), 1);
    QVERIFY2(messages[0].contains(QStringLiteral("it is not an SQLite database")),
             qPrintable(messages[0]));
    const QString moved = movedAside(path);
    QVERIFY(!moved.isEmpty());
    QVERIFY2(messages[0].contains(moved), qPrintable(messages[0]));
    QCOMPARE(readFile(moved), notes); // the user's bytes, untouched
    QCOMPARE(db->schemaVersion(), Database::kSchemaVersion);
    QVERIFY(PriceStore(*db).list().empty());
}

void TestDamagedCache::truncatedFileIsMovedAside()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    makeCache(path, 3000);
    QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")));
    const QByteArray whole = readFile(path);
    QVERIFY(whole.size() > 40000);
    const QByteArray half = whole.left(whole.size() / 2);
    writeAll(path, half);
    QString error;
    QStringList messages;
    auto db = Database::open(path, &error, &messages);
    QVERIFY2(db, qPrintable(error));
    QCOMPARE(messages.size(), 1);
    QVERIFY2(messages[0].contains(QStringLiteral("it is truncated: %1 bytes of the %2")
                                      .arg(half.size())
                                      .arg(whole.size())),
             qPrintable(messages[0]));
    QCOMPARE(readFile(movedAside(path)), half);
    QVERIFY(PriceStore(*db).list().empty());
}

void TestDamagedCache::malformedSchemaPageIsMovedAside()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    makeCache(path, 100);
    QByteArray bytes = readFile(path);
    // Keep the 100-byte header valid, scramble the rest of page 1 (the schema's b-tree).
    for (int i = 100; i < 4096; ++i)
        bytes[i] = char(0xA5);
    writeAll(path, bytes);
    QString error;
    QStringList messages;
    auto db = Database::open(path, &error, &messages);
    QVERIFY2(db, qPrintable(error));
    QCOMPARE(messages.size(), 1);
    QVERIFY2(messages[0].contains(QStringLiteral("malformed")), qPrintable(messages[0]));
    QCOMPARE(readFile(movedAside(path)), bytes);
}

void TestDamagedCache::commandLineSaysWhatHappened()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    writeAll(path, "Date,Close\n2024-01-02,1\n"); // a CSV saved under the cache's name
    const CliRun run = runIndexlens({QStringLiteral("--db"), path, QStringLiteral("list")},
                                    childEnvironment(dir.filePath(QStringLiteral("settings.ini"))));
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.startsWith(QStringLiteral("indexlens: note: %1: the cache was damaged (it is "
                                               "not an SQLite database); it was moved to %2")
                                    .arg(path, movedAside(path))),
             qPrintable(run.err));
    QCOMPARE(readFile(movedAside(path)), QByteArray("Date,Close\n2024-01-02,1\n"));
}

void TestDamagedCache::newerSchemaIsLeftAlone()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    makeCache(path, 10);
    {
        QString error;
        auto db = Database::open(path, &error);
        QVERIFY(db);
        QSqlQuery q(db->connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 7")));
    }
    const QByteArray before = readFile(path);
    const CliRun run = runIndexlens({QStringLiteral("--db"), path, QStringLiteral("list")},
                                    childEnvironment(dir.filePath(QStringLiteral("s.ini"))));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("%1: the cache has schema version 7, newer than this "
                                             "IndexLens knows (%2)")
                                  .arg(path)
                                  .arg(Database::kSchemaVersion)),
             qPrintable(run.err));
    QVERIFY(movedAside(path).isEmpty());
    QCOMPARE(readFile(path), before);
}

// Both read-only cases: `list` reads, `import` says why it cannot write, the file is unchanged.
static void checkReadOnly(const QString &dir, const QString &path, const QString &reason)
{
    const QString csv = QDir::tempPath() + QStringLiteral("/indexlens-ro-import.csv");
    writeAll(csv, "Date,Close\n2024-01-02,10\n");
    QFile::setPermissions(csv, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther |
                                   QFile::WriteOwner);
    const QByteArray before = readFile(path);
    const QProcessEnvironment env = childEnvironment(QStringLiteral("/nonexistent/settings.ini"));
    CliRun run = runIndexlens({QStringLiteral("--db"), path, QStringLiteral("list"),
                               QStringLiteral("--format"), QStringLiteral("csv")},
                              env, dropRoot);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QStringLiteral("SYN,")), qPrintable(run.out + run.err));
    QVERIFY2(run.err.contains(QStringLiteral("%1: the cache is read-only (%2), so it was opened "
                                             "for reading only")
                                  .arg(path, reason)),
             qPrintable(run.err));
    run = runIndexlens({QStringLiteral("--db"), path, QStringLiteral("import"), csv,
                        QStringLiteral("--symbol"), QStringLiteral("NEW")},
                       env, dropRoot);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("the cache is read-only; nothing written")),
             qPrintable(run.err));
    QCOMPARE(readFile(path), before);
    QVERIFY(movedAside(path).isEmpty());
    QFile::remove(csv);
    Q_UNUSED(dir);
}

void TestDamagedCache::readOnlyFileOpensForReading()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    makeCache(path, 50);
    QVERIFY(QFile::setPermissions(dir.path(), QFileDevice::Permissions(0x7777)));
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    checkReadOnly(dir.path(), path, QStringLiteral("the file is not writable"));
}

void TestDamagedCache::readOnlyFolderOpensForReading()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    makeCache(path, 50);
    const auto readOnly = QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup |
                          QFile::ReadOther | QFile::ExeOther;
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                            QFile::ReadOther));
    QVERIFY(QFile::setPermissions(dir.path(), readOnly));
    // A file owned by the unprivileged user would stay writable: as root, the child is `nobody`,
    // who cannot write root's file either; say "folder" only where the file itself is writable.
    const QString reason = ::geteuid() == 0 ? QStringLiteral("the file is not writable")
                                            : QStringLiteral("its folder is not writable");
    checkReadOnly(dir.path(), path, reason);
    QFile::setPermissions(dir.path(), readOnly | QFile::WriteOwner);
}

void TestDamagedCache::fullDiskLeavesCacheUnchanged()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    makeCache(path, 200);
    QByteArray before;
    {
        QString error;
        auto db = Database::open(path, &error);
        QVERIFY(db);
        before = contentChecksum(*db);
    }
    const QString csv = dir.filePath(QStringLiteral("BIG.csv"));
    writeAll(csv, yahooCsv(syntheticBars(QDate(1990, 1, 2), 9000, 50, 11)));
    // The import needs ~700 kB of WAL; the child may write no file beyond 64 kB. SIGXFSZ would
    // kill it: ignored, write() fails with EFBIG instead, as on a full disk.
    const auto limitFileSize = [] {
        std::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{rlim_t(64) * 1024, rlim_t(64) * 1024};
        ::setrlimit(RLIMIT_FSIZE, &limit);
    };
    const CliRun run =
        runIndexlens({QStringLiteral("--db"), path, QStringLiteral("import"), csv},
                     childEnvironment(dir.filePath(QStringLiteral("s.ini"))), limitFileSize);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(path), qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("the file-size limit of this process was reached")),
             qPrintable(run.err));
    QString error;
    auto db = Database::open(path, &error);
    QVERIFY2(db, qPrintable(error));
    QCOMPARE(integrityCheck(*db), QStringLiteral("ok"));
    QCOMPARE(contentChecksum(*db), before);
}

// Issue #11: a page SQLite finds damaged in the middle of a read (the open check reads the
// header and the schema only) used to end the series there, silently; now the read fails, and the
// command line says so with exit status 1.
void TestDamagedCache::damagedDataPageIsAnErrorNotAShortSeries()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    makeCache(path, 3000);
    QByteArray bytes = readFile(path);
    const qsizetype page = 4096;
    QVERIFY(bytes.size() > 12 * page);
    for (qsizetype i = 4 * page; i < bytes.size() - 2 * page; ++i)
        bytes[i] = char(0xA5);
    writeAll(path, bytes);
    {
        QString error;
        auto db = Database::open(path, &error);
        QVERIFY2(db, qPrintable(error));
        const PriceStore store(*db);
        QVERIFY_THROWS_EXCEPTION(CacheError,
                                 store.closes(QStringLiteral("SYN"), ReturnBasis::Total));
        QVERIFY_THROWS_EXCEPTION(CacheError, store.bars(QStringLiteral("SYN")));
    }
    const CliRun run = runIndexlens({QStringLiteral("--db"), path, QStringLiteral("returns"),
                                     QStringLiteral("--symbols"), QStringLiteral("SYN"),
                                     QStringLiteral("--from"), QStringLiteral("2000-01-03"),
                                     QStringLiteral("--to"), QStringLiteral("2010-01-04")},
                                    childEnvironment(dir.filePath(QStringLiteral("settings.ini"))));
    QCOMPARE(run.exitCode, 1);
    // Issue #21: it says the file is damaged, and which.
    QVERIFY2(
        run.err.contains(
            QStringLiteral("%1: the cache file is damaged: cannot read SYN from it").arg(path)),
        qPrintable(run.err));
}

// Issue #21: a read-only open used to leave a -shm with the file's mode of that moment (0444):
// once the cache was writable again, every import failed on it.
void TestDamagedCache::issue21ReadOnlyOpenLeavesNothingUnwritable()
{
    QTemporaryDir dir;
    QVERIFY(QFile::setPermissions(dir.path(), QFileDevice::Permissions(0x7777)));
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    const QProcessEnvironment env = childEnvironment(dir.filePath(QStringLiteral("s.ini")));
    const QString csv = dir.filePath(QStringLiteral("SYN.csv"));
    writeAll(csv, yahooCsv(syntheticBars(QDate(2000, 1, 3), 30, 100, 7)));
    QFile::setPermissions(csv, QFileDevice::Permissions(0x6444));
    // The cache belongs to the user who runs the commands (as root: nobody).
    CliRun run =
        runIndexlens({QStringLiteral("--db"), path, QStringLiteral("import"), csv}, env, dropRoot);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(QFile::setPermissions(path, QFileDevice::Permissions(0x4444)));
    run = runIndexlens({QStringLiteral("--db"), path, QStringLiteral("list")}, env, dropRoot);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("the cache is read-only")), qPrintable(run.err));
    QVERIFY(QFile::setPermissions(path, QFileDevice::Permissions(0x6644)));
    const QString csv2 = dir.filePath(QStringLiteral("NEW.csv"));
    writeAll(csv2, yahooCsv(syntheticBars(QDate(2001, 1, 3), 30, 100, 8)));
    QFile::setPermissions(csv2, QFileDevice::Permissions(0x6444));
    run =
        runIndexlens({QStringLiteral("--db"), path, QStringLiteral("import"), csv2}, env, dropRoot);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(!run.err.contains(QStringLiteral("read-only")), qPrintable(run.err));
    run = runIndexlens({QStringLiteral("--db"), path, QStringLiteral("list"),
                        QStringLiteral("--format"), QStringLiteral("csv")},
                       env, dropRoot);
    QVERIFY2(run.out.contains(QStringLiteral("NEW,")), qPrintable(run.out + run.err));
}

// Issue #21, found by a user trial: `list` said the cache was damaged, and the next `import`,
// which touched none of the damaged pages, wrote into it all the same.
void TestDamagedCache::issue21DamagedCacheTakesNoWrite()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    makeCache(path, 3000);
    QByteArray bytes = readFile(path);
    const qsizetype page = 4096;
    const qsizetype middle = (bytes.size() / page / 2) * page;
    bytes.replace(middle, page, QByteArray(page, '\0'));
    writeAll(path, bytes);
    const QString csv = dir.filePath(QStringLiteral("NEW.csv"));
    writeAll(csv, yahooCsv(syntheticBars(QDate(2001, 1, 3), 30, 100, 8)));
    const CliRun run = runIndexlens({QStringLiteral("--db"), path, QStringLiteral("import"), csv},
                                    childEnvironment(dir.filePath(QStringLiteral("settings.ini"))));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("%1: the cache file is damaged (").arg(path)),
             qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("nothing was written: move it aside")),
             qPrintable(run.err));
    QCOMPARE(readFile(path), bytes);
    QVERIFY(movedAside(path).isEmpty()); // said, not moved: the user decides
}

QTEST_GUILESS_MAIN(TestDamagedCache)
#include "tst_damagedcache.moc"
