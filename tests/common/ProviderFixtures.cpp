// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProviderFixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <map>

namespace indexlens::test {

QByteArray yahooChartJson(const QString &symbol, const std::vector<Bar> &bars, qint64 period1,
                          qint64 period2, double adjFactor)
{
    const QTimeZone ny("America/New_York");
    QJsonArray timestamps, open, high, low, close, adj, volume;
    auto value = [](const std::optional<double> &v) { return v ? QJsonValue(*v) : QJsonValue(); };
    for (const Bar &bar : bars) {
        const qint64 ts = QDateTime(bar.date, QTime(9, 30), ny).toSecsSinceEpoch();
        if (ts < period1 || ts >= period2) continue;
        timestamps.append(ts);
        open.append(value(bar.open));
        high.append(value(bar.high));
        low.append(value(bar.low));
        close.append(bar.close);
        adj.append(bar.adjClose ? QJsonValue(*bar.adjClose * adjFactor) : QJsonValue());
        volume.append(bar.volume ? QJsonValue(double(*bar.volume)) : QJsonValue());
    }
    QJsonObject meta{{QStringLiteral("currency"), QStringLiteral("USD")},
                     {QStringLiteral("symbol"), symbol},
                     {QStringLiteral("exchangeName"), QStringLiteral("PCX")},
                     {QStringLiteral("exchangeTimezoneName"), QStringLiteral("America/New_York")},
                     {QStringLiteral("dataGranularity"), QStringLiteral("1d")}};
    QJsonObject result{{QStringLiteral("meta"), meta},
                       {QStringLiteral("timestamp"), timestamps},
                       {QStringLiteral("indicators"),
                        QJsonObject{{QStringLiteral("quote"),
                                     QJsonArray{QJsonObject{{QStringLiteral("open"), open},
                                                            {QStringLiteral("high"), high},
                                                            {QStringLiteral("low"), low},
                                                            {QStringLiteral("close"), close},
                                                            {QStringLiteral("volume"), volume}}}},
                                    {QStringLiteral("adjclose"),
                                     QJsonArray{QJsonObject{{QStringLiteral("adjclose"), adj}}}}}}};
    QJsonObject chart{{QStringLiteral("result"), QJsonArray{result}},
                      {QStringLiteral("error"), QJsonValue()}};
    return QJsonDocument(QJsonObject{{QStringLiteral("chart"), chart}})
        .toJson(QJsonDocument::Compact);
}

QByteArray treasuryCsv(int year, const Series &tenYear, const Series &twoYear)
{
    std::map<QDate, std::pair<QString, QString>, std::greater<>> rows; // newest first
    for (const DatedValue &p : tenYear)
        if (p.date.year() == year) rows[p.date].first = QString::number(p.value, 'f', 2);
    for (const DatedValue &p : twoYear)
        if (p.date.year() == year) rows[p.date].second = QString::number(p.value, 'f', 2);
    QByteArray csv = "Date,\"1 Mo\",\"2 Mo\",\"3 Mo\",\"6 Mo\",\"1 Yr\",\"2 Yr\",\"3 Yr\",\"5 Yr\","
                     "\"7 Yr\",\"10 Yr\",\"20 Yr\",\"30 Yr\"\n";
    for (const auto &[date, values] : rows) {
        csv += date.toString(QStringLiteral("MM/dd/yyyy")).toLatin1() +
               ",5.30,5.40,5.45,5.41,5.10," + values.second.toLatin1() + ",4.60,4.40,4.38," +
               values.first.toLatin1() + ",4.50,4.40\n";
    }
    return csv;
}

QByteArray fredGraphCsv(const QString &id, const Series &series, const QDate &start)
{
    QByteArray csv = "observation_date," + id.toLatin1() + "\n";
    QDate previous;
    for (const DatedValue &p : series) {
        if (p.date < start) continue;
        // FRED lists every weekday; a holiday has an empty value.
        for (QDate d = previous.isValid() ? previous.addDays(1) : p.date; d < p.date;
             d = d.addDays(1))
            if (d.dayOfWeek() <= 5) csv += d.toString(Qt::ISODate).toLatin1() + ",\n";
        csv += p.date.toString(Qt::ISODate).toLatin1() + ',' + QByteArray::number(p.value) + '\n';
        previous = p.date;
    }
    return csv;
}

QByteArray fredApiJson(const Series &series, const QDate &start)
{
    QJsonArray observations;
    for (const DatedValue &p : series) {
        if (p.date < start) continue;
        observations.append(QJsonObject{{QStringLiteral("date"), p.date.toString(Qt::ISODate)},
                                        {QStringLiteral("value"), QString::number(p.value)}});
    }
    observations.append(QJsonObject{{QStringLiteral("date"), QStringLiteral("2099-01-01")},
                                    {QStringLiteral("value"), QStringLiteral(".")}});
    return QJsonDocument(QJsonObject{{QStringLiteral("observations"), observations}})
        .toJson(QJsonDocument::Compact);
}

} // namespace indexlens::test
