// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChartPanel.h"

#include "ChartMenu.h"

#include "charts/ChartView.h"
#include "charts/Crosshair.h"
#include "session/PairSession.h"
#include "SessionNavigation.h"

#include <QMenu>

#include <cmath>

namespace indexlens {

ChartPanel::ChartPanel(ChartKind kind, PairSession &session, QObject *parent)
    : QObject(parent), m_kind(kind), m_session(session), m_view(new ChartView)
{
    m_view->setObjectName(QStringLiteral("chart%1").arg(int(kind)));
    // Before this panel's own filter: the filter installed last sees a press first, and the range
    // selector keeps the press it starts a drag with (Copy chart would miss the click).
    navigateSession(m_view, &session);
    m_crosshair = new Crosshair(m_view, [this](const QDate &date) { return describe(date); });
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &ChartPanel::showContextMenu);
    m_view->viewport()->installEventFilter(this);
}

bool ChartPanel::eventFilter(QObject *, QEvent *event)
{
    // The chart the mouse is on or last pressed is the one Copy chart copies.
    if (event->type() == QEvent::Enter || event->type() == QEvent::MouseButtonPress)
        Q_EMIT activated(m_kind);
    return false;
}

void ChartPanel::draw(const ChartMarks &marks)
{
    const PairData *pair = m_session.pair();
    if (!pair) return;
    // The rate sensitivity chart shows when the session says so and there is a rate to measure;
    // the drawdown chart when the session says so.
    const bool shown = m_kind == ChartKind::Sensitivity
                           ? m_session.sensitivityChart() && pair->rate()
                       : m_kind == ChartKind::Drawdown ? m_session.drawdownChart()
                                                       : true;
    m_view->setVisible(shown);
    if (!shown) return;
    const QDate from = m_session.from(), to = m_session.to();
    // Decimated to the plot's width: about two points per pixel (see bench_window).
    const double plotWidth = m_view->plotArea().width();
    const int width = std::max(200, plotWidth > 0 ? int(plotWidth) : m_view->width() - 120);
    m_view->setLogScale(m_session.logScale());
    m_view->setContent(m_kind == ChartKind::Sensitivity
                           ? pair->sensitivityChart(from, to, width, m_session.sensitivityWindow())
                           : pair->chart(m_kind, from, to, width, m_session.rebase()),
                       from, to);
    m_view->setMarks(marks);
    m_crosshair->refresh();
}

QString ChartPanel::describe(const QDate &date) const
{
    const PairData *pair = m_session.pair();
    if (!pair) return {};
    const PairData::Reading r =
        m_kind == ChartKind::Sensitivity
            ? pair->sensitivityAt(date, m_session.sensitivityWindow())
            : pair->readingAt(m_kind, date, m_session.from(), m_session.rebase());
    if (!r.day.isValid()) return {};
    QStringList lines{r.day.toString(Qt::ISODate)};
    for (const auto &[name, value] : r.values) {
        if (std::isnan(value)) continue;
        const QString &series = name; // a structured binding cannot be captured in C++17
        const bool rate = std::any_of(pair->rates().begin(), pair->rates().end(),
                                      [&](const SymbolSeries &s) { return s.symbol == series; });
        const int decimals =
            (m_kind == ChartKind::Ratio && !rate) || m_kind == ChartKind::Sensitivity ? 4 : 2;
        lines << QStringLiteral("%1: %2").arg(name, QString::number(value, 'f', decimals));
    }
    return lines.join(QLatin1Char('\n'));
}

void ChartPanel::showContextMenu(const QPoint &pos)
{
    QMenu menu;
    Q_EMIT activated(m_kind);
    if (m_kind == ChartKind::Rebased || m_kind == ChartKind::Relative) {
        // The trading day the rebase will use, not the calendar day under the mouse (a Saturday).
        const QDate day = m_session.tradingDayOnOrBefore(m_view->dateAt(pos));
        QAction *here =
            menu.addAction(QStringLiteral("Rebase here (%1)").arg(day.toString(Qt::ISODate)), this,
                           [this, day] { Q_EMIT rebaseRequested(day); });
        here->setObjectName(QStringLiteral("rebaseHere"));
        here->setStatusTip(QStringLiteral("Start A and B at 100 (and A - B at 0) on this day"));
        menu.addAction(QStringLiteral("Rebase at the range start"), this,
                       [this] { Q_EMIT rebaseResetRequested(); })
            ->setStatusTip(QStringLiteral("Rebase at the range's first day (its base), as the "
                                          "headline and the tables measure"));
        menu.addSeparator();
    }
    // As the compare chart's menu has it, and the range bar's button (issue #24, 5).
    QAction *addRange = menu.addAction(
        QStringLiteral("Add the range (%1 to %2) to periods")
            .arg(m_session.baseDay().toString(Qt::ISODate), m_session.to().toString(Qt::ISODate)),
        this, [this] { Q_EMIT addRangeToPeriodsRequested(); });
    addRange->setObjectName(QStringLiteral("addRangeToPeriods"));
    addRange->setStatusTip(QStringLiteral("A row of the periods table for the range in force"));
    menu.addSeparator();
    addCopyExportEntries(
        menu, this, [this] { Q_EMIT copyRequested(m_kind); },
        [this] { Q_EMIT exportRequested(m_kind); });
    menu.exec(m_view->mapToGlobal(pos));
}

} // namespace indexlens
