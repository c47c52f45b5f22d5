// SPDX-License-Identifier: GPL-3.0-or-later
#include "SeasonalityPanel.h"

#include "chart/SeasonalityChart.h"
#include "ChartMenu.h"
#include "charts/ChartView.h"
#include "models/ResultTableModel.h"
#include "ResultTableView.h"
#include "session/PairSession.h"
#include "tables/SeasonalityTable.h"

#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

namespace indexlens {

SeasonalityPanel::SeasonalityPanel(const PairSession &session, QWidget *parent)
    : QWidget(parent), m_session(session), m_view(new ChartView),
      m_heatModel(new ResultTableModel(this)), m_monthModel(new ResultTableModel(this)),
      m_leftOut(new QLabel)
{
    m_view->setObjectName(QStringLiteral("seasonalityChart"));
    m_view->setMinimumHeight(220);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu menu;
        addCopyExportEntries(
            menu, this, [this] { Q_EMIT copyRequested(ChartKind::Seasonality); },
            [this] { Q_EMIT exportRequested(ChartKind::Seasonality); });
        menu.exec(m_view->mapToGlobal(pos));
    });
    m_heatModel->setHeat(5.0); // full colour at a 5 pp month
    m_heat = new ResultTableView(m_heatModel, QStringLiteral("seasonalityHeatMap"));
    m_heat->setAccessibleName(QStringLiteral("Seasonality heat map: A - B by year and month, pp"));
    m_months = new ResultTableView(m_monthModel, QStringLiteral("seasonalityMonths"));
    for (ResultTableView *table : {m_heat, m_months})
        connect(table, &ResultTableView::copied, this,
                [this] { Q_EMIT status(QStringLiteral("Seasonality table copied as CSV"), 3000); });
    m_leftOut->setObjectName(QStringLiteral("seasonalityLeftOut"));
    m_leftOut->setWordWrap(true);
    auto *tables = new QSplitter(Qt::Horizontal);
    tables->setChildrenCollapsible(false);
    tables->addWidget(m_heat);
    tables->addWidget(m_months);
    tables->setSizes({900, 500});
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_view);
    splitter->addWidget(tables);
    splitter->setSizes({450, 450});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_leftOut);
}

void SeasonalityPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    QMetaObject::invokeMethod(this, &SeasonalityPanel::draw, Qt::QueuedConnection);
}

void SeasonalityPanel::draw()
{
    const PairData *pair = m_session.pair();
    if (!isVisible() || !pair) return;
    const QDate from = m_session.from(), to = m_session.to();
    const Seasonality s = seasonalityOf(pair->commonA().series, pair->commonB().series, from, to);
    m_view->setContent(seasonalityChart(s, pair->symbolA(), pair->symbolB()), from, to);
    m_heatModel->setTable(seasonalityMatrixTable(s));
    m_monthModel->setTable(seasonalityTable(s, pair->symbolA(), pair->symbolB()));
    m_leftOut->setText(s.leftOut.isEmpty()
                           ? QString()
                           : QStringLiteral("Left out: ") + s.leftOut.join(QStringLiteral("; ")));
}

QString SeasonalityPanel::leftOut() const
{
    return m_leftOut->text();
}

ChartExports::ViewChart SeasonalityPanel::viewChart() const
{
    const PairData *pair = m_session.pair();
    const QString a = pair ? pair->symbolA() : QString(), b = pair ? pair->symbolB() : QString();
    return {ChartKind::Seasonality, QStringLiteral("%1-%2-seasonality").arg(a, b), {}};
}

} // namespace indexlens
