// SPDX-License-Identifier: GPL-3.0-or-later
#include "PairSession.h"

#include "analysis/Measure.h"
#include "core/UserError.h"
#include "document/FigureMarks.h"

#include <algorithm>
#include <cmath>

namespace indexlens {

PairSession::PairSession(Loader loader, QObject *parent)
    : QObject(parent), m_loader(std::move(loader))
{
}

PairSession::~PairSession() = default;

void PairSession::pick(const PairPick &pick)
{
    load(pick);
}

void PairSession::swap()
{
    PairPick swapped = m_pick;
    std::swap(swapped.a, swapped.b);
    load(swapped);
}

void PairSession::setRates(const QStringList &rates)
{
    PairPick p = m_pick;
    p.rates = rates;
    load(p);
}

void PairSession::setBasis(ReturnBasis basis)
{
    PairPick p = m_pick;
    p.basis = basis;
    load(p);
}

void PairSession::reload()
{
    forgetReadPairs(); // the cache changed: read again
    load(m_pick);
}

PairData PairSession::read(const PairPick &pick)
{
    for (const auto &[key, data] : m_loaded)
        if (key == pick) return *data;
    auto data = std::make_shared<const PairData>(m_loader(pick)); // throws: nothing kept
    m_loaded.emplace_back(pick, data);
    if (m_loaded.size() > kKeptPairs) m_loaded.erase(m_loaded.begin());
    return *data;
}

void PairSession::load(const PairPick &pick)
{
    auto pair = std::make_unique<PairData>(read(pick)); // throws: nothing changed yet
    // The same two series, either way round (Swap keeps the Back history and the rebase day).
    const bool samePair =
        m_pair && ((pair->symbolA() == m_pair->symbolA() && pair->symbolB() == m_pair->symbolB()) ||
                   (pair->symbolA() == m_pair->symbolB() && pair->symbolB() == m_pair->symbolA()));
    m_pair = std::move(pair);
    m_pick = pick;
    // The cache's spelling ("iwm" typed, IWM stored).
    m_pick.a = m_pair->symbolA();
    m_pick.b = m_pair->symbolB();
    m_pick.rates.clear();
    for (const SymbolSeries &rate : m_pair->rates())
        m_pick.rates << rate.symbol;
    if (!samePair) {
        m_history.clear();
        m_rebase.reset();
    }
    QSignalBlocker quiet(this); // one pairChanged, not a rangeChanged before it
    showRangeFor(m_preset, m_from, m_to);
    if (m_rebase && (*m_rebase < m_pair->baseDay(m_from) || *m_rebase > m_to)) m_rebase.reset();
    quiet.unblock();
    Q_EMIT pairChanged();
}

void PairSession::showRangeFor(const QString &preset, const QDate &from, const QDate &to)
{
    if (!preset.isEmpty())
        applyPreset(preset); // "YTD" of the new pair, or of the data after an update
    else if (from.isValid() && from >= m_pair->first() && to <= m_pair->last() &&
             setRange(from, to, false))
        return;
    else
        applyPreset(QStringLiteral("1Y"));
}

void PairSession::applyPreset(const QString &presetName)
{
    // A copy: `presetName` may be m_preset itself, which setRange() clears (that aliasing lost
    // the preset at every restart before issue #11).
    const QString preset = presetName; // NOLINT(performance-unnecessary-copy-initialization)
    if (!m_pair || !rangePresets().contains(preset)) return;
    const QDate last = m_pair->last();
    // 1Y: from the last trading day on or before the same date a year earlier; YTD: from the last
    // trading day of the previous year (setRange snaps to them).
    const QDate from = preset == QLatin1String("Max") ? m_pair->first() : presetStart(preset, last);
    QSignalBlocker quiet(this);
    if (!setRange(from, last)) setRange(m_pair->first(), last); // a pair shorter than the preset
    quiet.unblock();
    m_preset = preset; // after setRange, which clears it
    Q_EMIT rangeChanged();
}

QDate PairSession::tradingDayOnOrBefore(const QDate &date) const
{
    if (!m_pair) return {};
    const auto &dates = m_pair->dates();
    const auto it = std::upper_bound(dates.begin(), dates.end(), date);
    return it == dates.begin() ? dates.front() : *(it - 1);
}

bool PairSession::setRange(const QDate &from, const QDate &to, bool remember)
{
    if (!m_pair || !from.isValid() || !to.isValid()) return false;
    const QDate f = tradingDayOnOrBefore(std::max(from, m_pair->first()));
    const QDate t = tradingDayOnOrBefore(std::min(to, m_pair->last()));
    if (t <= f) return false;
    m_preset.clear(); // a preset sets it again after this
    if (f == m_from && t == m_to) {
        Q_EMIT rangeChanged(); // the preset may have changed
        return true;
    }
    if (remember && m_from.isValid()) m_history.emplace_back(m_from, m_to);
    m_from = f;
    m_to = t;
    // A "Rebase here" day outside the new range would start the lines off the chart: the range
    // start takes over again. Inside the range it stays, so zooming keeps the user's anchor.
    if (m_rebase && (*m_rebase < m_pair->baseDay(f) || *m_rebase > t)) m_rebase.reset();
    Q_EMIT rangeChanged();
    return true;
}

QString PairSession::setTypedRange(const QDate &from, const QDate &to)
{
    if (!m_pair) return QStringLiteral("no pair is shown");
    const auto iso = [](const QDate &d) { return d.toString(Qt::ISODate); };
    const QString stays = QStringLiteral("the range stays %1 to %2").arg(iso(m_from), iso(m_to));
    if (from > to)
        return QStringLiteral("From %1 is after To %2: %3").arg(iso(from), iso(to), stays);
    QStringList notes;
    const QString names = QStringLiteral("%1 and %2").arg(m_pair->symbolA(), m_pair->symbolB());
    if (from < m_pair->first())
        notes << QStringLiteral("From %1 is before the common data of %2 begin (%3): the range "
                                "starts there")
                     .arg(iso(from), names, iso(m_pair->first()));
    if (to > m_pair->last())
        notes << QStringLiteral("To %1 is after the common data of %2 end (%3): the range ends "
                                "there")
                     .arg(iso(to), names, iso(m_pair->last()));
    if (!setRange(from, to))
        return QStringLiteral("%1 to %2 holds fewer than two common trading days of %3: %4")
            .arg(iso(from), iso(to), names, stays);
    return notes.join(QStringLiteral("; "));
}

bool PairSession::zoom(const QDate &center, double factor, bool continuing)
{
    if (!m_pair || factor <= 0) return false;
    const qint64 span = m_from.daysTo(m_to);
    if (span < 10 && factor < 1) return false; // two weeks is as close as it goes
    const qint64 left = std::max<qint64>(2, qint64(double(m_from.daysTo(center)) * factor));
    const qint64 right = std::max<qint64>(2, qint64(double(center.daysTo(m_to)) * factor));
    const QDate from = center.addDays(-left), to = center.addDays(right);
    return continuing ? continueRange(from, to) : setRange(from, to);
}

bool PairSession::continueRange(const QDate &from, const QDate &to)
{
    m_continuing = true;
    const bool moved = setRange(from, to, false);
    m_continuing = false;
    return moved;
}

bool PairSession::pan(int tradingDays)
{
    if (!m_pair) return false;
    const auto &dates = m_pair->dates();
    const auto index = [&](const QDate &d) {
        return std::lower_bound(dates.begin(), dates.end(), d) - dates.begin();
    };
    const std::ptrdiff_t i = index(m_from), j = index(m_to),
                         last = std::ptrdiff_t(dates.size()) - 1;
    const std::ptrdiff_t shift = std::clamp<std::ptrdiff_t>(tradingDays, -i, last - j);
    if (shift == 0) return false;
    return setRange(dates[std::size_t(i + shift)], dates[std::size_t(j + shift)]);
}

bool PairSession::panStep(int direction)
{
    if (!m_pair || direction == 0) return false;
    const auto &dates = m_pair->dates();
    const auto i = std::lower_bound(dates.begin(), dates.end(), m_from) - dates.begin();
    const auto j = std::lower_bound(dates.begin(), dates.end(), m_to) - dates.begin();
    const int step = std::max(1, int((j - i) / 10));
    return pan(direction < 0 ? -step : step);
}

bool PairSession::zoomStep(int direction)
{
    if (direction == 0) return false;
    // Out again after in: the range it came from, exactly (days rounded and snapped to trading
    // days would drift: issue #24, 5b).
    if (direction < 0 && !m_zoomTrail.empty() &&
        m_zoomTrail.back().second == std::pair{m_from, m_to}) {
        const auto [from, to] = m_zoomTrail.back().first;
        m_zoomTrail.pop_back();
        return setRange(from, to);
    }
    const std::pair<QDate, QDate> before{m_from, m_to};
    const QDate center = m_from.addDays(m_from.daysTo(m_to) / 2);
    const bool moved = zoom(center, direction > 0 ? 0.8 : 1.25);
    if (moved && direction > 0) m_zoomTrail.emplace_back(before, std::pair{m_from, m_to});
    return moved;
}

bool PairSession::back()
{
    if (m_history.empty()) return false;
    const auto [from, to] = m_history.back();
    m_history.pop_back();
    return setRange(from, to, false);
}

bool PairSession::rebaseAt(const QDate &date)
{
    if (!m_pair) return false;
    const QDate day = tradingDayOnOrBefore(date);
    if (day < m_pair->baseDay(m_from) || day > m_to) return false;
    m_rebase = day;
    Q_EMIT rangeChanged();
    return true;
}

void PairSession::clearRebase()
{
    if (!m_rebase) return;
    m_rebase.reset();
    Q_EMIT rangeChanged();
}

QDate PairSession::baseDay() const
{
    return m_pair ? m_pair->baseDay(m_from, m_rebase) : QDate();
}

QString PairSession::pairKeyOf(const QString &a, const QString &b)
{
    // Swap keeps the list: the same two series, the other way round.
    QStringList both{a.toUpper(), b.toUpper()};
    both.sort();
    return both.join(QLatin1Char('|'));
}

QString PairSession::pairKey() const
{
    return pairKeyOf(m_pick.a, m_pick.b);
}

const std::vector<Period> &PairSession::periods() const
{
    static const std::vector<Period> none;
    const auto it = m_periods.find(pairKey());
    return it == m_periods.end() ? none : it->second;
}

void PairSession::addCurrentPeriod()
{
    if (!m_pair) return;
    addPeriod({baseDay(), m_to});
}

void PairSession::addPeriod(const Period &period)
{
    std::vector<Period> &list = m_periods[pairKey()];
    for (const Period &p : list)
        if (p == period)
            throw UserError(
                QStringLiteral("%1 to %2 is already in the periods table")
                    .arg(period.start.toString(Qt::ISODate), period.end.toString(Qt::ISODate)));
    list.push_back(period);
    Q_EMIT periodsChanged();
}

std::vector<RefusedText> PairSession::addTypedPeriods(const QString &text)
{
    // All at once, one change (one Undo step; the helper's trial: three pasted periods took three).
    TypedPeriods typed = parsePeriodList(text);
    std::vector<Period> &list = m_periods[pairKey()];
    const std::size_t before = list.size();
    for (const Period &period : typed.periods) {
        if (std::find(list.begin(), list.end(), period) == list.end())
            list.push_back(period);
        else
            typed.refused.push_back(
                {periodText(period), QStringLiteral("in the periods table already"), false});
    }
    if (list.size() != before) Q_EMIT periodsChanged();
    return typed.refused;
}

void PairSession::removePeriods(std::vector<int> indices)
{
    auto it = m_periods.find(pairKey());
    if (it == m_periods.end()) return;
    std::sort(indices.rbegin(), indices.rend()); // the last first, so the others stay valid
    indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
    bool removed = false;
    for (const int index : indices)
        if (index >= 0 && index < int(it->second.size())) {
            it->second.erase(it->second.begin() + index);
            removed = true;
        }
    if (removed) Q_EMIT periodsChanged(); // one change, one Undo step
}

void PairSession::removePeriod(int index)
{
    auto it = m_periods.find(pairKey());
    if (it == m_periods.end() || index < 0 || index >= int(it->second.size())) return;
    it->second.erase(it->second.begin() + index);
    Q_EMIT periodsChanged();
}

void PairSession::setLogScale(bool on)
{
    if (on == m_log) return;
    m_log = on;
    Q_EMIT optionsChanged();
}

void PairSession::setMoveRanking(MoveRanking ranking)
{
    if (ranking == m_moveRanking) return;
    m_moveRanking = ranking;
    Q_EMIT optionsChanged();
}

void PairSession::setMoveDirection(MoveDirection direction)
{
    if (direction == m_moveDirection) return;
    m_moveDirection = direction;
    Q_EMIT optionsChanged();
}

void PairSession::setPeriodBands(bool on)
{
    if (on == m_periodBands) return;
    m_periodBands = on;
    Q_EMIT optionsChanged();
}

void PairSession::setMarkedMoves(int count)
{
    count = std::clamp(count, 0, kMaxMarkedMoves);
    if (count == m_markedMoves) return;
    m_markedMoves = count;
    Q_EMIT optionsChanged();
}

std::vector<Regime> PairSession::regimes() const
{
    return m_pair ? rateRegimes(*m_pair, baseDay(), m_to) : std::vector<Regime>();
}

void PairSession::setRegimeBands(bool on)
{
    if (on == m_regimeBands) return;
    m_regimeBands = on;
    Q_EMIT optionsChanged();
}

void PairSession::setSensitivityChart(bool on)
{
    if (on == m_sensitivityChart) return;
    m_sensitivityChart = on;
    Q_EMIT optionsChanged();
}

void PairSession::setDrawdownChart(bool on)
{
    if (on == m_drawdownChart) return;
    m_drawdownChart = on;
    Q_EMIT optionsChanged();
}

const std::vector<int> &PairSession::sensitivityWindows()
{
    static const std::vector<int> windows = {20, 60, 120, 250};
    return windows;
}

void PairSession::setSensitivityWindow(int days)
{
    const auto &w = sensitivityWindows();
    if (days == m_sensitivityWindow || std::find(w.begin(), w.end(), days) == w.end()) return;
    m_sensitivityWindow = days;
    Q_EMIT optionsChanged();
}

int PairSession::addRegimesToPeriods()
{
    int added = 0;
    std::vector<Period> &list = m_periods[pairKey()];
    for (const Regime &regime : regimes())
        if (std::find(list.begin(), list.end(), regime.period) == list.end()) {
            list.push_back(regime.period);
            ++added;
        }
    if (added > 0) Q_EMIT periodsChanged(); // one change, one Undo step
    return added;
}

ChartMarks PairSession::marks() const
{
    return m_pair ? figureMarks(*m_pair, figure(), m_from, m_to) : ChartMarks();
}

Figure PairSession::figure() const
{
    Figure f;
    f.a = m_pick.a;
    f.b = m_pick.b;
    f.rates = m_pick.rates;
    f.basis = m_pick.basis;
    // A preset is kept as the preset, so that YTD is year to date again next time.
    if (!m_preset.isEmpty())
        f.range = FigureRange{m_preset, {}, {}};
    else if (m_from.isValid())
        f.range = FigureRange{QString(), m_from, m_to};
    f.rebase = m_rebase;
    f.periods = periods();
    f.logScale = m_log;
    f.periodBands = m_periodBands;
    f.regimeBands = m_regimeBands;
    f.markedMoves = m_markedMoves;
    f.moveRanking = m_moveRanking;
    f.moveDirection = m_moveDirection;
    f.drawdownChart = m_drawdownChart;
    f.sensitivityChart = m_sensitivityChart;
    f.window = m_sensitivityWindow;
    return f;
}

Figure PairSession::optionsOf(const Figure &figure)
{
    Figure options;
    options.logScale = figure.logScale;
    options.moveRanking = figure.moveRanking;
    options.moveDirection = figure.moveDirection;
    options.periodBands = figure.periodBands;
    options.markedMoves = figure.markedMoves;
    options.regimeBands = figure.regimeBands;
    options.drawdownChart = figure.drawdownChart;
    options.sensitivityChart = figure.sensitivityChart;
    options.window = figure.window;
    return options;
}

void PairSession::applyOptions(const Figure &figure)
{
    m_log = figure.logScale;
    m_moveRanking = figure.moveRanking;
    m_moveDirection = figure.moveDirection;
    m_periodBands = figure.periodBands;
    m_markedMoves = std::clamp(figure.markedMoves, 0, kMaxMarkedMoves);
    m_regimeBands = figure.regimeBands;
    m_drawdownChart = figure.drawdownChart;
    m_sensitivityChart = figure.sensitivityChart;
    const auto &windows = sensitivityWindows();
    m_sensitivityWindow = std::find(windows.begin(), windows.end(), figure.window) != windows.end()
                              ? figure.window
                              : 60;
}

std::optional<QString> PairSession::applyFigure(const Figure &figure)
{
    const std::vector<Period> periodsBefore = periods();
    const Figure optionsBefore = optionsOf(this->figure());
    applyOptions(figure);
    const PairPick pick{figure.a, figure.b, figure.rates, figure.basis};
    m_periods[pairKeyOf(pick.a, pick.b)] = figure.periods;
    m_preset = figure.range.preset;
    m_from = figure.range.from;
    m_to = figure.range.to;
    const bool samePick = m_pair && pick.a.compare(m_pick.a, Qt::CaseInsensitive) == 0 &&
                          pick.b.compare(m_pick.b, Qt::CaseInsensitive) == 0 &&
                          pick.rates == m_pick.rates && pick.basis == m_pick.basis;
    if (!samePick) {
        m_pick = pick; // kept when it cannot be loaded, so that a later reload() shows it
        try {
            QSignalBlocker quiet(this);
            load(pick);
        } catch (const std::runtime_error &e) { // UserError, or the cache could not be read
            return QString::fromStdString(e.what());
        }
    }
    {
        QSignalBlocker quiet(this);
        showFigureRange(figure.range);
        if (!figure.rebase || !rebaseAt(*figure.rebase)) m_rebase.reset();
    }
    // One signal per kind of change, so that a window redraws once (a study's figures are
    // switched at a click: issue #23).
    if (!samePick) {
        Q_EMIT pairChanged(); // everything redraws
        return std::nullopt;
    }
    if (periodsBefore != periods()) Q_EMIT periodsChanged();
    if (optionsBefore != optionsOf(figure))
        Q_EMIT optionsChanged();
    else
        Q_EMIT rangeChanged();
    return std::nullopt;
}

void PairSession::showFigureRange(const FigureRange &range)
{
    if (!range.preset.isEmpty()) {
        applyPreset(range.preset);
        return;
    }
    // Fixed dates: clamped to the data (the range rule snaps them), else one year.
    const QDate from = std::max(range.from, m_pair->first());
    const QDate to = std::min(range.to, m_pair->last());
    if (!range.from.isValid() || !setRange(from, to, false)) applyPreset(QStringLiteral("1Y"));
}

} // namespace indexlens
