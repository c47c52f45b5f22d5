// SPDX-License-Identifier: GPL-3.0-or-later
// Issue #23 on the command line: `render` draws every figure and table of a study and index.md,
// the same bytes each time; `study list`; `export --add-to`; and each bad input said.
#include "document/Study.h"
#include "TestCommon.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

using namespace indexlens;
using namespace indexlens::test;

namespace {

// Every file of `dir` with its SHA-256.
QMap<QString, QByteArray> digests(const QString &dir)
{
    QMap<QString, QByteArray> out;
    for (const QString &name : QDir(dir).entryList(QDir::Files))
        out[name] = QCryptographicHash::hash(readFile(QDir(dir).filePath(name)),
                                             QCryptographicHash::Sha256);
    return out;
}

bool isSvg(const QByteArray &bytes)
{
    QXmlStreamReader xml(bytes);
    bool svg = false;
    while (!xml.atEnd())
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("svg"))
            svg = true;
    return svg && !xml.hasError();
}

} // namespace

class TestRender : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void rendersEveryFigureAndTheIndex();
    void theSameStudyRendersTheSameBytes();
    void asOfRollsThePresets();
    void fixedDatesStayAfterAnUpdate();
    void aFigureThatCannotBeDrawnIsNamed();
    void badStudiesAndFoldersAreRefused();
    void studyListAndExportAddTo();
    void issue24StackedMarksAreLabelledOnceAndKeyed();
    void shortStacksKeepEveryLabelWholeOrAreRefused();
    void aNarrowSeasonalityChartNamesTheWidth();
    void aRangeBeforeTheDataStartsWithThemAndSaysSo();
    void aRebaseOutsideTheRangeIsRefusedAndLateEndsAreSaid();

private:
    CliRun run(const QStringList &args, const QString &db = {}) const;
    QString writeStudyFile(const QString &name, const QByteArray &json) const;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

namespace {

const QByteArray kStudy = R"({
  "version": 1,
  "title": "Test note",
  "figures": [
    {"kind": "pair", "title": "Ratio H1 2024", "caption": "IWM against SPY",
     "a": "IWM", "b": "SPY", "range": {"from": "2024-01-02", "to": "2024-06-28"},
     "charts": ["ratio"], "width": 800, "height": 450},
    {"kind": "compare", "title": "Year to date", "symbols": ["IWM", "SPY", "^GSPC"],
     "range": {"preset": "YTD"}, "width": 800, "height": 450},
    {"kind": "periods-table", "title": "Periods", "a": "IWM", "b": "SPY",
     "range": {"from": "2024-01-02", "to": "2024-06-28"},
     "periods": ["2024-01-02:2024-03-28", "2024-03-28:2024-06-28"]},
    {"kind": "moves-table", "title": "Moves", "a": "IWM", "b": "SPY", "top": 3,
     "range": {"from": "2024-01-02", "to": "2024-06-28"}},
    {"kind": "returns-bars", "title": "Days", "symbols": ["IWM", "SPY"],
     "days": ["2024-03-01"], "returnPeriods": ["2024-01-02:2024-06-28"], "range": {},
     "width": 800, "height": 450}
  ]
})";

} // namespace

void TestRender::initTestCase()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = m_dir->filePath(QStringLiteral("cache.sqlite"));
    const QString data = syntheticDataDir();
    const CliRun imported =
        run({QStringLiteral("import"), data + QStringLiteral("/yahoo/IWM.csv"),
             data + QStringLiteral("/yahoo/SPY.csv"), data + QStringLiteral("/yahoo/^GSPC.csv"),
             data + QStringLiteral("/fred/DGS10.csv")});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
}

CliRun TestRender::run(const QStringList &args, const QString &db) const
{
    return runIndexlens(QStringList{QStringLiteral("--db"), db.isEmpty() ? m_db : db} + args,
                        childEnvironment(m_dir->filePath(QStringLiteral("settings.ini"))));
}

QString TestRender::writeStudyFile(const QString &name, const QByteArray &json) const
{
    QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestRender::rendersEveryFigureAndTheIndex()
{
    const QString study = writeStudyFile(QStringLiteral("note.indexlens"), kStudy);
    const QString out = m_dir->filePath(QStringLiteral("note"));
    const CliRun r = run({QStringLiteral("render"), study, QStringLiteral("--out"), out});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(
        QDir(out).entryList(QDir::Files),
        QStringList({QStringLiteral("01-ratio-h1-2024.svg"), QStringLiteral("02-year-to-date.svg"),
                     QStringLiteral("03-periods.csv"), QStringLiteral("04-moves.csv"),
                     QStringLiteral("05-days.svg"), QStringLiteral("index.md")}));
    for (const QString &svg :
         {QStringLiteral("01-ratio-h1-2024.svg"), QStringLiteral("02-year-to-date.svg"),
          QStringLiteral("05-days.svg")})
        QVERIFY2(isSvg(readFile(QDir(out).filePath(svg))), qPrintable(svg));
    // The ratio's title and the source line are text in the SVG.
    const QByteArray ratio = readFile(QDir(out).filePath(QStringLiteral("01-ratio-h1-2024.svg")));
    QVERIFY(ratio.contains("Ratio H1 2024"));
    const QList<QByteArray> periods =
        readFile(QDir(out).filePath(QStringLiteral("03-periods.csv"))).split('\n');
    QVERIFY2(periods[0].startsWith("start,end,a_return_pct,b_return_pct,diff_pct"),
             periods[0].constData());
    QVERIFY(periods[1].startsWith("2024-01-02,2024-03-28,"));
    QCOMPARE(readFile(QDir(out).filePath(QStringLiteral("04-moves.csv"))).count('\n'), 4);
    const QString index =
        QString::fromUtf8(readFile(QDir(out).filePath(QStringLiteral("index.md"))));
    QVERIFY2(index.startsWith(QStringLiteral("# Test note\n")), qPrintable(index));
    QVERIFY(index.contains(
        QStringLiteral("## 1. Ratio H1 2024\n\n![Ratio H1 2024](01-ratio-h1-2024.svg)\n\nIWM "
                       "against SPY\n\n*Data as of 2024-06-28.*")));
    QVERIFY(index.contains(QStringLiteral("## 2. Year to date")));
    QVERIFY(index.contains(QStringLiteral("*Data as of 2025-09-26.*"))); // the YTD figure
    QVERIFY(index.contains(QStringLiteral("[03-periods.csv](03-periods.csv)")));
    // Progress: one line per figure.
    QCOMPARE(r.err.count(QStringLiteral("render: [")), 5);
    QVERIFY(r.err.contains(QStringLiteral("render: [1/5] 01-ratio-h1-2024.svg ok (800x450)")));
    // Nothing else left behind (the staging folder is gone).
    QCOMPARE(QDir(out).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).size(), 6);
}

void TestRender::theSameStudyRendersTheSameBytes()
{
    const QString study = writeStudyFile(QStringLiteral("same.indexlens"), kStudy);
    for (const QString &format :
         {QStringLiteral("svg"), QStringLiteral("pdf"), QStringLiteral("png")}) {
        const QString one = m_dir->filePath(QStringLiteral("one-") + format);
        const QString two = m_dir->filePath(QStringLiteral("two-") + format);
        QCOMPARE(run({QStringLiteral("render"), study, QStringLiteral("--out"), one,
                      QStringLiteral("--format"), format})
                     .exitCode,
                 0);
        QTest::qWait(1100); // a clock in the file would show now
        QCOMPARE(run({QStringLiteral("render"), study, QStringLiteral("--out"), two,
                      QStringLiteral("--format"), format})
                     .exitCode,
                 0);
        const auto a = digests(one), b = digests(two);
        QCOMPARE(a.size(), 6);
        QVERIFY2(a == b, qPrintable(format));
    }
    QVERIFY(readFile(m_dir->filePath(QStringLiteral("one-pdf/01-ratio-h1-2024.pdf")))
                .contains("/CreationDate (D:20240628000000Z)"));
}

void TestRender::asOfRollsThePresets()
{
    const QString study = writeStudyFile(QStringLiteral("asof.indexlens"), kStudy);
    const QString out = m_dir->filePath(QStringLiteral("asof"));
    const CliRun r =
        run({QStringLiteral("render"), study, QStringLiteral("--out"), out,
             QStringLiteral("--as-of"), QStringLiteral("2024-06-30"), QStringLiteral("--figure"),
             QStringLiteral("year to date"), QStringLiteral("--figure"), QStringLiteral("1")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(QDir(out).entryList(QDir::Files),
             QStringList({QStringLiteral("01-ratio-h1-2024.svg"),
                          QStringLiteral("02-year-to-date.svg"), QStringLiteral("index.md")}));
    const QString index =
        QString::fromUtf8(readFile(QDir(out).filePath(QStringLiteral("index.md"))));
    // YTD as of a Sunday: from the last close of 2023 to Friday 28 June.
    QVERIFY2(index.count(QStringLiteral("*Data as of 2024-06-28.*")) == 2, qPrintable(index));
    const QByteArray ytd = readFile(QDir(out).filePath(QStringLiteral("02-year-to-date.svg")));
    QVERIFY(ytd.contains("as of 2024-06-28"));
    // A figure the study does not have is named.
    const CliRun bad = run({QStringLiteral("render"), study, QStringLiteral("--out"), out,
                            QStringLiteral("--figure"), QStringLiteral("9")});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains(QStringLiteral("--figure 9: the study has no figure")),
             qPrintable(bad.err));
    // As of a day before the data: that figure fails, saying so.
    const CliRun early = run({QStringLiteral("render"), study, QStringLiteral("--out"), out,
                              QStringLiteral("--as-of"), QStringLiteral("1975-01-02"),
                              QStringLiteral("--figure"), QStringLiteral("2")});
    QCOMPARE(early.exitCode, 1);
    QVERIFY2(early.err.contains(QStringLiteral("failed: the range ends on 1975-01-02, before the "
                                               "data of IWM, SPY, ^GSPC begin (1979-12-31)")),
             qPrintable(early.err));
}

void TestRender::fixedDatesStayAfterAnUpdate()
{
    // A cache that ends in 2024, then an update brings 2025.
    const QString db = m_dir->filePath(QStringLiteral("older.sqlite"));
    const QString data = syntheticDataDir();
    QStringList until2024;
    for (const QString &name :
         {QStringLiteral("yahoo/IWM.csv"), QStringLiteral("yahoo/SPY.csv"),
          QStringLiteral("yahoo/^GSPC.csv"), QStringLiteral("fred/DGS10.csv")}) {
        QByteArray kept;
        for (const QByteArray &line : readFile(data + QLatin1Char('/') + name).split('\n'))
            if (!line.startsWith("2025")) kept += line + '\n';
        QDir(m_dir->path()).mkpath(QStringLiteral("until2024"));
        until2024 << writeStudyFile(QStringLiteral("until2024/") +
                                        name.section(QLatin1Char('/'), 1),
                                    kept.trimmed() + '\n');
    }
    const CliRun older = run(QStringList{QStringLiteral("import")} + until2024, db);
    QVERIFY2(older.exitCode == 0, qPrintable(older.err));
    const QString study = writeStudyFile(QStringLiteral("update.indexlens"), kStudy);
    const auto render = [&](const QString &out) {
        const CliRun r = run({QStringLiteral("render"), study, QStringLiteral("--out"),
                              m_dir->filePath(out), QStringLiteral("--figure"), QStringLiteral("1"),
                              QStringLiteral("--figure"), QStringLiteral("2")},
                             db);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    };
    render(QStringLiteral("before"));
    const CliRun update =
        run({QStringLiteral("import"), data + QStringLiteral("/yahoo/IWM.csv"),
             data + QStringLiteral("/yahoo/SPY.csv"), data + QStringLiteral("/yahoo/^GSPC.csv"),
             data + QStringLiteral("/fred/DGS10.csv")},
            db);
    QVERIFY2(update.exitCode == 0, qPrintable(update.err));
    render(QStringLiteral("after"));
    const auto before = digests(m_dir->filePath(QStringLiteral("before")));
    const auto after = digests(m_dir->filePath(QStringLiteral("after")));
    QCOMPARE(after[QStringLiteral("01-ratio-h1-2024.svg")],
             before[QStringLiteral("01-ratio-h1-2024.svg")]); // fixed dates
    QVERIFY(after[QStringLiteral("02-year-to-date.svg")] !=
            before[QStringLiteral("02-year-to-date.svg")]); // YTD rolled on into 2025
    QVERIFY(readFile(m_dir->filePath(QStringLiteral("after/02-year-to-date.svg")))
                .contains("as of 2025-09-26"));
}

void TestRender::aFigureThatCannotBeDrawnIsNamed()
{
    const QString study = writeStudyFile(QStringLiteral("partly.indexlens"), R"({"version": 1,
      "figures": [
        {"title": "Good", "a": "IWM", "b": "SPY", "range": {"from": "2024-01-02", "to": "2024-06-28"}},
        {"title": "Unknown", "a": "XYZ", "b": "SPY", "range": {"preset": "1Y"}},
        {"title": "Too early", "a": "IWM", "b": "SPY", "range": {"from": "1990-01-02", "to": "1990-06-29"}},
        {"kind": "compare", "title": "Too late", "symbols": ["IWM", "SPY"], "range": {"from": "2031-01-02", "to": "2031-07-31"}}
      ]})");
    const QString out = m_dir->filePath(QStringLiteral("partly"));
    const CliRun r = run({QStringLiteral("render"), study, QStringLiteral("--out"), out});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("render: [2/4] 02-unknown.svg failed: ")) &&
                 r.err.contains(QStringLiteral("XYZ")),
             qPrintable(r.err));
    QVERIFY2(
        r.err.contains(QStringLiteral("render: [3/4] 03-too-early.svg failed: the range ends on "
                                      "1990-06-29, before the common data of IWM and SPY begin "
                                      "(2022-01-03)")),
        qPrintable(r.err));
    QVERIFY(r.err.contains(QStringLiteral("render: 3 of 4 figures failed")));
    // A compare figure after the data is refused too, not drawn empty.
    QVERIFY2(r.err.contains(QStringLiteral("render: [4/4] 04-too-late.svg failed: 2031-01-02 to "
                                           "2031-07-31 is outside the data of IWM, SPY")),
             qPrintable(r.err));
    QCOMPARE(QDir(out).entryList(QDir::Files),
             QStringList({QStringLiteral("01-good.svg"), QStringLiteral("index.md")}));
    const QString index =
        QString::fromUtf8(readFile(QDir(out).filePath(QStringLiteral("index.md"))));
    QVERIFY2(index.contains(QStringLiteral("## 2. Unknown\n\nNot rendered: ")), qPrintable(index));
}

void TestRender::badStudiesAndFoldersAreRefused()
{
    const QString broken = writeStudyFile(QStringLiteral("broken.indexlens"),
                                          "{\n  \"version\": 1,\n  \"figures\": [,]\n}\n");
    CliRun r = run({QStringLiteral("render"), broken, QStringLiteral("--out"),
                    m_dir->filePath(QStringLiteral("never"))});
    QCOMPARE(r.exitCode, 1); // a file refused, as import's
    QVERIFY2(r.err.contains(QStringLiteral("broken.indexlens, line 3, column 15")),
             qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("never"))));
    const QByteArray newer = R"({"version": 7, "figures": []})";
    const QString future = writeStudyFile(QStringLiteral("future.indexlens"), newer);
    r = run({QStringLiteral("render"), future});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains(QStringLiteral("version 7, newer than this build")));
    QCOMPARE(readFile(future), newer);
    // An output folder that cannot be made: exit 1, nothing written.
    const QString study = writeStudyFile(QStringLiteral("folder.indexlens"), kStudy);
    const QString blocker = writeStudyFile(QStringLiteral("a-file"), "x");
    r = run({QStringLiteral("render"), study, QStringLiteral("--out"),
             blocker + QStringLiteral("/out")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("cannot create the folder; nothing was written")),
             qPrintable(r.err));
    QCOMPARE(readFile(blocker), QByteArray("x"));
}

void TestRender::studyListAndExportAddTo()
{
    const QString study = m_dir->filePath(QStringLiteral("added.indexlens"));
    writeStudyFile(QStringLiteral("added.indexlens"),
                   R"({"version": 1, "author": "Lee", "figures": []})");
    const QString svg = m_dir->filePath(QStringLiteral("export.svg"));
    CliRun r = run({QStringLiteral("export"),
                    QStringLiteral("--chart"),
                    QStringLiteral("relative"),
                    QStringLiteral("--a"),
                    QStringLiteral("IWM"),
                    QStringLiteral("--b"),
                    QStringLiteral("SPY"),
                    QStringLiteral("--rate"),
                    QStringLiteral("DGS10"),
                    QStringLiteral("--from"),
                    QStringLiteral("2024-01-02"),
                    QStringLiteral("--to"),
                    QStringLiteral("2024-06-28"),
                    QStringLiteral("--periods"),
                    QStringLiteral("2024-01-02:2024-03-28"),
                    QStringLiteral("--mark-moves"),
                    QStringLiteral("2"),
                    QStringLiteral("--out"),
                    svg,
                    QStringLiteral("--add-to"),
                    study,
                    QStringLiteral("--title"),
                    QStringLiteral("Relative H1")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QStringLiteral("figure 1 added (Relative H1)")));
    // Without --out, only added.
    r = run({QStringLiteral("export"), QStringLiteral("--chart"), QStringLiteral("compare"),
             QStringLiteral("--symbols"), QStringLiteral("iwm,spy"), QStringLiteral("--from"),
             QStringLiteral("2024-01-02"), QStringLiteral("--to"), QStringLiteral("2024-06-28"),
             QStringLiteral("--add-to"), study});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = run({QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("study"),
             QStringLiteral("list"), study});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("n,kind,title,symbols,range\n"
                                   "1,pair,Relative H1,IWM/SPY,2024-01-02 to 2024-06-28\n"
                                   "2,compare,,\"IWM,SPY\",2024-01-02 to 2024-06-28\n"));
    // The field this build does not know is kept.
    QCOMPARE(QJsonDocument::fromJson(readFile(study))
                 .object()
                 .value(QStringLiteral("author"))
                 .toString(),
             QStringLiteral("Lee"));
    // One definition: render draws the added figure as export drew it, byte for byte.
    const QString out = m_dir->filePath(QStringLiteral("added"));
    r = run({QStringLiteral("render"), study, QStringLiteral("--out"), out});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(readFile(QDir(out).filePath(QStringLiteral("01-relative-h1.svg"))), readFile(svg));
}

// Issue #24, 10 and 11: FTSE Russell's exhibit 4 as an SVG (four charts, five periods, four
// moves): no text cut with "…", the labels on the top chart only (a band's label once on the
// charts, and once in the key below), every marked move's date and value written.
void TestRender::issue24StackedMarksAreLabelledOnceAndKeyed()
{
    const QString out = m_dir->filePath(QStringLiteral("exhibit4.svg"));
    const CliRun r =
        run({QStringLiteral("export"), QStringLiteral("--chart"), QStringLiteral("all"),
             QStringLiteral("--a"), QStringLiteral("SPY"), QStringLiteral("--b"),
             QStringLiteral("IWM"), QStringLiteral("--rate"), QStringLiteral("DGS10"),
             QStringLiteral("--from"), QStringLiteral("2022-12-30"), QStringLiteral("--to"),
             QStringLiteral("2024-07-31"), QStringLiteral("--periods"),
             QStringLiteral("2022-12-30:2023-04-05,2023-04-05:2023-10-19,"
                            "2023-10-19:2023-12-27,2023-12-27:2024-04-25,"
                            "2024-04-25:2024-07-23"),
             QStringLiteral("--mark-moves"), QStringLiteral("4"), QStringLiteral("--out"), out});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QString svg = QString::fromUtf8(readFile(out));
    static const QRegularExpression text(QStringLiteral("<text[^>]*>([^<]*)</text>"));
    QStringList texts;
    for (auto it = text.globalMatch(svg); it.hasNext();)
        texts << it.next().captured(1).trimmed();
    QVERIFY(texts.size() > 20);
    for (const QString &t : texts)
        QVERIFY2(!t.contains(QChar(0x2026)) && !t.contains(QStringLiteral("&#8230;")),
                 qPrintable(t));
    const QString all = texts.join(QLatin1Char('\n'));
    for (int band = 1; band <= 5; ++band) {
        const QString prefix = QStringLiteral("%1: SPY \u2212 IWM ").arg(band);
        // In the key, and at most once more on the top chart (it was on all four).
        const qsizetype count = all.count(prefix);
        QVERIFY2(count >= 1 && count <= 2, qPrintable(prefix + QString::number(count)));
    }
    static const QRegularExpression move(QStringLiteral("M(\\d): (\\d{4}-\\d\\d-\\d\\d) SPY"));
    int moves = 0;
    for (auto it = move.globalMatch(all); it.hasNext(); ++moves) {
        const QString day = it.next().captured(2);
        QVERIFY2(all.count(day) >= 2, qPrintable(day)); // on the chart, and in the key
    }
    QCOMPARE(moves, 4);
}

// Every text of an SVG export that Qt Charts cut short ("...", "\u2026").
QStringList elidedTexts(const QString &svgPath)
{
    const QString svg = QString::fromUtf8(readFile(svgPath));
    static const QRegularExpression text(QStringLiteral("<text[^>]*>([^<]*)</text>"));
    QStringList cut;
    for (auto it = text.globalMatch(svg); it.hasNext();) {
        const QString t = it.next().captured(1);
        if (t.contains(QStringLiteral("...")) || t.contains(QChar(0x2026)) ||
            t.contains(QStringLiteral("&#8230;")))
            cut << t;
    }
    return cut;
}

// Issue #25, trial: `export --chart all --height 500` wrote the spread chart's value labels as
// "...", as did a log stack; at 420 every label was cut. Each height now draws every label
// whole, or is refused before a file is written, naming the height that is enough.
void TestRender::shortStacksKeepEveryLabelWholeOrAreRefused()
{
    int drawn = 0, refused = 0;
    for (const bool log : {false, true})
        for (int height = 400; height <= 700; height += 25) {
            const QString out =
                m_dir->filePath(QStringLiteral("short-%1-%2.svg").arg(height).arg(log));
            QStringList args = {QStringLiteral("export"),
                                QStringLiteral("--chart"),
                                QStringLiteral("all"),
                                QStringLiteral("--a"),
                                QStringLiteral("SPY"),
                                QStringLiteral("--b"),
                                QStringLiteral("IWM"),
                                QStringLiteral("--rate"),
                                QStringLiteral("DGS10"),
                                QStringLiteral("--from"),
                                QStringLiteral("2022-12-30"),
                                QStringLiteral("--to"),
                                QStringLiteral("2024-07-31"),
                                QStringLiteral("--height"),
                                QString::number(height),
                                QStringLiteral("--out"),
                                out};
            if (log) args << QStringLiteral("--log");
            const CliRun r = run(args);
            const QString what = QStringLiteral("height %1%2: ")
                                     .arg(height)
                                     .arg(log ? QStringLiteral(", log") : QString());
            if (r.exitCode == 0) {
                ++drawn;
                const QStringList cut = elidedTexts(out);
                QVERIFY2(cut.isEmpty(), qPrintable(what + cut.join(QLatin1Char('|'))));
                continue;
            }
            ++refused;
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(
                         QStringLiteral("--height %1 leaves each of the 4 charts").arg(height)),
                     qPrintable(what + r.err));
            QVERIFY2(!QFile::exists(out), qPrintable(what + QStringLiteral("a file was written")));
            // The height it asks for is enough (the first proposals were refused in turn).
            static const QRegularExpression asked(QStringLiteral("ask for --height (\\d+)"));
            const QString enough = asked.match(r.err).captured(1);
            QVERIFY2(!enough.isEmpty(), qPrintable(r.err));
            args[args.indexOf(QString::number(height))] = enough;
            QVERIFY2(run(args).exitCode == 0, qPrintable(what + QStringLiteral("at ") + enough));
            QVERIFY2(elidedTexts(out).isEmpty(), qPrintable(what + QStringLiteral("at ") + enough));
        }
    QVERIFY(refused > 0); // 400 px is too short for four charts
    QVERIFY(drawn > 10);
}

// Issue #25, trial: a 320 px wide seasonality chart has no room for twelve months at any height:
// the width is named, and the one proposed draws every label (it was written with a title over
// the bars and no month labels).
void TestRender::aNarrowSeasonalityChartNamesTheWidth()
{
    const QString out = m_dir->filePath(QStringLiteral("narrow.svg"));
    QStringList narrow = {QStringLiteral("export"),
                          QStringLiteral("--chart"),
                          QStringLiteral("seasonality"),
                          QStringLiteral("--a"),
                          QStringLiteral("IWM"),
                          QStringLiteral("--b"),
                          QStringLiteral("SPY"),
                          QStringLiteral("--from"),
                          QStringLiteral("2022-01-03"),
                          QStringLiteral("--to"),
                          QStringLiteral("2024-12-31"),
                          QStringLiteral("--width"),
                          QStringLiteral("320"),
                          QStringLiteral("--height"),
                          QStringLiteral("217"),
                          QStringLiteral("--out"),
                          out};
    CliRun r = run(narrow);
    QCOMPARE(r.exitCode, 2);
    static const QRegularExpression wider(QStringLiteral("--width 320 leaves the chart too little "
                                                         "room .* at 217 px high: ask for --width "
                                                         "(\\d+)"));
    const QString width = wider.match(r.err).captured(1);
    QVERIFY2(!width.isEmpty(), qPrintable(r.err));
    narrow[narrow.indexOf(QStringLiteral("320"))] = width;
    r = run(narrow);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(elidedTexts(out).isEmpty(), qPrintable(elidedTexts(out).join(QLatin1Char('|'))));
}

// Issue #25, trial: --from before a pair's common data was refused by export, answered silently
// by `seasonality`, and clamped with a word by the window. Now export and the command answer
// from the data's first day, and both say so.
void TestRender::aRangeBeforeTheDataStartsWithThemAndSaysSo()
{
    const QString out = m_dir->filePath(QStringLiteral("early.png"));
    const QStringList pair = {QStringLiteral("--a"),    QStringLiteral("IWM"),
                              QStringLiteral("--b"),    QStringLiteral("SPY"),
                              QStringLiteral("--from"), QStringLiteral("2000-01-01"),
                              QStringLiteral("--to"),   QStringLiteral("2024-12-31")};
    CliRun r = run(QStringList{QStringLiteral("export"), QStringLiteral("--chart"),
                               QStringLiteral("drawdown"), QStringLiteral("--out"), out} +
                   pair);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("--from 2000-01-01 is before the common data of IWM "
                                           "and SPY begin: the charts start on 2022-01-03")),
             qPrintable(r.err));
    QVERIFY(QFile::exists(out));
    r = run(QStringList{QStringLiteral("seasonality")} + pair);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("--from 2000-01-01 is before the common data of IWM "
                                           "and SPY begin")),
             qPrintable(r.err));
    // After their end there is nothing to draw: refused, naming the option.
    QStringList late = pair;
    late[late.indexOf(QStringLiteral("2000-01-01"))] = QStringLiteral("2030-01-02");
    late[late.indexOf(QStringLiteral("2024-12-31"))] = QStringLiteral("2030-12-31");
    r = run(QStringList{QStringLiteral("export"), QStringLiteral("--chart"),
                        QStringLiteral("drawdown"), QStringLiteral("--out"),
                        m_dir->filePath(QStringLiteral("late.png"))} +
            late);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("--from 2030-01-02 is after the common data")),
             qPrintable(r.err));
}

// Issue #25, trial: a compare export with --rebase before the range moved the range back to it
// without a word (and a pair export ignored it); a compare export and `rotation` past the data's
// end ended there silently, while the pair export said so.
void TestRender::aRebaseOutsideTheRangeIsRefusedAndLateEndsAreSaid()
{
    const QString out = m_dir->filePath(QStringLiteral("rebase.csv"));
    const QStringList compare = {
        QStringLiteral("export"),     QStringLiteral("--chart"), QStringLiteral("compare"),
        QStringLiteral("--symbols"),  QStringLiteral("IWM,SPY"), QStringLiteral("--from"),
        QStringLiteral("2024-01-02"), QStringLiteral("--out"),   out};
    CliRun r = run(compare + QStringList{QStringLiteral("--to"), QStringLiteral("2024-06-28"),
                                         QStringLiteral("--rebase"), QStringLiteral("2023-06-01")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("--rebase 2023-06-01 is outside the range 2024-01-02 "
                                           "to 2024-06-28")),
             qPrintable(r.err));
    QVERIFY(!QFile::exists(out));
    r = run(compare + QStringList{QStringLiteral("--to"), QStringLiteral("2030-01-02")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("--to 2030-01-02 is after the data of IWM, SPY end: "
                                           "the charts end on 2025-09-26")),
             qPrintable(r.err));
    r = run({QStringLiteral("rotation"), QStringLiteral("--symbols"), QStringLiteral("IWM"),
             QStringLiteral("--benchmark"), QStringLiteral("SPY"), QStringLiteral("--to"),
             QStringLiteral("2030-01-02"), QStringLiteral("--tail"), QStringLiteral("1")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("--to 2030-01-02 is after the data of SPY end: the "
                                           "tails end on 2025-09-26")),
             qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestRender)
#include "tst_render.moc"
