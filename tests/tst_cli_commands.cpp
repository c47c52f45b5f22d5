// SPDX-License-Identifier: GPL-3.0-or-later
// The command line as a whole (issue #11, #14, #15): finding the command, help, version and the man
// page, options before or after the command, usage errors and their exit status, the binary
// without a display, and the settings file it keeps private.
#include "cli/CommandLine.h"
#include "CliFixture.h"
#include "core/AppSettings.h"
#include "providers/ProviderSettings.h"
#include "TestCommon.h"

#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace indexlens;
using namespace indexlens::test;

class TestCliCommands : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7")); }
    void findsSubCommand();
    void helpAndVersion();
    void globalOptionsBeforeOrAfterCommand();
    void usageErrorsExitWithTwo_data();
    void usageErrorsExitWithTwo();
    void binaryRunsWithoutDisplay();
    void windowWithoutDisplaySaysSo();
    void optionValueThatIsAnOptionIsRefused();
    void settingsFileIsPrivate();
    void manPageSaysWhatHelpSays();
    void fixedValuesAreNamed();
};

void TestCliCommands::findsSubCommand()
{
    const QString prog = QStringLiteral("indexlens");
    QCOMPARE(coreRegistry().commandName(
                 {prog, QStringLiteral("--db"), QStringLiteral("x.db"), QStringLiteral("list")}),
             QStringLiteral("list"));
    QCOMPARE(coreRegistry().commandName(
                 {prog, QStringLiteral("--format=json"), QStringLiteral("moves")}),
             QStringLiteral("moves"));
    QCOMPARE(coreRegistry().commandName({prog, QStringLiteral("--symbol"), QStringLiteral("IWM"),
                                         QStringLiteral("import"), QStringLiteral("a.csv")}),
             QStringLiteral("import"));
    QVERIFY(coreRegistry().commandName({prog}).isEmpty());
    QVERIFY(!coreRegistry().isHeadless({prog}));
    QVERIFY(coreRegistry().isHeadless({prog, QStringLiteral("--version")}));
    QVERIFY(coreRegistry().isHeadless({prog, QStringLiteral("list")}));
}

void TestCliCommands::helpAndVersion()
{
    CommandRun r = runCommand({QStringLiteral("--version")});
    QCOMPARE(r.status, 0);
    QCOMPARE(r.out, QStringLiteral("indexlens 9.8.7\n"));
    r = runCommand({QStringLiteral("--help")});
    QCOMPARE(r.status, 0);
    for (const char *command : {"import", "list", "periods", "moves", "returns"})
        QVERIFY2(r.out.contains(QLatin1String(command)), command);
    r = runCommand({QStringLiteral("moves"), QStringLiteral("--help")});
    QCOMPARE(r.status, 0);
    QVERIFY(r.out.startsWith(QStringLiteral("Usage: indexlens moves")));
    QVERIFY(r.out.contains(QStringLiteral("--top N")));
    r = runCommand({QStringLiteral("frobnicate")});
    QCOMPARE(r.status, 2);
    QVERIFY(r.err.contains(QStringLiteral("unknown command 'frobnicate'")));
}

void TestCliCommands::globalOptionsBeforeOrAfterCommand()
{
    CliFixture f;
    runCommand(f.db() + QStringList{QStringLiteral("import")} + f.files);
    const CommandRun before =
        runCommand(f.db() + QStringList{QStringLiteral("--format"), QStringLiteral("csv"),
                                        QStringLiteral("list")});
    const CommandRun after = runCommand(
        QStringList{QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("csv")} +
        f.db());
    QCOMPARE(before.status, 0);
    QCOMPARE(before.out, after.out);
    // INDEXLENS_DB stands in for --db.
    qputenv("INDEXLENS_DB", f.temp.path().toUtf8());
    const CommandRun env =
        runCommand({QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("csv")});
    qunsetenv("INDEXLENS_DB");
    QCOMPARE(env.out, before.out);
}

void TestCliCommands::usageErrorsExitWithTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString a = QStringLiteral("--a"), b = QStringLiteral("--b");
    QTest::newRow("unknown symbol")
        << QStringList{QStringLiteral("returns"), QStringLiteral("--symbols"),
                       QStringLiteral("IWM,XYZ"), QStringLiteral("--ytd-as-of"),
                       QStringLiteral("2024-01-04")}
        << QStringLiteral("unknown symbol XYZ: it is not in the cache");
    // Issue #25, trial: a short average longer than the long one was answered.
    QTest::newRow("rotation short not below long")
        << QStringList{QStringLiteral("rotation"), QStringLiteral("--symbols"),
                       QStringLiteral("IWM"),      QStringLiteral("--benchmark"),
                       QStringLiteral("SPY"),      QStringLiteral("--short"),
                       QStringLiteral("30"),       QStringLiteral("--long"),
                       QStringLiteral("10")}
        << QStringLiteral("--short 30: expected fewer periods than --long 10");
    QTest::newRow("date before data")
        << QStringList{QStringLiteral("periods"),
                       a,
                       QStringLiteral("IWM"),
                       b,
                       QStringLiteral("SPY"),
                       QStringLiteral("--period"),
                       QStringLiteral("2020-01-01:2024-01-04")}
        << QStringLiteral("2020-01-01 is before the first data of IWM (2023-12-29)");
    QTest::newRow("date after data")
        << QStringList{QStringLiteral("moves"),      a,
                       QStringLiteral("IWM"),        b,
                       QStringLiteral("SPY"),        QStringLiteral("--from"),
                       QStringLiteral("2024-01-02"), QStringLiteral("--to"),
                       QStringLiteral("2024-03-01")}
        << QStringLiteral("2024-03-01 is after the last data of IWM (2024-01-04)");
    QTest::newRow("malformed period")
        << QStringList{QStringLiteral("periods"),
                       a,
                       QStringLiteral("IWM"),
                       b,
                       QStringLiteral("SPY"),
                       QStringLiteral("--period"),
                       QStringLiteral("2024-01-02..2024-01-04")}
        << QStringLiteral("malformed --period 2024-01-02..2024-01-04: expected START:END");
    QTest::newRow("bad date")
        << QStringList{QStringLiteral("returns"),    QStringLiteral("--symbols"),
                       QStringLiteral("IWM"),        QStringLiteral("--from"),
                       QStringLiteral("2024-02-30"), QStringLiteral("--to"),
                       QStringLiteral("2024-01-04")}
        << QStringLiteral("--from 2024-02-30 is not a date (expected YYYY-MM-DD)");
    QTest::newRow("rate as price")
        << QStringList{QStringLiteral("returns"), QStringLiteral("--symbols"),
                       QStringLiteral("DGS10"), QStringLiteral("--ytd-as-of"),
                       QStringLiteral("2024-01-04")}
        << QStringLiteral("DGS10 is a rate, not a price");
    QTest::newRow("price as rate") << QStringList{QStringLiteral("periods"),
                                                  a,
                                                  QStringLiteral("IWM"),
                                                  b,
                                                  QStringLiteral("SPY"),
                                                  QStringLiteral("--rate"),
                                                  QStringLiteral("SPY"),
                                                  QStringLiteral("--period"),
                                                  QStringLiteral("2024-01-02:2024-01-04")}
                                   << QStringLiteral("--rate SPY is a price (etf), not a rate");
    QTest::newRow("missing option")
        << QStringList{QStringLiteral("moves"),      a,
                       QStringLiteral("IWM"),        QStringLiteral("--from"),
                       QStringLiteral("2024-01-02"), QStringLiteral("--to"),
                       QStringLiteral("2024-01-04")}
        << QStringLiteral("--b SYM is required");
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("list"), QStringLiteral("--top"), QStringLiteral("3")}
        << QStringLiteral("Unknown option 'top'");
    QTest::newRow("bad format") << QStringList{QStringLiteral("list"), QStringLiteral("--format"),
                                               QStringLiteral("xml")}
                                << QStringLiteral("--format xml: expected text, csv or json");
}

void TestCliCommands::usageErrorsExitWithTwo()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    CliFixture f;
    runCommand(f.db() + QStringList{QStringLiteral("import")} + f.files);
    const CommandRun r = runCommand(f.db() + args);
    QCOMPARE(r.status, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

void TestCliCommands::binaryRunsWithoutDisplay()
{
    CliFixture f;
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    p.setProcessEnvironment(env);
    p.start(indexlensBinary(), f.db() + QStringList{QStringLiteral("import")} + f.files);
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
    p.start(indexlensBinary(),
            f.db() + QStringList{QStringLiteral("returns"), QStringLiteral("--symbols"),
                                 QStringLiteral("SPY"), QStringLiteral("--from"),
                                 QStringLiteral("2023-12-29"), QStringLiteral("--to"),
                                 QStringLiteral("2024-01-04"), QStringLiteral("--format"),
                                 QStringLiteral("csv")});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
    const QStringList lines = QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'));
    // Issue #22: each row says its basis (total or price) and, when it has no value, why.
    QCOMPARE(lines[0], QStringLiteral("symbol,start,end,return_pct,label,basis,note"));
    QVERIFY(lines[1].startsWith(QStringLiteral("SPY,2023-12-29,2024-01-04,")));
    // A fund's Date,Close file holds adjusted closes: total return.
    QVERIFY2(lines[1].endsWith(QStringLiteral(",range,total,")), qPrintable(lines[1]));
    COMPARE_NEAR(lines[1].section(QLatin1Char(','), 3, 3).toDouble(), 0.5, 1e-9);
    p.start(indexlensBinary(), f.db() + QStringList{QStringLiteral("list"), QStringLiteral("--a")});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 2);
}

// Issue #11, 11: the window without a display was SIGABRT and a core dump.
void TestCliCommands::windowWithoutDisplaySaysSo()
{
    TempDatabase temp;
    const auto env = childEnvironment(temp.dir() + QStringLiteral("/s.ini"));
    for (const QStringList &args :
         {QStringList{}, QStringList{QStringLiteral("--format"), QStringLiteral("json")}}) {
        const CliRun r = runIndexlens(args, env);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err, QStringLiteral("indexlens: no display for the window; the command line "
                                       "needs none (indexlens --help)\n"));
    }
}

// Issue #14, 7: "--rate --from 2024-01-02" took --from as the rate and then complained of a
// stray argument. A value that starts with "--" is an error naming the option.
void TestCliCommands::optionValueThatIsAnOptionIsRefused()
{
    CliFixture f;
    QCOMPARE(runCommand(f.db() + QStringList{QStringLiteral("import")} + f.files).status, 0);
    const CommandRun r = runCommand(
        f.db() + QStringList{QStringLiteral("periods"), QStringLiteral("--a"),
                             QStringLiteral("IWM"), QStringLiteral("--b"), QStringLiteral("SPY"),
                             QStringLiteral("--rate"), QStringLiteral("--period"),
                             QStringLiteral("2024-01-02:2024-01-04")});
    QCOMPARE(r.status, 2);
    QCOMPARE(r.err,
             QStringLiteral("indexlens: --rate needs a value (SYM), not the option --period\n"));
    QVERIFY(r.out.isEmpty());
}

// Issue #14, 14: the settings file holds API keys; it was written world-readable (0644). Saving a
// key makes it the owner's alone, and opening the settings mends an existing file's mode.
void TestCliCommands::settingsFileIsPrivate()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("indexlens.ini"));
    const auto others = QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup |
                        QFileDevice::WriteOther;
    {
        QSettings settings(path, QSettings::IniFormat);
        ProviderSettings provider;
        provider.fredApiKey = QStringLiteral("0123456789abcdef0123456789abcdef");
        provider.save(settings);
    }
    QVERIFY(QFileInfo::exists(path));
    QCOMPARE(QFile::permissions(path) & others, QFileDevice::Permissions());
    QVERIFY(QFile::permissions(path) & QFileDevice::ReadOwner);
    // A file from an older version (0644): mended when the app opens its settings.
    QVERIFY(QFile::setPermissions(path, QFile::permissions(path) | QFileDevice::ReadGroup |
                                            QFileDevice::ReadOther));
    const QByteArray before = qgetenv("INDEXLENS_SETTINGS");
    qputenv("INDEXLENS_SETTINGS", path.toUtf8());
    QCOMPARE(openAppSettings()->value(QStringLiteral("providers/fredApiKey")).toString(),
             QStringLiteral("0123456789abcdef0123456789abcdef"));
    qputenv("INDEXLENS_SETTINGS", before);
    QCOMPARE(QFile::permissions(path) & others, QFileDevice::Permissions());
    // A settings file that is not there stays not there.
    const QString none = dir.filePath(QStringLiteral("none.ini"));
    qputenv("INDEXLENS_SETTINGS", none.toUtf8());
    openAppSettings()->value(QStringLiteral("x"));
    qputenv("INDEXLENS_SETTINGS", before);
    QVERIFY(!QFileInfo::exists(none));
}

// Issue #15: the man page is written from the registry by the binary itself; every command and
// every option `--help` lists is in it (the test reads --help, so neither can drift).
void TestCliCommands::manPageSaysWhatHelpSays()
{
    QTemporaryDir dir;
    const auto env = childEnvironment(dir.filePath(QStringLiteral("settings.ini")));
    const CliRun man =
        runIndexlens({QStringLiteral("--generate-manpage"), QStringLiteral("26 Nov 2026")}, env);
    QCOMPARE(man.exitCode, 0);
    QVERIFY2(man.out.contains(QStringLiteral(".TH INDEXLENS 1 \"26 Nov 2026\" \"IndexLens ")),
             qPrintable(man.out.left(300)));
    const CliRun help = runIndexlens({QStringLiteral("--help")}, env);
    const QString commands = help.out.section(QStringLiteral("Commands:\n"), 1)
                                 .section(QStringLiteral("\nGlobal options:"), 0, 0);
    QStringList names;
    const QRegularExpression commandLine(QStringLiteral("^  ([a-z]+)"),
                                         QRegularExpression::MultilineOption);
    for (auto it = commandLine.globalMatch(commands); it.hasNext();)
        names << it.next().captured(1);
    QCOMPARE(names.size(), 14); // import update list periods moves returns extremes rotation
                                // seasonality sensitivity regimes export render study
    const QRegularExpression optionLine(QStringLiteral("^  --([a-z-]+)"),
                                        QRegularExpression::MultilineOption);
    int options = 0;
    for (const QString &name : names) {
        QVERIFY2(man.out.contains(QStringLiteral(".SS \"%1\"").arg(name)), qPrintable(name));
        const CliRun one = runIndexlens({name, QStringLiteral("--help")}, env);
        for (auto it = optionLine.globalMatch(one.out); it.hasNext(); ++options) {
            QString option = it.next().captured(1);
            option.replace(QLatin1Char('-'), QStringLiteral("\\-"));
            QVERIFY2(man.out.contains(QStringLiteral("\\fB\\-\\-%1\\fR").arg(option)),
                     qPrintable(name + QStringLiteral(" --") + option));
        }
    }
    QVERIFY2(options > 80, qPrintable(QString::number(options)));
}

// Issue #15: an option with fixed values (the completion offers them) refuses others by name,
// one rule in the registry for every such option.
void TestCliCommands::fixedValuesAreNamed()
{
    QTemporaryDir dir;
    const QString cache = dir.filePath(QStringLiteral("cache.sqlite"));
    const QString file = dir.filePath(QStringLiteral("IWM.csv"));
    CommandRun r = runCommand({QStringLiteral("--db"), cache, QStringLiteral("import"),
                               QStringLiteral("--kind"), QStringLiteral("bond"), file});
    QCOMPARE(r.status, 2);
    QCOMPARE(r.err, QStringLiteral("indexlens: --kind bond: expected index, etf or rate\n"));
    r = runCommand({QStringLiteral("--db"), cache, QStringLiteral("moves"), QStringLiteral("--by"),
                    QStringLiteral("Spreads")});
    QCOMPARE(r.status, 2);
    QCOMPARE(r.err, QStringLiteral("indexlens: --by spreads: expected a, b or spread\n"));
    QVERIFY(!QFileInfo::exists(cache)); // refused before a cache is made or opened
}

QTEST_GUILESS_MAIN(TestCliCommands)
#include "tst_cli_commands.moc"
