#include "chart/DateTicks.h"

#include <QTest>

using namespace indexlens;

// Calendar ticks of the charts' date axis (labels at month and year starts, not at every
// seventh of the range).
class TestDateTicks : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void monthsOverSevenMonths();
    void quartersWhenMonthsDoNotFit();
    void fiveYearsOverHalfACentury();
    void daysThenMondays();
    void aRangeStartingOnJanuaryFirstHasItsTick();
    void emptyForAnEmptyRange();
};

namespace {
// "a|b|c" -> {"a", "b", "c"} (the model library builds without implicit ASCII casts)
QStringList list(const char *joined)
{
    return QString::fromLatin1(joined).split(QLatin1Char('|'));
}

QStringList labels(const std::vector<DateTick> &ticks)
{
    QStringList out;
    for (const DateTick &t : ticks)
        out << t.label;
    return out;
}
} // namespace

void TestDateTicks::monthsOverSevenMonths()
{
    // 2024-01-02 .. 2024-08-02: 31 Mondays are too many for 10 ticks; month starts Feb .. Aug fit.
    const auto ticks = calendarTicks(QDate(2024, 1, 2), QDate(2024, 8, 2), 10);
    QCOMPARE(labels(ticks), list("Feb 2024|Mar 2024|Apr 2024|May 2024|Jun 2024|Jul 2024|Aug 2024"));
    QCOMPARE(ticks.front().date, QDate(2024, 2, 1));
    QCOMPARE(ticks.back().date, QDate(2024, 8, 1));
}

void TestDateTicks::quartersWhenMonthsDoNotFit()
{
    const auto ticks = calendarTicks(QDate(2024, 1, 2), QDate(2024, 8, 2), 3);
    QCOMPARE(labels(ticks), list("Apr 2024|Jul 2024"));
}

void TestDateTicks::fiveYearsOverHalfACentury()
{
    // 1971-02-05 .. 2025-06-26 (the Nasdaq Composite's history): 54 years, 27 even years, and
    // 11 multiples of five (1975 .. 2025).
    const auto ticks = calendarTicks(QDate(1971, 2, 5), QDate(2025, 6, 26), 12);
    QCOMPARE(int(ticks.size()), 11);
    QCOMPARE(ticks.front().label, QStringLiteral("1975"));
    QCOMPARE(ticks.front().date, QDate(1975, 1, 1));
    QCOMPARE(ticks.back().label, QStringLiteral("2025"));
}

void TestDateTicks::daysThenMondays()
{
    // Friday 2024-03-01 .. Friday 2024-03-08: eight days fit ten ticks; two ticks take Mondays.
    const auto days = calendarTicks(QDate(2024, 3, 1), QDate(2024, 3, 8), 10);
    QCOMPARE(int(days.size()), 8);
    QCOMPARE(days.front().label, QStringLiteral("2024-03-01"));
    const auto weeks = calendarTicks(QDate(2024, 3, 1), QDate(2024, 3, 8), 2);
    QCOMPARE(labels(weeks), list("2024-03-04"));
}

void TestDateTicks::aRangeStartingOnJanuaryFirstHasItsTick()
{
    const auto ticks = calendarTicks(QDate(2020, 1, 1), QDate(2024, 12, 31), 6);
    QCOMPARE(labels(ticks), list("2020|2021|2022|2023|2024"));
}

void TestDateTicks::emptyForAnEmptyRange()
{
    QVERIFY(calendarTicks(QDate(2024, 3, 8), QDate(2024, 3, 1), 10).empty());
    QVERIFY(calendarTicks(QDate(2024, 3, 1), QDate(2024, 3, 8), 0).empty());
}

QTEST_GUILESS_MAIN(TestDateTicks)
#include "tst_dateticks.moc"
