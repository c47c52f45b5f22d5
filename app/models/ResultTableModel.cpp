#include "ResultTableModel.h"

#include "analysis/MovesTable.h"
#include "analysis/Returns.h"
#include "chart/PairData.h"

#include <QLocale>

#include <cmath>

namespace indexlens {

ResultTableModel::ResultTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void ResultTableModel::setColumns(std::vector<Column> columns)
{
    beginResetModel();
    m_columns = std::move(columns);
    m_rows.clear();
    endResetModel();
}

void ResultTableModel::setRows(std::vector<std::vector<QVariant>> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void ResultTableModel::appendRow(std::vector<QVariant> row)
{
    beginInsertRows(QModelIndex(), int(m_rows.size()), int(m_rows.size()));
    m_rows.push_back(std::move(row));
    endInsertRows();
}

void ResultTableModel::clearRows()
{
    setRows({});
}

int ResultTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ResultTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant ResultTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()) ||
        index.column() >= int(m_columns.size()))
        return {};
    const QVariant &value = m_rows[std::size_t(index.row())][std::size_t(index.column())];
    const Kind kind = m_columns[std::size_t(index.column())].kind;
    if (role == Qt::UserRole) return value;
    if (role == Qt::TextAlignmentRole)
        return int((kind == Kind::Percent || kind == Kind::Bps ? Qt::AlignRight : Qt::AlignLeft) |
                   Qt::AlignVCenter);
    if (role != Qt::DisplayRole || value.isNull()) return {};
    switch (kind) {
    case Kind::Percent:
        return QLocale().toString(value.toDouble(), 'f', 2);
    case Kind::Bps:
        return QLocale().toString(value.toDouble(), 'f', 1);
    case Kind::Date:
        return value.toDate().toString(Qt::ISODate);
    case Kind::Text:
        break;
    }
    return value;
}

QVariant ResultTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section < int(m_columns.size()))
        return m_columns[std::size_t(section)].title;
    return QAbstractTableModel::headerData(section, orientation, role);
}

QString ResultTableModel::toCsv() const
{
    auto escape = [](QString text) {
        if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"'))) {
            text.replace(QLatin1String("\""), QLatin1String("\"\""));
            text = QLatin1Char('"') + text + QLatin1Char('"');
        }
        return text;
    };
    QStringList lines;
    QStringList header;
    for (const Column &c : m_columns)
        header << escape(c.title);
    lines << header.join(QLatin1Char(','));
    for (const auto &row : m_rows) {
        QStringList fields;
        for (std::size_t c = 0; c < m_columns.size(); ++c) {
            const QVariant &v = row[c];
            if (v.isNull())
                fields << QString();
            else if (m_columns[c].kind == Kind::Date)
                fields << v.toDate().toString(Qt::ISODate);
            else if (m_columns[c].kind == Kind::Text)
                fields << escape(v.toString());
            else
                fields << QString::number(v.toDouble(), 'g', QLocale::FloatingPointShortest);
        }
        lines << fields.join(QLatin1Char(','));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

namespace {
QVariant optionalNumber(const std::optional<double> &v)
{
    return v && !std::isnan(*v) ? QVariant(*v) : QVariant();
}
} // namespace

void fillReturnsTable(ResultTableModel &model, const PairData &pair, const QDate &from,
                      const QDate &to)
{
    using K = ResultTableModel::Kind;
    model.setColumns({{QStringLiteral("Series"), K::Text},
                      {QStringLiteral("Range"), K::Percent},
                      {QStringLiteral("YTD"), K::Percent},
                      {QStringLiteral("1 year"), K::Percent}});
    const QDate base = pair.baseDay(from);
    const QDate ytdBase(to.year() - 1, 12, 31);
    const QDate yearBase = to.addYears(-1);
    std::vector<std::vector<QVariant>> rows;
    for (const SymbolSeries *s : {&pair.seriesA(), &pair.seriesB()}) {
        auto pct = [&](const QDate &start) -> QVariant {
            const auto r = returnBetween(s->series, start, to);
            return r ? QVariant(r->percent) : QVariant();
        };
        rows.push_back({s->symbol + QStringLiteral(" %"), pct(base), pct(ytdBase), pct(yearBase)});
    }
    for (const SymbolSeries &rate : pair.rates()) {
        if (rate.series.empty() || to > rate.series.back().date.addDays(4))
            continue; // no change from a stale last value
        rows.push_back({rate.symbol + QStringLiteral(" bp"),
                        optionalNumber(rateChangeBps(rate.series, base, to)),
                        optionalNumber(rateChangeBps(rate.series, ytdBase, to)),
                        optionalNumber(rateChangeBps(rate.series, yearBase, to))});
    }
    model.setRows(std::move(rows));
}

void fillMovesTable(ResultTableModel &model, const PairData &pair, const QDate &from,
                    const QDate &to, int top, bool bySpread)
{
    using K = ResultTableModel::Kind;
    const QString rate = pair.rateSymbol();
    model.setColumns(
        {{QStringLiteral("Date"), K::Date},
         {pair.symbolA() + QStringLiteral(" %"), K::Percent},
         {pair.symbolB() + QStringLiteral(" %"), K::Percent},
         {QStringLiteral("A - B pp"), K::Percent},
         {rate.isEmpty() ? QStringLiteral("rate bp") : rate + QStringLiteral(" bp"), K::Bps},
         {QStringLiteral("Widest spread since"), K::Date}});
    const QDate start = std::max(from, pair.dates()[1]);
    const QDate end = std::min(to, pair.last());
    if (end < start) return;
    const auto rows = largestMoves(pair.seriesA(), pair.seriesB(), pair.rate(), start, end, top,
                                   bySpread ? MoveRanking::BySpread : MoveRanking::ByA);
    std::vector<std::vector<QVariant>> out;
    out.reserve(rows.size());
    for (const MoveRow &r : rows)
        out.push_back({r.date, r.aPercent, r.bPercent, r.spreadPoints, optionalNumber(r.rateBps),
                       r.widestSpreadSince ? QVariant(*r.widestSpreadSince) : QVariant()});
    model.setRows(std::move(out));
}

void preparePeriodsTable(ResultTableModel &model, const PairData &pair)
{
    using K = ResultTableModel::Kind;
    const QString rate = pair.rateSymbol();
    model.setColumns(
        {{QStringLiteral("Start"), K::Date},
         {QStringLiteral("End"), K::Date},
         {pair.symbolA() + QStringLiteral(" %"), K::Percent},
         {pair.symbolB() + QStringLiteral(" %"), K::Percent},
         {QStringLiteral("A - B pp"), K::Percent},
         {rate.isEmpty() ? QStringLiteral("rate bp") : rate + QStringLiteral(" bp"), K::Bps}});
}

void appendPeriodRow(ResultTableModel &model, const PairData &pair, const QDate &from,
                     const QDate &to)
{
    // The same numbers as `indexlens periods`.
    const auto rows = computePeriods(pair.seriesA(), pair.seriesB(), pair.rate(), {{from, to}});
    const PeriodRow &r = rows.front();
    model.appendRow(
        {r.start, r.end, r.aPercent, r.bPercent, r.diffPoints, optionalNumber(r.rateBps)});
}

} // namespace indexlens
