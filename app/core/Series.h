// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>

#include <optional>
#include <vector>

namespace indexlens {

// One value on one day: a close, an adjusted close or a yield in percent.
struct DatedValue {
    QDate date;
    double value = 0.0;
    friend bool operator==(const DatedValue &a, const DatedValue &b)
    {
        return a.date == b.date && a.value == b.value;
    }
};

// A daily series in ascending date order, one value per date.
using Series = std::vector<DatedValue>;

// Which close a return is computed from.
enum class ReturnBasis {
    Total, // adjusted close where present (dividends reinvested), else close
    Price  // close only
};

// "total" or "price": a row's `basis` in CSV and JSON.
QString basisName(ReturnBasis basis);

// A series with the symbol it belongs to.
struct SymbolSeries {
    QString symbol;
    Series series;
    QString currency = {}; // of a price series, as the cache records it ("" when unknown)
    // What its closes are (issue #22): total return only where the data hold distributions (an
    // adjusted close that differs from the close on some day); a price index is price, whatever
    // was asked.
    ReturnBasis basis = ReturnBasis::Total;
};

// Index of the last point on or before `date`, or nullopt when `date` precedes the series.
std::optional<std::size_t> indexOnOrBefore(const Series &series, const QDate &date);

// Value of the last point on or before `date` ("as of" lookup; never looks into the future).
std::optional<double> valueAsOf(const Series &series, const QDate &date);

enum class InstrumentKind { Index, Etf, Rate };

QString kindName(InstrumentKind kind);
std::optional<InstrumentKind> kindFromName(const QString &name);

// What the cache knows about one symbol.
struct Instrument {
    QString symbol;
    QString name;
    InstrumentKind kind = InstrumentKind::Etf;
    QString source; // where the cached data came from (a file format or a provider id)
    QString currency;
    QString provider; // catalog only: the provider an update uses by default
};

// One daily bar as a provider gives it. Only the close is always present: two-column files
// have nothing else, and Yahoo leaves single fields empty on some days.
struct Bar {
    QDate date;
    std::optional<double> open;
    std::optional<double> high;
    std::optional<double> low;
    double close = 0.0;
    std::optional<double> adjClose;
    std::optional<qint64> volume;
    // False when the source had no raw close (yfinance, Date,Close files): the close is then
    // priced from the adjusted close and the nearest raw close's ratio (issue #14, 2).
    bool rawClose = true;
    friend bool operator==(const Bar &a, const Bar &b)
    {
        return a.date == b.date && a.open == b.open && a.high == b.high && a.low == b.low &&
               a.close == b.close && a.adjClose == b.adjClose && a.volume == b.volume &&
               a.rawClose == b.rawClose;
    }
    friend bool operator!=(const Bar &a, const Bar &b) { return !(a == b); }
};

} // namespace indexlens
