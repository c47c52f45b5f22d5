// SPDX-License-Identifier: GPL-3.0-or-later
// The compare view's model (issue #13): several series rebased to 100 at one close; a series that
// starts later joins at the others' mean; colours stable per symbol. Values checked by hand.
#include "chart/CompareData.h"
#include "core/UserError.h"
#include "TestCommon.h"

#include <QTest>
#include <QTextStream>

#include <set>

using namespace indexlens;

class TestCompare : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rebasesAtTheCloseBeforeTheRange();
    void aLaterSeriesJoinsAtTheOthersMean();
    void chartLinesNameTheJoinAndEndWithTheirValue();
    void csvTableHasADateAndOneColumnPerSymbol();
    void coloursAreStablePerSymbolAndDistinct();
    void takesTwoToEightSeries();
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
    QCOMPARE(d.baseDay(day(2)), day(1));
    const auto lines = d.rebased(day(2), day(5));
    QCOMPARE(lines[0].dates.front(), day(1));
    COMPARE_NEAR(lines[0].values.front(), 100.0, 1e-12);
    COMPARE_NEAR(lines[0].values.back(), 105.0, 1e-12); // 105 / 100
    COMPARE_NEAR(lines[1].values[2], 102.0, 1e-12);     // 51 / 50
    COMPARE_NEAR(lines[1].values.back(), 100.0, 1e-12);
    QVERIFY(!lines[0].joined);
    // Rebase here: 07-03; A is 100 there, 105 / 104 at the end.
    const auto at3 = d.rebased(day(4), day(5), day(3));
    COMPARE_NEAR(at3[0].values.front(), 100.0, 1e-12);
    COMPARE_NEAR(at3[0].values.back(), 105.0 / 104.0 * 100.0, 1e-12);
}

void TestCompare::aLaterSeriesJoinsAtTheOthersMean()
{
    // On 07-03 A is 104 and B 102 (rebased at 07-01): C joins at 103, then 103 x 21 / 20.
    const auto lines = CompareData::fromSeries(three()).rebased(day(2), day(5));
    QCOMPARE(lines[2].joined, std::optional<QDate>(day(3)));
    QCOMPARE(lines[2].dates.front(), day(3));
    COMPARE_NEAR(lines[2].values.front(), 103.0, 1e-12);
    COMPARE_NEAR(lines[2].values[1], 103.0 * 21.0 / 20.0, 1e-12);
}

void TestCompare::chartLinesNameTheJoinAndEndWithTheirValue()
{
    const ChartContent c = CompareData::fromSeries(three()).chart(day(2), day(5), 400);
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
    const ResultTable t = CompareData::fromSeries(three()).table(day(2), day(5));
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

QTEST_GUILESS_MAIN(TestCompare)
#include "tst_compare.moc"
