// SPDX-License-Identifier: GPL-3.0-or-later
// Issue #23: the study document (its JSON, versions, unknown fields, atomic save) and the
// StudySession that the window's sessions edit (undo, redo, gestures, exhibits, recovery), without
// a widget.
#include "chart/CompareData.h"
#include "core/UserError.h"
#include "document/Study.h"
#include "import/ImportBatch.h"
#include "session/CompareSession.h"
#include "session/LegacyView.h"
#include "session/PairSession.h"
#include "session/StudySession.h"
#include "storage/PriceStore.h"
#include "TestCommon.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

#include <unistd.h>

using namespace indexlens;
using namespace indexlens::test;

namespace {

Figure everyField()
{
    Figure f;
    f.kind = FigureKind::Pair;
    f.title = QStringLiteral("Exhibit 4: IWB - IWM");
    f.caption = QStringLiteral("Five rate periods");
    f.a = QStringLiteral("IWB");
    f.b = QStringLiteral("IWM");
    f.symbols = {QStringLiteral("IWB"), QStringLiteral("IWM")};
    f.rates = {QStringLiteral("DGS10"), QStringLiteral("DGS2")};
    f.basis = ReturnBasis::Price;
    f.range = {QString(), QDate(2022, 12, 30), QDate(2024, 7, 31)};
    f.rebase = QDate(2023, 1, 31);
    f.periods = {{QDate(2023, 1, 3), QDate(2023, 4, 5)}, {QDate(2023, 4, 5), QDate(2023, 10, 19)}};
    f.days = {QDate(2024, 7, 11), QDate(2024, 7, 16)};
    f.returnPeriods = {{QDate(2024, 6, 28), QDate(2024, 7, 23)}};
    f.charts = {ChartKind::Relative, ChartKind::Spread, ChartKind::Drawdown};
    f.logScale = true;
    f.periodBands = true;
    f.regimeBands = true;
    f.markedMoves = 4;
    f.moveRanking = MoveRanking::BySpread;
    f.moveDirection = MoveDirection::Up;
    f.sensitivityChart = true;
    f.drawdownChart = true;
    f.window = 120;
    f.top = 4;
    f.width = 1400;
    f.height = 700;
    f.scale = 2;
    f.dark = true;
    return f;
}

QString messageOf(const std::function<void()> &f)
{
    try {
        f();
    } catch (const UserError &e) {
        return e.message();
    }
    return {};
}

} // namespace

class TestStudy : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void everyFieldSurvivesTheRoundTrip();
    void theSameStudyIsTheSameBytes();
    void aMinimalStudyReadsWithDefaults();
    void presetsRollWithTheData();
    void aNewerVersionIsRefusedAndLeftAlone();
    void unknownFieldsAreKept();
    void malformedJsonNamesLineAndColumn();
    void aBadFieldIsNamed();
    void saveIsAtomicAndKeepsTheBackup();
    void everyViewChangeIsOneUndoStep();
    void aWheelBurstIsOneStep();
    void swapKeepsTheBackHistory();
    void figuresAreAddedEditedAndUndone();
    void theViewEditsTheCurrentFigureOnly();
    void savedStudyIsNotModified();
    void aStudyOpensOnItsExhibitAndATableOnItsSpan();
    void recoveryBringsBackAnUnsavedStudy();
    void theViewOfAnOlderVersionIsCarriedOverOnce();

private:
    std::unique_ptr<TempDatabase> m_temp;
    std::unique_ptr<PairSession> m_pair;
    std::unique_ptr<CompareSession> m_compare;
    std::unique_ptr<StudySession> m_study;
};

void TestStudy::initTestCase()
{
    m_temp = std::make_unique<TempDatabase>();
    const QString dir = syntheticDataDir();
    PriceStore store(m_temp->db());
    for (const auto &r : importFiles(
             store,
             {dir + QStringLiteral("/yahoo/IWM.csv"), dir + QStringLiteral("/yahoo/SPY.csv"),
              dir + QStringLiteral("/yahoo/^GSPC.csv"), dir + QStringLiteral("/fred/DGS10.csv")},
             {}))
        QVERIFY(!r.error);
}

void TestStudy::init()
{
    Database &db = m_temp->db();
    m_pair = std::make_unique<PairSession>([&db](const PairPick &p) {
        return PairData::load(PriceStore(db), p.a, p.b, p.rates, p.basis);
    });
    m_compare = std::make_unique<CompareSession>([&db](const QStringList &s, const QString &r) {
        return CompareData::load(PriceStore(db), s, r, ReturnBasis::Total);
    });
    m_study = std::make_unique<StudySession>(*m_pair, *m_compare);
    QVERIFY(!m_pair->applyFigure(Figure()));
    // The first view is where the window starts, not a change to undo.
    m_study->newStudy();
}

void TestStudy::cleanup()
{
    m_study.reset();
    m_compare.reset();
    m_pair.reset();
}

void TestStudy::everyFieldSurvivesTheRoundTrip()
{
    Study study;
    study.title = QStringLiteral("July 2024");
    study.figures = {everyField(), Figure()};
    study.figures[1].kind = FigureKind::ReturnsBars;
    study.figures[1].range = {};
    study.figures[1].days = {QDate(2024, 7, 11)};
    study.view = everyField();
    study.view.range = {QStringLiteral("YTD"), {}, {}};
    study.current = 1;
    const Study back = studyFromJson(studyToJson(study), QStringLiteral("t.indexlens"));
    QVERIFY(back == study);
    QCOMPARE(back.figures[0].charts,
             (std::vector<ChartKind>{ChartKind::Relative, ChartKind::Spread, ChartKind::Drawdown}));
    QVERIFY(back.figures[0].drawdownChart); // issue #25, 3
    QCOMPARE(back.view.range.preset, QStringLiteral("YTD"));
    QVERIFY(!back.figures[1].range.from.isValid());
}

void TestStudy::theSameStudyIsTheSameBytes()
{
    Study study;
    study.figures = {everyField()};
    const QByteArray once = studyToJson(study);
    QCOMPARE(studyToJson(studyFromJson(once, QStringLiteral("t"))), once);
    // Readable as the README's schema shows it: sorted keys, one per line.
    QVERIFY(once.contains("\"version\": 1"));
    QVERIFY(once.contains("\"periods\": [\n"));
}

void TestStudy::aMinimalStudyReadsWithDefaults()
{
    // A hand-written study of version 1 names only what it needs.
    const Study s = studyFromJson(R"({"version": 1, "figures": [{"a": "iwb", "b": "IWM",
        "range": {"preset": "YTD"}}]})",
                                  QStringLiteral("min.indexlens"));
    QCOMPARE(s.figures.size(), std::size_t(1));
    const Figure &f = s.figures.front();
    QCOMPARE(f.kind, FigureKind::Pair);
    QCOMPARE(f.a, QStringLiteral("IWB"));
    QCOMPARE(f.rates, QStringList{QStringLiteral("DGS10")});
    QCOMPARE(f.basis, ReturnBasis::Total);
    QCOMPARE(f.width, 1600);
    QCOMPARE(f.pairCharts(), allChartKinds());
    QCOMPARE(s.current, 0); // the first figure is shown
    QVERIFY(s.view == f);
    QCOMPARE(figureName(f), QStringLiteral("pair IWB/IWM, YTD"));
    // Issue #25, trial: a rotation figure's range read "2024-07-26 to 2024-07-26".
    Figure rotation;
    rotation.kind = FigureKind::Rotation;
    rotation.range = {QString(), QDate(2024, 7, 26), QDate(2024, 7, 26)};
    QCOMPARE(rotation.rangeText(), QStringLiteral("tails to 2024-07-26"));
}

void TestStudy::presetsRollWithTheData()
{
    const QDate first(2000, 5, 26), last(2025, 9, 26);
    const FigureRange ytd{QStringLiteral("YTD"), {}, {}};
    QCOMPARE(rangeDates(ytd, first, last), std::make_pair(QDate(2024, 12, 31), last));
    // As of a Sunday: the previous year's end to that day (the range rule snaps it to Friday).
    QCOMPARE(rangeDates(ytd, first, last, QDate(2024, 6, 30)),
             std::make_pair(QDate(2023, 12, 31), QDate(2024, 6, 30)));
    // An as-of past the data is the data's end; Max is the whole history.
    QCOMPARE(rangeDates(ytd, first, last, QDate(2030, 1, 1)).second, last);
    QCOMPARE(rangeDates({QStringLiteral("Max"), {}, {}}, first, last), std::make_pair(first, last));
    // A preset longer than the data starts at its first day; fixed dates stay as written.
    QCOMPARE(rangeDates({QStringLiteral("10Y"), {}, {}}, QDate(2020, 1, 2), last).first,
             QDate(2020, 1, 2));
    const FigureRange fixed{QString(), QDate(2023, 12, 29), QDate(2024, 4, 30)};
    QCOMPARE(rangeDates(fixed, first, last, QDate(2024, 1, 5)),
             std::make_pair(fixed.from, fixed.to));
}

void TestStudy::aNewerVersionIsRefusedAndLeftAlone()
{
    const QByteArray newer = R"({"version": 2, "figures": [], "layers": [1, 2]})";
    const QString path = m_temp->writeFile(QStringLiteral("newer.indexlens"), newer);
    const QString message = messageOf([&] { readStudy(path); });
    QVERIFY2(message.contains(QStringLiteral("newer.indexlens")) &&
                 message.contains(QStringLiteral("version 2, newer than this build")),
             qPrintable(message));
    // The window cannot open it, so it cannot overwrite it.
    QVERIFY_THROWS_EXCEPTION(UserError, m_study->open(path));
    QCOMPARE(readFile(path), newer);
    QVERIFY(m_study->path().isEmpty());
    // No version at all: not a study.
    QVERIFY(messageOf([] {
                studyFromJson(R"({"figures": []})", QStringLiteral("x"));
            }).contains(QStringLiteral("x: version: missing")));
}

void TestStudy::unknownFieldsAreKept()
{
    const QByteArray text = R"({"version": 1, "author": "Lee", "figures": [
        {"a": "IWM", "b": "SPY", "range": {"preset": "1Y"}, "annotation": {"x": 3}}]})";
    const Study s = studyFromJson(text, QStringLiteral("t"));
    const QJsonObject written = QJsonDocument::fromJson(studyToJson(s)).object();
    QCOMPARE(written.value(QStringLiteral("author")).toString(), QStringLiteral("Lee"));
    const QJsonObject figure =
        written.value(QStringLiteral("figures")).toArray().first().toObject();
    QCOMPARE(
        figure.value(QStringLiteral("annotation")).toObject().value(QStringLiteral("x")).toInt(),
        3);
}

void TestStudy::malformedJsonNamesLineAndColumn()
{
    const QString message = messageOf([] {
        studyFromJson("{\n  \"version\": 1,\n  \"figures\": [\n    {\"a\": \"IWM\",}\n  ]\n}",
                      QStringLiteral("note.indexlens"));
    });
    QVERIFY2(message.startsWith(QStringLiteral("note.indexlens, line 4, column ")),
             qPrintable(message));
}

void TestStudy::aBadFieldIsNamed()
{
    const auto fails = [](const QByteArray &figure) {
        return messageOf([&] {
            studyFromJson(R"({"version": 1, "figures": [{"range": {"preset": "1Y"}}, )" + figure +
                              "]}",
                          QStringLiteral("s.indexlens"));
        });
    };
    QCOMPARE(fails(R"({"range": {"from": "2024-13-01", "to": "2024-12-31"}})"),
             QStringLiteral("s.indexlens: figures[2].range.from: \"2024-13-01\" is not a date "
                            "(expected YYYY-MM-DD)"));
    QVERIFY(fails(R"({"kind": "pie", "range": {"preset": "1Y"}})")
                .startsWith(QStringLiteral("s.indexlens: figures[2].kind: pie: expected pair, ")));
    QCOMPARE(fails(R"({"range": {"preset": "2W"}})"),
             QStringLiteral("s.indexlens: figures[2].range.preset: 2W is not a preset (expected "
                            "1M, 3M, 6M, YTD, 1Y, 3Y, 5Y, 10Y, Max)"));
    QCOMPARE(fails(R"({"range": {"preset": "1Y"}, "periods": ["2024-07-23:2024-07-01"]})"),
             QStringLiteral("s.indexlens: figures[2].periods: 2024-07-23:2024-07-01 is not a "
                            "period (expected START:END, e.g. 2024-07-01:2024-07-23)"));
    QCOMPARE(fails(R"({"range": {"preset": "1Y"}, "width": "wide"})"),
             QStringLiteral("s.indexlens: figures[2].width: expected a whole number from 320 to "
                            "8000"));
    QVERIFY(fails(R"({"kind": "pair", "range": {}})").contains(QStringLiteral("needs")));
    // A number too large for an int is refused, not cast (fuzz_study found the cast).
    QVERIFY(fails(R"({"range": {"preset": "1Y"}, "height": 1.65556e+63})")
                .endsWith(QStringLiteral("height: expected a whole number from 200 to 8000")));
}

void TestStudy::saveIsAtomicAndKeepsTheBackup()
{
    const QString path = m_temp->dir() + QStringLiteral("/note.indexlens");
    Study first;
    first.title = QStringLiteral("first");
    writeStudy(path, first);
    QVERIFY(!QFile::exists(path + QStringLiteral(".bak")));
    Study second = first;
    second.title = QStringLiteral("second");
    writeStudy(path, second);
    QCOMPARE(readStudy(path).title, QStringLiteral("second"));
    QCOMPARE(readStudy(path + QStringLiteral(".bak")).title, QStringLiteral("first"));
    // A folder that cannot be written: refused, naming the file; nothing there changes.
    const QString locked = m_temp->dir() + QStringLiteral("/locked");
    QVERIFY(QDir().mkpath(locked));
    writeStudy(locked + QStringLiteral("/s.indexlens"), first);
    QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
    const QString message =
        messageOf([&] { writeStudy(locked + QStringLiteral("/s.indexlens"), second); });
    QFile::setPermissions(locked,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    if (::geteuid() != 0) { // root writes anywhere
        QVERIFY2(message.contains(QStringLiteral("s.indexlens")), qPrintable(message));
        QCOMPARE(readStudy(locked + QStringLiteral("/s.indexlens")).title, QStringLiteral("first"));
    }
    // A path that is a folder cannot be written whoever runs it.
    QVERIFY(!messageOf([&] { writeStudy(locked, first); }).isEmpty());
}

void TestStudy::everyViewChangeIsOneUndoStep()
{
    const QDate from = m_pair->from(), to = m_pair->to();
    QVERIFY(!m_study->canUndo());
    QVERIFY(m_pair->setRange(QDate(2024, 1, 2), QDate(2024, 6, 28)));
    m_pair->setLogScale(true);
    m_pair->swap();
    m_pair->addPeriod({QDate(2024, 2, 1), QDate(2024, 3, 28)});
    m_pair->setMarkedMoves(3);
    m_compare->setSymbols({QStringLiteral("IWM"), QStringLiteral("SPY"), QStringLiteral("^GSPC")});
    QCOMPARE(m_pair->currentPick().a, QStringLiteral("SPY"));
    // Six changes, six steps back, in reverse order.
    QVERIFY(m_study->undo());
    QVERIFY(m_compare->symbols() !=
            QStringList({QStringLiteral("IWM"), QStringLiteral("SPY"), QStringLiteral("^GSPC")}));
    QVERIFY(m_study->undo());
    QCOMPARE(m_pair->markedMoves(), 0);
    QVERIFY(m_study->undo());
    QVERIFY(m_pair->periods().empty());
    QVERIFY(m_study->undo());
    QCOMPARE(m_pair->currentPick().a, QStringLiteral("IWM"));
    QCOMPARE(m_pair->from(), QDate(2024, 1, 2)); // the swap kept the range
    QVERIFY(m_study->undo());
    QVERIFY(!m_pair->logScale());
    QVERIFY(m_study->undo());
    QCOMPARE(m_pair->from(), from);
    QCOMPARE(m_pair->to(), to);
    QCOMPARE(m_pair->preset(), QStringLiteral("1Y"));
    QVERIFY(!m_study->undo());
    // And forward again.
    QVERIFY(m_study->redo());
    QCOMPARE(m_pair->from(), QDate(2024, 1, 2));
    QVERIFY(m_study->redo());
    QVERIFY(m_pair->logScale());
    // A new change drops what could be redone.
    m_pair->setLogScale(false);
    QVERIFY(!m_study->canRedo());
}

void TestStudy::aWheelBurstIsOneStep()
{
    const QDate from = m_pair->from(), to = m_pair->to();
    const QDate center = from.addDays(from.daysTo(to) / 2);
    QVERIFY(m_pair->zoom(center, 0.8, false));
    for (int notch = 0; notch < 8; ++notch)
        QVERIFY(m_pair->zoom(center, 0.8, true));
    QVERIFY(m_pair->from().daysTo(m_pair->to()) < from.daysTo(to) / 4);
    // One Back and one Undo each take the whole burst back.
    QVERIFY(m_pair->back());
    QCOMPARE(m_pair->from(), from);
    QVERIFY(!m_pair->canGoBack());
    QVERIFY(m_study->undo()); // the Back
    QVERIFY(m_study->undo()); // the burst
    QCOMPARE(m_pair->from(), from);
    QVERIFY(!m_study->canUndo());
    // A drag of the overview: the first move starts it, the others continue it.
    QVERIFY(m_pair->setRange(QDate(2024, 3, 1), QDate(2024, 9, 30)));
    for (int day = 1; day < 20; ++day)
        m_pair->continueRange(QDate(2024, 3, 1).addDays(day), QDate(2024, 9, 30).addDays(day));
    QVERIFY(m_study->undo());
    QCOMPARE(m_pair->from(), from);
}

void TestStudy::swapKeepsTheBackHistory()
{
    const QDate from = m_pair->from();
    QVERIFY(m_pair->setRange(QDate(2024, 1, 2), QDate(2024, 6, 28)));
    m_pair->swap();
    QCOMPARE(m_pair->currentPick().a, QStringLiteral("SPY"));
    QVERIFY(m_pair->canGoBack());
    QVERIFY(m_pair->back());
    QCOMPARE(m_pair->from(), from);
}

void TestStudy::figuresAreAddedEditedAndUndone()
{
    QVERIFY(m_pair->setRange(QDate(2024, 1, 2), QDate(2024, 6, 28)));
    QCOMPARE(m_study->addCurrentView(), 0);
    QCOMPARE(m_study->study().figures[0].range.from, QDate(2024, 1, 2));
    m_study->renameFigure(0, QStringLiteral("  H1 2024 "));
    QCOMPARE(m_study->study().figures[0].title, QStringLiteral("H1 2024"));
    m_study->setCaption(0, QStringLiteral("The first half"));
    QCOMPARE(m_study->addTable(FigureKind::PeriodsTable), 1);
    QCOMPARE(m_study->study().figures[1].kind, FigureKind::PeriodsTable);
    QVERIFY(!m_study->showFigure(0));
    m_study->moveFigure(1, 0);
    QCOMPARE(m_study->study().figures[0].kind, FigureKind::PeriodsTable);
    QCOMPARE(m_study->current(), 1); // the current figure moved with its row
    m_study->removeFigure(0);
    QCOMPARE(m_study->study().figures.size(), std::size_t(1));
    QCOMPARE(m_study->current(), 0);
    // Each edit is one undo step, showing a figure too (it may change the whole view).
    for (int step = 0; step < 6; ++step)
        QVERIFY(m_study->undo());
    QCOMPARE(m_study->study().figures.size(), std::size_t(1));
    QCOMPARE(m_study->study().figures[0].title, QString());
    QVERIFY(m_study->undo());
    QVERIFY(m_study->study().figures.empty());
}

void TestStudy::theViewEditsTheCurrentFigureOnly()
{
    QVERIFY(m_pair->setRange(QDate(2024, 1, 2), QDate(2024, 6, 28)));
    m_study->addCurrentView();
    m_study->renameFigure(0, QStringLiteral("H1"));
    // Adding takes a snapshot: the next change is the view's, not the figure's.
    QVERIFY(m_pair->setRange(QDate(2023, 1, 3), QDate(2023, 12, 29)));
    QCOMPARE(m_study->current(), -1);
    QCOMPARE(m_study->study().figures[0].range.from, QDate(2024, 1, 2));
    m_study->addCurrentView();
    // Shown, the second is current: the view edits it, the first stays as it was.
    QVERIFY(!m_study->showFigure(1));
    QCOMPARE(m_study->current(), 1);
    QVERIFY(m_pair->setRange(QDate(2023, 3, 1), QDate(2023, 12, 29)));
    QCOMPARE(m_study->study().figures[1].range.from, QDate(2023, 3, 1));
    QCOMPARE(m_study->study().figures[0].range.from, QDate(2024, 1, 2));
    // Showing the first loads it into the sessions.
    QVERIFY(!m_study->showFigure(0));
    QCOMPARE(m_pair->from(), QDate(2024, 1, 2));
    QCOMPARE(m_pair->to(), QDate(2024, 6, 28));
    QCOMPARE(m_study->study().figures[0].title, QStringLiteral("H1")); // its own title stays
    // A figure added now, or a table, gets no title of its own yet: not the one shown's.
    m_study->setCaption(0, QStringLiteral("First half"));
    m_study->addCurrentView();
    m_study->addTable(FigureKind::MovesTable);
    for (const std::size_t added : {std::size_t(2), std::size_t(3)}) {
        QCOMPARE(m_study->study().figures[added].title, QString());
        QCOMPARE(m_study->study().figures[added].caption, QString());
    }
    // Another tab leaves it: the view is a scratch figure again.
    m_study->setViewKind(FigureKind::Compare);
    QCOMPARE(m_study->current(), -1);
    QVERIFY(m_pair->setRange(QDate(2024, 2, 1), QDate(2024, 6, 28)));
    QCOMPARE(m_study->study().figures[0].range.from, QDate(2024, 1, 2));
}

void TestStudy::aStudyOpensOnItsExhibitAndATableOnItsSpan()
{
    // A note written by hand: no view, so it opens on its first exhibit.
    const QString path = m_temp->writeFile(QStringLiteral("note.indexlens"), R"({"version": 1,
      "figures": [
        {"a": "IWM", "b": "SPY", "range": {"from": "2024-01-02", "to": "2024-04-30"}},
        {"kind": "returns-table", "symbols": ["IWM", "SPY"], "days": ["2024-07-11"],
         "returnPeriods": ["2024-06-28:2024-07-23"], "range": {}}]})");
    QSignalSpy shown(m_study.get(), &StudySession::figureShown);
    QVERIFY(!m_study->open(path));
    QCOMPARE(m_study->current(), 0);
    QCOMPARE(m_pair->from(), QDate(2024, 1, 2));
    QCOMPARE(m_pair->to(), QDate(2024, 4, 30));
    QVERIFY(!m_study->modified());
    // The table measures its day and period only: the view shows their span, as render
    // measures it, in the compare tab, without editing the table.
    QVERIFY(!m_study->showFigure(1));
    QCOMPARE(m_study->viewKind(), FigureKind::Compare);
    QCOMPARE(m_study->current(), -1);
    QCOMPARE(m_pair->from(), QDate(2024, 6, 28));
    QCOMPARE(m_pair->to(), QDate(2024, 7, 23));
    QVERIFY(!m_study->study().figures[1].range.from.isValid());
    QCOMPARE(shown.count(), 2);
    QCOMPARE(shown.last().front().toInt(), 1);
}

void TestStudy::savedStudyIsNotModified()
{
    QSignalSpy changed(m_study.get(), &StudySession::changed);
    QVERIFY(!m_study->modified());
    QVERIFY(!m_study->worthAsking()); // nothing a user would miss
    m_study->addCurrentView();
    QVERIFY(m_study->modified());
    QVERIFY(m_study->worthAsking());
    const QString path = m_temp->dir() + QStringLiteral("/saved.indexlens");
    m_study->saveAs(path);
    QVERIFY(!m_study->modified());
    QCOMPARE(m_study->displayName(), QStringLiteral("saved.indexlens"));
    QVERIFY(changed.count() >= 2);
    m_pair->setLogScale(true);
    QVERIFY(m_study->modified());
    m_study->undo();
    QVERIFY(!m_study->modified()); // back to what the file holds
    // Opening it again shows its figure, unmodified, with nothing to undo.
    m_pair->setLogScale(true);
    QVERIFY(!m_study->open(path));
    QVERIFY(!m_study->modified());
    QVERIFY(!m_study->canUndo());
    QVERIFY(!m_pair->logScale());
}

void TestStudy::recoveryBringsBackAnUnsavedStudy()
{
    const QString recovery = m_temp->dir() + QStringLiteral("/recovery.json");
    m_study->setRecoveryPath(recovery);
    QVERIFY(m_pair->setRange(QDate(2024, 1, 2), QDate(2024, 6, 28)));
    m_study->addCurrentView();
    m_study->renameFigure(0, QStringLiteral("Unsaved"));
    m_study->writeRecovery(); // the window does it 250 ms after a change, and on quitting
    const Study before = m_study->study();
    cleanup(); // as a crash would: nothing saved
    init();
    m_study->setRecoveryPath(recovery);
    QVERIFY(m_study->recover());
    QVERIFY(m_study->study() == before);
    QVERIFY(m_study->modified());
    QCOMPARE(m_pair->from(), QDate(2024, 1, 2));
    QFile::remove(recovery);
}

void TestStudy::theViewOfAnOlderVersionIsCarriedOverOnce()
{
    QSettings settings(m_temp->dir() + QStringLiteral("/old.ini"), QSettings::IniFormat);
    settings.setValue(QStringLiteral("pick/a"), QStringLiteral("IWB"));
    settings.setValue(QStringLiteral("pick/b"), QStringLiteral("IWM"));
    settings.setValue(QStringLiteral("view/preset"), QStringLiteral("YTD"));
    settings.setValue(QStringLiteral("view/markedMoves"), 3);
    settings.setValue(QStringLiteral("view/moveRanking"), QStringLiteral("spread"));
    settings.setValue(QStringLiteral("periods/IWB|IWM"),
                      QStringList{QStringLiteral("2024-01-02:2024-03-28")});
    settings.setValue(QStringLiteral("compare/symbols"),
                      QStringList{QStringLiteral("IWM"), QStringLiteral("SPY")});
    settings.setValue(QStringLiteral("compare/days"), QStringList{QStringLiteral("2024-07-11")});
    settings.setValue(QStringLiteral("compare/groups"), QStringLiteral("Mine: IWM, SPY"));
    settings.setValue(QStringLiteral("view/theme"), QStringLiteral("dark"));
    const auto view = takeLegacyView(settings);
    QVERIFY(view);
    QCOMPARE(view->a, QStringLiteral("IWB"));
    QCOMPARE(view->range.preset, QStringLiteral("YTD"));
    QCOMPARE(view->markedMoves, 3);
    QCOMPARE(view->moveRanking, MoveRanking::BySpread);
    QCOMPARE(view->periods, (std::vector<Period>{{QDate(2024, 1, 2), QDate(2024, 3, 28)}}));
    QCOMPARE(view->symbols, QStringList({QStringLiteral("IWM"), QStringLiteral("SPY")}));
    QCOMPARE(view->days, std::vector<QDate>{QDate(2024, 7, 11)});
    // The view's keys are gone; the preferences stay.
    QCOMPARE(settings.allKeys(),
             QStringList({QStringLiteral("compare/groups"), QStringLiteral("view/theme")}));
    QVERIFY(!takeLegacyView(settings));
}

QTEST_GUILESS_MAIN(TestStudy)
#include "tst_study.moc"
