// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/TextFields.h"
#include "core/TypedDate.h"

#include <QTest>

using namespace indexlens;

class TestTextFields : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void splitsPlainAndQuotedFields();
    void splitsEmptyAndTrailingFields();
    void parsesIsoDates();
    void parsesDatesAsUsersTypeThem();
    void rejectsBadDates();
    void parsesUsDates();
    void parsesNumbersWithoutLocale();
};

void TestTextFields::splitsPlainAndQuotedFields()
{
    std::vector<std::string_view> f;
    splitCsvLine("Date,\"1 Mo\",\"10 Yr\",x", f);
    QCOMPARE(f.size(), std::size_t(4));
    QCOMPARE(std::string(f[0]), std::string("Date"));
    QCOMPARE(std::string(f[1]), std::string("1 Mo"));
    QCOMPARE(std::string(f[2]), std::string("10 Yr"));
    splitCsvLine("\"a,b\",c", f);
    QCOMPARE(f.size(), std::size_t(2));
    QCOMPARE(std::string(f[0]), std::string("a,b"));
}

void TestTextFields::splitsEmptyAndTrailingFields()
{
    std::vector<std::string_view> f;
    splitCsvLine("Date,,,,,,", f); // the third header line of a yfinance multi-index file
    QCOMPARE(f.size(), std::size_t(7));
    QVERIFY(f[6].empty());
    splitCsvLine("", f);
    QCOMPARE(f.size(), std::size_t(1));
    splitCsvLine("2024-11-11,", f); // FRED holiday
    QCOMPARE(f.size(), std::size_t(2));
    QVERIFY(f[1].empty());
}

void TestTextFields::parsesIsoDates()
{
    QCOMPARE(parseIsoDate("2023-06-07").value(), QDate(2023, 6, 7));
    QCOMPARE(parseIsoDate(" 2024-02-29 ").value(), QDate(2024, 2, 29));
    // yfinance writes the index with a time and a zone in some versions.
    QCOMPARE(parseIsoDate("2020-01-02 00:00:00-05:00").value(), QDate(2020, 1, 2));
    QCOMPARE(parseIsoDate("2020-01-02T00:00:00Z").value(), QDate(2020, 1, 2));
}

void TestTextFields::rejectsBadDates()
{
    QVERIFY(!parseIsoDate("2023-02-29")); // not a leap year
    QVERIFY(!parseIsoDate("2023-13-01"));
    QVERIFY(!parseIsoDate("06/07/2023"));
    QVERIFY(!parseIsoDate("2023-6-7"));
    QVERIFY(!parseIsoDate("2023-06-07x"));
    QVERIFY(!parseIsoDate(""));
}

void TestTextFields::parsesUsDates()
{
    QCOMPARE(parseUsDate("11/14/2023").value(), QDate(2023, 11, 14));
    QVERIFY(!parseUsDate("2023-11-14"));
    QVERIFY(!parseUsDate("02/30/2023"));
}

void TestTextFields::parsesNumbersWithoutLocale()
{
    // QCoreApplication has called setlocale(); a comma-decimal locale must not matter.
    std::setlocale(LC_ALL, "de_DE.UTF-8");
    QCOMPARE(parseNumber("4450.379883").value(), 4450.379883);
    QCOMPARE(parseNumber("-0.25").value(), -0.25);
    QCOMPARE(parseNumber("+4").value(), 4.0);
    QCOMPARE(parseNumber("1e3").value(), 1000.0);
    QCOMPARE(parseNumber(" 7.260 ").value(), 7.26);
    QVERIFY(!parseNumber("1,5"));
    QVERIFY(!parseNumber("."));
    QVERIFY(!parseNumber(""));
    QVERIFY(!parseNumber("null"));
    QVERIFY(!parseNumber("nan"));
    QVERIFY(!parseNumber("inf"));
    QVERIFY(!parseNumber("12abc"));
    std::setlocale(LC_ALL, "C");
}

// Issue #24, 1: a date field takes what a user types or pastes, and says why not.
void TestTextFields::parsesDatesAsUsersTypeThem()
{
    for (const char *text :
         {"2023-06-30", " 2023-06-30 ", "20230630", "2023/06/30", "2023.06.30", "2023-6-30"})
        QCOMPARE(parseTypedDate(QString::fromLatin1(text)).date, QDate(2023, 6, 30));
    QCOMPARE(parseTypedDate(QStringLiteral("2024-02-29")).date, QDate(2024, 2, 29));
    QCOMPARE(parseTypedDate(QStringLiteral("2023-02-29")).reason,
             QStringLiteral("2023-02-29 is not a day of the calendar"));
    QCOMPARE(parseTypedDate(QStringLiteral("30/06/2023")).reason,
             QStringLiteral("30/06/2023: expected a date as 2023-06-30 or 20230630"));
    QCOMPARE(parseTypedDate(QStringLiteral("2023-06/30")).date, QDate()); // one separator
    QVERIFY(!parseTypedDate(QString()).reason.isEmpty());
}

QTEST_GUILESS_MAIN(TestTextFields)
#include "tst_textfields.moc"
