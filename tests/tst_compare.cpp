// SPDX-License-Identifier: GPL-3.0-or-later
// The compare view's model (issue #13): several series rebased to 100 at one close; a series that
// starts later joins at the others' mean; colours stable per symbol. Values checked by hand.
#include "chart/CompareData.h"
#include "core/UserError.h"
#include "document/Study.h"
#include "session/CompareSession.h"
#include "session/SymbolMatch.h"
#include "tables/CompareTables.h"
#include "TestCommon.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <set>

using namespace indexlens;

class TestCompare : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void issue24TypedSymbolMatchesOneEntryOrSaysWhy();
    void issue24PastedListSplitsOnSeparatorsNotSpaces();
    void issue24ASymbolKeepsItsColourWhileOthersComeAndGo();
    void rebasesAtTheCloseBeforeTheRange();
    void aLaterSeriesJoinsAtTheOthersMean();
    void chartLinesNameTheJoinAndEndWithTheirValue();
    void csvTableHasADateAndOneColumnPerSymbol();
    void coloursAreStablePerSymbolAndDistinct();
    void takesTwoToEightSeries();
    void issue13ReturnsTableAddsDaysAndPeriods();
    void issue13ReturnsBarsGroupEachMeasure();
    void issue13SessionKeepsTwoToEightSymbolsOnce();
    void issue13SessionGroupsFromCatalogAndUser();
    void issue13SessionDaysSnapAndPeriodsStayInOrder();
    void issue13SessionReadsTheCacheOncePerListAndRate();
    void issue13SessionSurvivesARestart();
    void issue14MixedCurrenciesAreSaid();
    void issue22EndsEarlyAndPriceAreSaid();
    void issue24ASeriesWithoutDataInTheRangeIsSaid();
};

namespace {
QDate day(int d)
{
    return QDate(2024, 7, d);
}
// A: 100, 102, 104, 103, 105 on 07-01 .. 07-05; B: 50, 50, 51, 52, 50; C from 07-03: 20, 21, 22.
std::vector<SymbolSeries> three()
{
    return {{QStringLiteral("A"),
             {{day(1), 100}, {day(2), 102}, {day(3), 104}, {day(4), 103}, {day(5), 105}}},
            {QStringLiteral("B"),
             {{day(1), 50}, {day(2), 50}, {day(3), 51}, {day(4), 52}, {day(5), 50}}},
            {QStringLiteral("C"), {{day(3), 20}, {day(4), 21}, {day(5), 22}}}};
}
} // namespace

void TestCompare::rebasesAtTheCloseBeforeTheRange()
{
    const CompareData d = CompareData::fromSeries(three());
    // Issue #22: a range starts at the close of its first day (it was the close before).
    QCOMPARE(d.baseDay(day(2)), day(2));
    QCOMPARE(d.baseDay(day(1)), day(1));
    QCOMPARE(d.baseDay(QDate(2024, 6, 30)), day(1)); // before the data: the first day
    const auto lines = d.rebased(day(1), day(5));
    QCOMPARE(lines[0].dates.front(), day(1));
    COMPARE_NEAR(lines[0].values.front(), 100.0, 1e-12);
    COMPARE_NEAR(lines[0].values.back(), 105.0, 1e-12); // 105 / 100
    COMPARE_NEAR(lines[1].values[2], 102.0, 1e-12);     // 51 / 50
    COMPARE_NEAR(lines[1].values.back(), 100.0, 1e-12);
    QVERIFY(!lines[0].joined);
    // Rebase here: 07-03 inside a range from 07-02; A is 100 there, 105 / 104 at the end, and
    // the line still starts on the range's first day (issue #25, trial: it started on the
    // rebase day, and the CSV lost the base day's row).
    const auto at3 = d.rebased(day(2), day(5), day(3));
    QCOMPARE(at3[0].dates.front(), day(2));
    COMPARE_NEAR(at3[0].values.front(), 102.0 / 104.0 * 100.0, 1e-12);
    COMPARE_NEAR(at3[0].values[1], 100.0, 1e-12);
    COMPARE_NEAR(at3[0].values.back(), 105.0 / 104.0 * 100.0, 1e-12);
}

void TestCompare::aLaterSeriesJoinsAtTheOthersMean()
{
    // On 07-03 A is 104 and B 102 (rebased at 07-01): C joins at 103, then 103 x 21 / 20.
    const auto lines = CompareData::fromSeries(three()).rebased(day(1), day(5));
    QCOMPARE(lines[2].joined, std::optional<QDate>(day(3)));
    QCOMPARE(lines[2].dates.front(), day(3));
    COMPARE_NEAR(lines[2].values.front(), 103.0, 1e-12);
    COMPARE_NEAR(lines[2].values[1], 103.0 * 21.0 / 20.0, 1e-12);
}

void TestCompare::chartLinesNameTheJoinAndEndWithTheirValue()
{
    const ChartContent c = CompareData::fromSeries(three()).chart(day(1), day(5), 400);
    QCOMPARE(c.kind, ChartKind::Compare);
    QCOMPARE(int(c.lines.size()), 3);
    QCOMPARE(c.lines[0].name, QStringLiteral("A"));
    QCOMPARE(c.lines[2].name, QStringLiteral("C (joins 2024-07-03)"));
    QCOMPARE(c.lines[0].endLabel, QStringLiteral("A 105.0"));
    QCOMPARE(c.lines[2].endLabel, QStringLiteral("C 113.3")); // 103 x 22 / 20
    QVERIFY(c.title.contains(QStringLiteral("rebased to 100 at the close of 2024-07-01")));
}

void TestCompare::csvTableHasADateAndOneColumnPerSymbol()
{
    const ResultTable t = compareValuesTable(CompareData::fromSeries(three()), day(1), day(5));
    QString csv;
    QTextStream out(&csv);
    t.write(out, OutputFormat::Csv);
    out.flush();
    const QStringList lines = csv.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines[0], QStringLiteral("date,A,B,C"));
    QCOMPARE(lines[1], QStringLiteral("2024-07-01,100,100,")); // C not yet there
    QCOMPARE(lines[3], QStringLiteral("2024-07-03,104,102,103"));
    QCOMPARE(lines.size(), 6);
}

void TestCompare::coloursAreStablePerSymbolAndDistinct()
{
    const QStringList six = {QStringLiteral("IWB"), QStringLiteral("IWM"), QStringLiteral("IWF"),
                             QStringLiteral("IWD"), QStringLiteral("IWO"), QStringLiteral("IWN")};
    const std::vector<int> slots = CompareData::colourSlots(six);
    QCOMPARE(int(std::set<int>(slots.begin(), slots.end()).size()), 6);
    // IWM keeps its colour in another list where it does not collide.
    const std::vector<int> two =
        CompareData::colourSlots({QStringLiteral("IWM"), QStringLiteral("SPY")});
    QCOMPARE(CompareData::colourSlots({QStringLiteral("IWM")}).front(), two.front());
}

void TestCompare::takesTwoToEightSeries()
{
    bool refused = false;
    try {
        CompareData::fromSeries({three().front()});
    } catch (const UserError &e) {
        refused = e.message().contains(QStringLiteral("2 to 8 series"));
    }
    QVERIFY(refused);
}

namespace {
double cell(const ResultTable &t, int row, int column)
{
    const auto &c = t.rows()[std::size_t(row)][std::size_t(column)];
    return c.number ? *c.number : std::nan("");
}

CompareSession::Loader threeLoader(int *calls = nullptr)
{
    return [calls](const QStringList &symbols, const QString &) {
        if (calls) ++*calls;
        std::vector<SymbolSeries> all = three(), chosen;
        for (const QString &symbol : symbols)
            for (const SymbolSeries &s : all)
                if (s.symbol == symbol) chosen.push_back(s);
        return CompareData::fromSeries(chosen);
    };
}
} // namespace

void TestCompare::issue13ReturnsTableAddsDaysAndPeriods()
{
    const CompareData d = CompareData::fromSeries(three());
    ReturnMeasures m;
    m.days = {day(3), day(4)};
    m.periods = {{day(2), day(4)}};
    const ResultTable t = compareReturnsTable(d, day(1), day(5), std::nullopt, m);
    QStringList fields;
    for (const auto &column : t.columns())
        fields << column.field;
    QCOMPARE(fields,
             QStringList({QStringLiteral("symbol"), QStringLiteral("range_pct"),
                          QStringLiteral("ytd_pct"), QStringLiteral("one_year_pct"),
                          QStringLiteral("2024-07-03_pct"), QStringLiteral("2024-07-04_pct"),
                          QStringLiteral("2024-07-02_2024-07-04_pct"), QStringLiteral("high_date"),
                          QStringLiteral("high"), QStringLiteral("low_date"), QStringLiteral("low"),
                          QStringLiteral("from_high_pct"), QStringLiteral("from_low_pct"),
                          QStringLiteral("state"), QStringLiteral("state_since")}));
    COMPARE_NEAR(cell(t, 0, 1), 5.0, 1e-12);                       // A 105 / 100
    COMPARE_NEAR(cell(t, 0, 4), (104.0 / 102.0 - 1) * 100, 1e-12); // A on 07-03
    COMPARE_NEAR(cell(t, 1, 5), (52.0 / 51.0 - 1) * 100, 1e-12);   // B on 07-04
    COMPARE_NEAR(cell(t, 2, 5), 5.0, 1e-12);                       // C 21 / 20 on 07-04
    QVERIFY(t.rows()[2][4].isNull());        // C's first day has no previous close
    COMPARE_NEAR(cell(t, 1, 6), 4.0, 1e-12); // B 52 / 50 from 07-02 to 07-04
    QVERIFY(t.rows()[2][6].isNull());        // C starts after 07-02: never a made-up figure
    QVERIFY(t.rows()[2][1].isNull());        // nor over the range it joined late
    // Issue #25, 3: each series' high and low over the range's closes, and where the last stands.
    QCOMPARE(*t.rows()[0][7].text, QStringLiteral("2024-07-05")); // A's high, 105
    COMPARE_NEAR(cell(t, 0, 8), 105.0, 1e-12);
    QCOMPARE(*t.rows()[0][9].text, QStringLiteral("2024-07-01")); // its low, 100
    COMPARE_NEAR(cell(t, 0, 12), 5.0, 1e-12);                     // 105 / 100 - 1
    COMPARE_NEAR(cell(t, 1, 11), (50.0 / 52.0 - 1) * 100, 1e-12); // B from its 52 high
    QCOMPARE(*t.rows()[0][13].text, QString());                   // no 20 % move: no state
}

void TestCompare::issue13ReturnsBarsGroupEachMeasure()
{
    const CompareData d = CompareData::fromSeries(three());
    ReturnMeasures m;
    m.days = {day(4)};
    m.periods = {{day(2), day(4)}};
    const ChartContent c = d.returnsBars(day(1), day(5), std::nullopt, m);
    QCOMPARE(c.kind, ChartKind::ReturnsBars);
    QCOMPARE(c.categories,
             QStringList({QStringLiteral("2024-07-04"), QStringLiteral("2024-07-02 to 07-04")}));
    QCOMPARE(int(c.lines.size()), 3);
    // Group g is centred on x = g; the three bars share 0.8 of it, in the list's order.
    const double share = 0.8 / 3;
    QCOMPARE(int(c.lines[0].points.size()), 2);
    COMPARE_NEAR(c.lines[0].points[0].x(), -0.4 + share * 0.5, 1e-12);
    COMPARE_NEAR(c.lines[0].points[0].y(), (103.0 / 104.0 - 1) * 100, 1e-12);
    COMPARE_NEAR(c.lines[1].points[1].x(), 1 - 0.4 + share * 1.5, 1e-12);
    COMPARE_NEAR(c.lines[1].points[1].y(), 4.0, 1e-12);
    QCOMPARE(int(c.lines[2].points.size()), 1); // C has no figure for the period: no bar
    QVERIFY(c.lines[0].bars && c.lines[0].valueLabels);
    COMPARE_NEAR(c.lines[0].barWidth, share * 0.9, 1e-12);
    QCOMPARE(c.lines[0].colourSlot,
             CompareData::colourSlots(
                 {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")})[0]);
    // Without chosen days or periods: the range, YTD and one year.
    const ChartContent plain = d.returnsBars(day(1), day(5));
    QCOMPARE(plain.categories, QStringList({QStringLiteral("Range from 2024-07-01"),
                                            QStringLiteral("YTD"), QStringLiteral("1 year")}));
    COMPARE_NEAR(plain.lines[0].points[0].y(), 5.0, 1e-12);
    QCOMPARE(plain.title, QStringLiteral("Total returns, % to 2024-07-05"));
}

// Issue #22, 2 and 3: a series that ends early gets no number after its data, keeps its line and
// its end tag at its last day, and says "(ends ...)"; a price index among total return series is
// named so in the legend and the titles. A ends 07-03; B, C (price) run to 07-05.
void TestCompare::issue22EndsEarlyAndPriceAreSaid()
{
    std::vector<SymbolSeries> s = three();
    s[0].series.resize(3); // A: 100, 102, 104 to 07-03
    s[2].basis = ReturnBasis::Price;
    const CompareData d = CompareData::fromSeries(s);
    const ResultTable t = compareReturnsTable(d, day(1), day(5));
    QVERIFY(t.rows()[0][1].isNull()); // A over the range to 07-05: n/a (was 104 / 100 = 4.00)
    // Issue #25, trial: nor a high and low to its last day beside the empty range (the rule
    // of `extremes`); B has them.
    const std::size_t highDate = 4; // symbol, range, ytd, 1 year, then the extremes columns
    QCOMPARE(t.columns()[highDate].field, QStringLiteral("high_date"));
    QVERIFY(t.rows()[0][highDate].isNull());
    QVERIFY(!t.rows()[1][highDate].isNull());
    COMPARE_NEAR(cell(t, 1, 1), 0.0, 1e-12); // B 50 -> 50
    const ChartContent bars = d.returnsBars(day(1), day(5));
    QCOMPARE(int(bars.lines[0].points.size()), 0); // no bar for A
    QCOMPARE(bars.title,
             QStringLiteral("Returns, %: total return (A, B); price (C) to 2024-07-05"));
    const ChartContent c = d.chart(day(1), day(5), 400);
    QCOMPARE(c.lines[0].name, QStringLiteral("A (ends 2024-07-03)"));
    QVERIFY(c.lines[0].endsEarly);
    QVERIFY(!c.lines[1].endsEarly);
    COMPARE_NEAR(c.lines[0].points.back().y(), 104.0, 1e-12); // its line runs to its last day
    QCOMPARE(c.lines[0].endLabel, QStringLiteral("A 104.0"));
    QCOMPARE(c.lines[2].name, QStringLiteral("C (price, joins 2024-07-03)"));
    QCOMPARE(c.title, QStringLiteral("3 series rebased to 100 at the close of 2024-07-01: total "
                                     "return (A, B); price (C)"));
    // Up to A's last day nothing ends early.
    QCOMPARE(d.chart(day(1), day(3), 400).lines[0].name, QStringLiteral("A"));
}

// Issue #24 (a user trial): a series with no day in the range was counted in the title ("3
// series") and drew nothing, without a word.
void TestCompare::issue24ASeriesWithoutDataInTheRangeIsSaid()
{
    const ChartContent c = CompareData::fromSeries(three()).chart(day(1), day(2), 400);
    QCOMPARE(int(c.lines.size()), 3);
    QVERIFY(c.lines[2].points.empty());
    QCOMPARE(c.lines[2].name, QStringLiteral("C (no data in the range: 2024-07-03 to 2024-07-05)"));
    QCOMPARE(c.lines[0].name, QStringLiteral("A"));
}

void TestCompare::issue13SessionKeepsTwoToEightSymbolsOnce()
{
    CompareSession s(threeLoader());
    QSignalSpy changed(&s, &CompareSession::symbolsChanged);
    s.setSymbols({QStringLiteral(" iwm"), QStringLiteral("SPY"), QStringLiteral("IWM"),
                  QStringLiteral(""), QStringLiteral("rsp")});
    QCOMPARE(s.symbols(),
             QStringList({QStringLiteral("IWM"), QStringLiteral("SPY"), QStringLiteral("RSP")}));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(s.addSymbol(QStringLiteral("spy")), QStringLiteral("SPY is in the list already"));
    QCOMPARE(s.addSymbol(QStringLiteral("qqq")), QString());
    s.setSymbols({QStringLiteral("A1"), QStringLiteral("A2"), QStringLiteral("A3"),
                  QStringLiteral("A4"), QStringLiteral("A5"), QStringLiteral("A6"),
                  QStringLiteral("A7"), QStringLiteral("A8"), QStringLiteral("A9")});
    QCOMPARE(s.symbols().size(), 8);
    QCOMPARE(s.addSymbol(QStringLiteral("B1")),
             QStringLiteral("B1: the list holds 8 series, the most compare draws; remove one "
                            "first"));
    s.removeSymbols({QStringLiteral("a2"), QStringLiteral("A8")});
    QCOMPARE(s.symbols(),
             QStringList({QStringLiteral("A1"), QStringLiteral("A3"), QStringLiteral("A4"),
                          QStringLiteral("A5"), QStringLiteral("A6"), QStringLiteral("A7")}));
}

void TestCompare::issue13SessionGroupsFromCatalogAndUser()
{
    CompareSession s(threeLoader());
    const std::vector<SeriesGroup> builtIn = s.groups();
    QVERIFY(builtIn.size() >= 3);
    QCOMPARE(builtIn.front().symbols,
             QStringList({QStringLiteral("IWB"), QStringLiteral("IWM"), QStringLiteral("IWF"),
                          QStringLiteral("IWD"), QStringLiteral("IWO"),
                          QStringLiteral("IWN")})); // Russell size and style
    QVERIFY(s.applyGroup(builtIn.back().name));
    QCOMPARE(s.symbols(), builtIn.back().symbols);
    QVERIFY(!s.applyGroup(QStringLiteral("no such group")));
    s.setSymbols({QStringLiteral("IWM"), QStringLiteral("SPY")});
    s.saveGroup(QStringLiteral("Mine"));
    s.setSymbols({QStringLiteral("IWM"), QStringLiteral("RSP"), QStringLiteral("SPY")});
    s.saveGroup(QStringLiteral("Mine")); // replaced, not added twice
    QCOMPARE(int(s.userGroups().size()), 1);
    QCOMPARE(s.userGroups().front().symbols,
             QStringList({QStringLiteral("IWM"), QStringLiteral("RSP"), QStringLiteral("SPY")}));
    QCOMPARE(int(s.groups().size()), int(builtIn.size()) + 1);
    QVERIFY_THROWS_EXCEPTION(UserError, s.saveGroup(builtIn.front().name));
    QVERIFY_THROWS_EXCEPTION(UserError, s.saveGroup(QStringLiteral("  ")));
    // The settings' text: a line per group, parsed back; a bad line is named.
    const auto parsed =
        CompareSession::parseGroups(QStringLiteral("# mine\nSmall: iwm, ijr  iwc\n\nBig: SPY,QQQ"));
    QCOMPARE(int(parsed.size()), 2);
    QCOMPARE(parsed[0].name, QStringLiteral("Small"));
    QCOMPARE(parsed[0].symbols,
             QStringList({QStringLiteral("IWM"), QStringLiteral("IJR"), QStringLiteral("IWC")}));
    QCOMPARE(CompareSession::formatGroups(parsed),
             QStringLiteral("Small: IWM, IJR, IWC\nBig: SPY, QQQ"));
    for (const auto &[text, why] : std::vector<std::pair<QString, QString>>{
             {QStringLiteral("Big: SPY QQQ\nno colon"), QStringLiteral("line 2")},
             {QStringLiteral("One: SPY"), QStringLiteral("2 to 8 symbols, not 1")},
             {builtIn.front().name + QStringLiteral(": A, B"), QStringLiteral("catalog")}}) {
        QString message;
        try {
            CompareSession::parseGroups(text);
        } catch (const UserError &e) {
            message = e.message();
        }
        QVERIFY2(message.contains(why), qPrintable(message));
    }
}

void TestCompare::issue13SessionDaysSnapAndPeriodsStayInOrder()
{
    CompareSession s(threeLoader());
    s.setSymbols({QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")});
    s.data(QString());
    QSignalSpy changed(&s, &CompareSession::measuresChanged);
    QVERIFY(s.addDay(QDate(2024, 7, 7))); // a Sunday after the data: their last day, 07-05
    QVERIFY(s.addDay(day(3)));
    QVERIFY(!s.addDay(day(5))); // the same day again
    QCOMPARE(s.measures().days, std::vector<QDate>({day(3), day(5)}));
    QVERIFY(s.addPeriod({day(2), day(5)}));
    QVERIFY(s.addPeriod({day(1), day(4)}));
    QVERIFY(!s.addPeriod({day(1), day(4)}));
    QVERIFY(!s.addPeriod({day(4), day(1)})); // ends before it starts
    QCOMPARE(s.measures().periods.front().start, day(1));
    QCOMPARE(changed.count(), 4);
    QCOMPARE(s.measures().labels(),
             QStringList({QStringLiteral("2024-07-03"), QStringLiteral("2024-07-05"),
                          QStringLiteral("2024-07-01 to 2024-07-04"),
                          QStringLiteral("2024-07-02 to 2024-07-05")}));
    s.removeMeasure(1); // the second day
    s.removeMeasure(2); // the second period (days first)
    QCOMPARE(s.measures().labels(), QStringList({QStringLiteral("2024-07-03"),
                                                 QStringLiteral("2024-07-01 to 2024-07-04")}));
    s.clearMeasures();
    QVERIFY(s.measures().empty());
}

void TestCompare::issue13SessionReadsTheCacheOncePerListAndRate()
{
    int calls = 0;
    CompareSession s(threeLoader(&calls));
    s.setSymbols({QStringLiteral("A"), QStringLiteral("B")});
    s.data(QString());
    s.data(QString());
    QCOMPARE(calls, 1);
    s.addSymbol(QStringLiteral("C"));
    QCOMPARE(s.data(QString()).symbols(),
             QStringList({QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")}));
    s.data(QStringLiteral("DGS10")); // another rate
    QCOMPARE(calls, 3);
    s.reload();
    s.data(QStringLiteral("DGS10"));
    QCOMPARE(calls, 4);
    s.setSymbols({QStringLiteral("A")});
    QVERIFY_THROWS_EXCEPTION(UserError, s.data(QString())); // one series is no comparison
}

void TestCompare::issue13SessionSurvivesARestart()
{
    // The list and its measures go with the study (issue #23), the user's groups with the
    // settings.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.ini"));
    const QString studyPath = dir.filePath(QStringLiteral("s.indexlens"));
    {
        CompareSession s(threeLoader());
        s.setSymbols({QStringLiteral("IWM"), QStringLiteral("RSP"), QStringLiteral("SPY")});
        s.saveGroup(QStringLiteral("Mine"));
        s.addDay(day(11));
        s.addPeriod({QDate(2024, 6, 28), day(23)});
        QSettings settings(path, QSettings::IniFormat);
        s.saveGroups(settings);
        Study study;
        s.fillFigure(study.view);
        writeStudy(studyPath, study);
    }
    QSettings settings(path, QSettings::IniFormat);
    CompareSession again(threeLoader());
    QVERIFY(!again.restoreGroups(settings));
    again.applyFigure(readStudy(studyPath).view);
    QCOMPARE(again.symbols(),
             QStringList({QStringLiteral("IWM"), QStringLiteral("RSP"), QStringLiteral("SPY")}));
    QCOMPARE(again.measures().labels(), QStringList({QStringLiteral("2024-07-11"),
                                                     QStringLiteral("2024-06-28 to 2024-07-23")}));
    QCOMPARE(again.userGroups().front().name, QStringLiteral("Mine"));
    // A hand-edited group line that is not one is said, not swallowed.
    settings.setValue(QStringLiteral("compare/groups"), QStringLiteral("Mine IWM SPY"));
    CompareSession third(threeLoader());
    const auto error = third.restoreGroups(settings);
    QVERIFY(error && error->contains(QStringLiteral("line 1")));
    QVERIFY(third.userGroups().empty());
}

// Issue #14, 11: series in different currencies are compared as they are, and the headline and
// the compare chart's title say so.
void TestCompare::issue14MixedCurrenciesAreSaid()
{
    std::vector<SymbolSeries> series = three();
    series[0].currency = QStringLiteral("USD");
    series[1].currency = QStringLiteral("EUR");
    const CompareData d = CompareData::fromSeries(series);
    QVERIFY2(d.chart(day(2), day(5), 400)
                 .title.endsWith(QStringLiteral(" (in A USD, B EUR: not converted)")),
             qPrintable(d.chart(day(2), day(5), 400).title));
    const PairData pair = PairData::fromSeries(series[0], series[1], {});
    QVERIFY2(pair.headline(day(2), day(5))
                 .endsWith(QStringLiteral("(A in USD, B in EUR: not converted)")),
             qPrintable(pair.headline(day(2), day(5))));
    series[1].currency = QStringLiteral("USD");
    QVERIFY(!PairData::fromSeries(series[0], series[1], {})
                 .headline(day(2), day(5))
                 .contains(QStringLiteral("converted")));
}

// Issue #24, 3 and 5d: a picker takes a symbol in any case, an entry's text, or part of one
// entry's name; a name several entries hold names their count; anything else is refused by name.
void TestCompare::issue24TypedSymbolMatchesOneEntryOrSaysWhy()
{
    const std::vector<PickerEntry> entries{
        {QStringLiteral("IWM"), QStringLiteral("IWM \u2014 iShares Russell 2000 ETF")},
        {QString(), QString()}, // a separator
        {QStringLiteral("IWB"), QStringLiteral("IWB \u2014 iShares Russell 1000 ETF")},
        {QStringLiteral("^GSPC"), QStringLiteral("^GSPC \u2014 S&P 500")}};
    QCOMPARE(matchSymbol(entries, QStringLiteral(" iwb ")).index, 2);
    QCOMPARE(matchSymbol(entries, QStringLiteral("^gspc")).index, 3);
    QCOMPARE(matchSymbol(entries, entries[0].text).index, 0);
    QCOMPARE(matchSymbol(entries, QStringLiteral("Russell 2000")).index, 0);
    const SymbolMatch several = matchSymbol(entries, QStringLiteral("russell"));
    QCOMPARE(several.index, -1);
    QCOMPARE(several.matches, (std::vector<int>{0, 2}));
    QCOMPARE(several.refusal, QStringLiteral("russell: 2 series match; pick one from the list"));
    const SymbolMatch none = matchSymbol(entries, QStringLiteral("xyz"));
    QCOMPARE(none.index, -1);
    QVERIFY(none.matches.empty());
    QCOMPARE(none.refusal,
             QStringLiteral("xyz: not in the cache or the catalog (Update or Import it)"));
    QCOMPARE(matchSymbol(entries, QStringLiteral("  ")).refusal,
             QStringLiteral("Type a symbol or part of a name"));
}

// Issue #24, 5d: "QQQ, RSP, ^RUT", one per line or with semicolons are lists; "Russell 2000" is
// one name.
void TestCompare::issue24PastedListSplitsOnSeparatorsNotSpaces()
{
    const QStringList three{QStringLiteral("QQQ"), QStringLiteral("RSP"), QStringLiteral("^RUT")};
    QCOMPARE(splitPastedSymbols(QStringLiteral("QQQ, RSP, ^RUT")), three);
    QCOMPARE(splitPastedSymbols(QStringLiteral("QQQ\r\nRSP\n^RUT\n")), three);
    QCOMPARE(splitPastedSymbols(QStringLiteral("QQQ;RSP;;^RUT,")), three);
    QCOMPARE(splitPastedSymbols(QStringLiteral("QQQ\tRSP\t^RUT")), three);
    QCOMPARE(splitPastedSymbols(QStringLiteral(" Russell 2000 ")),
             QStringList{QStringLiteral("Russell 2000")});
    QCOMPARE(splitPastedSymbols(QStringLiteral(" , ")), QStringList());
}

// Issue #24, 7: IWO keeps its colour when others are added or removed (it was bumped by IWF, whose
// colour it shares first, and took IWF's back once IWF went: olive, then black); the colours
// kept go into the figure and come back from the study file, so a fresh render draws the same.
void TestCompare::issue24ASymbolKeepsItsColourWhileOthersComeAndGo()
{
    const auto slotOf = [](const CompareSession &s, const QString &symbol) {
        return s.colourSlots()[std::size_t(s.symbols().indexOf(symbol))];
    };
    CompareSession s([](const QStringList &, const QString &) { return CompareData(); });
    s.setSymbols({QStringLiteral("IWB"), QStringLiteral("IWM"), QStringLiteral("IWF"),
                  QStringLiteral("IWD"), QStringLiteral("IWO"), QStringLiteral("IWN")});
    QCOMPARE(s.colourSlots(), CompareData::colourSlots(s.symbols())); // a fresh list: as export
    const int iwo = slotOf(s, QStringLiteral("IWO")), iwb = slotOf(s, QStringLiteral("IWB"));
    s.removeSymbols({QStringLiteral("IWF")});
    QCOMPARE(slotOf(s, QStringLiteral("IWO")), iwo);
    QVERIFY(CompareData::colourSlots(s.symbols())[3] != iwo); // what a list alone would give
    QCOMPARE(s.addSymbol(QStringLiteral("IWV")), QString());
    QCOMPARE(s.addSymbol(QStringLiteral("^RUT")), QString());
    QCOMPARE(slotOf(s, QStringLiteral("IWO")), iwo);
    QCOMPARE(slotOf(s, QStringLiteral("IWB")), iwb);
    QVERIFY(validColourSlots(s.colourSlots(), s.symbols().size())); // each once
    // Into the figure, through the study file, and back into another session.
    Figure figure;
    figure.kind = FigureKind::Compare;
    s.fillFigure(figure);
    Study study;
    study.figures.push_back(figure);
    const Study read = studyFromJson(studyToJson(study), QStringLiteral("s.indexlens"));
    QCOMPARE(read.figures.front().colours, s.colourSlots());
    CompareSession other([](const QStringList &, const QString &) { return CompareData(); });
    other.applyFigure(read.figures.front());
    QCOMPARE(other.colourSlots(), s.colourSlots());
    // A chart drawn with them gives each line its kept slot.
    CompareData d = CompareData::fromSeries(three());
    d.setColourSlots({7, 2, 4});
    const ChartContent chart = d.chart(QDate(2024, 1, 2), QDate(2024, 1, 10), 800);
    QCOMPARE(chart.lines[0].colourSlot, 7);
    QCOMPARE(chart.lines[2].colourSlot, 4);
    // A study whose colours are not one per symbol, each once, is refused by field.
    QByteArray bad = studyToJson(study);
    bad.replace("\"colours\": [", "\"colours\": [1, 1, ");
    QVERIFY(bad.contains("[1, 1, "));
    QString why;
    try {
        studyFromJson(bad, QStringLiteral("s.indexlens"));
    } catch (const UserError &e) {
        why = e.message();
    }
    QVERIFY2(why.contains(QStringLiteral("figures[1].colours: expected one colour (0 to 7) per "
                                         "symbol, each once")),
             qPrintable(why));
}

QTEST_GUILESS_MAIN(TestCompare)
#include "tst_compare.moc"
