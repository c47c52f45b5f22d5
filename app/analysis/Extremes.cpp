// SPDX-License-Identifier: GPL-3.0-or-later
#include "Extremes.h"

#include <algorithm>

namespace indexlens {

QString marketStateName(MarketState state)
{
    switch (state) {
    case MarketState::Bull:
        return QStringLiteral("bull");
    case MarketState::Bear:
        return QStringLiteral("bear");
    case MarketState::None:
        break;
    }
    return {};
}

namespace {

// The walk of the 20 % rule: the state, the running high (of a bull, or before any state) and
// the running low (of a bear, or before any state).
class StateWalk {
public:
    explicit StateWalk(double threshold) : m_down(1 - threshold), m_up(1 + threshold) {}

    void step(const DatedValue &close)
    {
        if (m_state != MarketState::Bear && close.value <= m_high.value * m_down) {
            startBear(close);
            return;
        }
        if (m_state != MarketState::Bull && close.value >= m_low.value * m_up) {
            startBull(close);
            return;
        }
        if (!m_high.date.isValid() || close.value > m_high.value) m_high = close;
        if (!m_low.date.isValid() || close.value < m_low.value) m_low = close;
    }
    void begin(const DatedValue &close) { m_high = m_low = close; }
    MarketState state() const { return m_state; }
    QDate since() const { return m_since; }

private:
    void startBear(const DatedValue &close)
    {
        m_state = MarketState::Bear;
        m_since = close.date;
        m_low = m_high = close; // the bear's low starts here; its high is not used
    }
    void startBull(const DatedValue &close)
    {
        m_state = MarketState::Bull;
        m_since = m_low.date; // dated from the lowest close since the bear began
        m_high = m_low = close;
    }

    double m_down;
    double m_up;
    MarketState m_state = MarketState::None;
    QDate m_since;
    DatedValue m_high;
    DatedValue m_low;
};

} // namespace

std::optional<Extremes> extremesOf(const Series &closes, const QDate &from, const QDate &to,
                                   double threshold)
{
    const auto first =
        std::lower_bound(closes.begin(), closes.end(), from,
                         [](const DatedValue &v, const QDate &d) { return v.date < d; });
    const auto end = std::upper_bound(
        first, closes.end(), to, [](const QDate &d, const DatedValue &v) { return d < v.date; });
    if (first == end) return std::nullopt;
    Extremes e;
    e.high = e.low = *first;
    StateWalk walk(threshold);
    walk.begin(*first);
    for (auto it = first; it != end; ++it) {
        if (it->value > e.high.value) e.high = *it;
        if (it->value < e.low.value) e.low = *it;
        if (it != first) walk.step(*it);
    }
    e.last = *(end - 1);
    e.fromHighPct = (e.last.value / e.high.value - 1) * 100;
    e.fromLowPct = (e.last.value / e.low.value - 1) * 100;
    e.state = walk.state();
    e.stateSince = walk.since();
    return e;
}

} // namespace indexlens
