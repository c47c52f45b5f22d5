// SPDX-License-Identifier: GPL-3.0-or-later
#include "PairCharts.h"

#include "ChartPanel.h"
#include "charts/ChartView.h"
#include "charts/Crosshair.h"
#include "charts/PlotAlignment.h"
#include "session/PairSession.h"
#include "TablesPanel.h"

#include <QScrollArea>
#include <QSplitter>

namespace indexlens {

namespace {
constexpr int kChartsMinimumWidth = 480;

// Shorter than four readable charts and six table rows (a 1280x720 screen), the column
// scrolls: the charts keep their minimum height instead of being squeezed into garbage.
QScrollArea *makeChartsScroll(QWidget *charts)
{
    auto *scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("chartsScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // The charts' column is never narrower than its content (the tables' 400 px, a chart title
    // on two lines): the window's minimum size follows, instead of cutting the charts' right
    // side off below it (issue #24, 16a: at 594 px the titles ended mid-word).
    scroll->setMinimumWidth(kChartsMinimumWidth);
    scroll->setWidget(charts);
    return scroll;
}
} // namespace

PairCharts::PairCharts(PairSession &session, const QList<QAction *> &keys, QObject *parent)
    : QObject(parent), m_session(session)
{
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->setChildrenCollapsible(false); // a chart never collapses to nothing
    std::vector<ChartKind> kinds = pairChartKinds();
    kinds.push_back(ChartKind::Sensitivity);
    QList<ChartView *> views;
    for (std::size_t i = 0; i < m_panels.size(); ++i) {
        m_panels[i] = new ChartPanel(kinds[i], m_session, this);
        splitter->addWidget(m_panels[i]->view());
        views << m_panels[i]->view();
        wire(m_panels[i]);
    }
    linkCrosshairs();
    new PlotAlignment(views, this); // one date, one x, in all the charts shown
    for (std::size_t i = allChartKinds().size(); i < m_panels.size(); ++i)
        m_panels[i]->view()->hide(); // the drawdown and sensitivity charts, until View asks
    m_tables = new TablesPanel;
    splitter->addWidget(m_tables);
    // The charts take the height; the tables start at their minimum (six rows) and are dragged
    // taller when wanted.
    const int charts = int(m_panels.size());
    for (int i = 0; i < charts; ++i)
        splitter->setStretchFactor(i, 1);
    splitter->setStretchFactor(charts, 0);
    splitter->setSizes({300, 300, 300, 300, 300, 300, m_tables->minimumSizeHint().height()});
    m_scroll = makeChartsScroll(splitter);
    m_scroll->addActions(keys);
}

void PairCharts::wire(ChartPanel *panel)
{
    PairSession *s = &m_session;
    connect(panel, &ChartPanel::rebaseRequested, s, &PairSession::rebaseAt);
    connect(panel, &ChartPanel::rebaseResetRequested, s, &PairSession::clearRebase);
    connect(panel, &ChartPanel::addRangeToPeriodsRequested, this,
            &PairCharts::addRangeToPeriodsRequested);
    connect(panel, &ChartPanel::copyRequested, this, &PairCharts::copyRequested);
    connect(panel, &ChartPanel::exportRequested, this, &PairCharts::exportRequested);
    connect(panel, &ChartPanel::activated, this, [this](ChartKind kind) { m_active = kind; });
}

void PairCharts::linkCrosshairs()
{
    // One crosshair across the stack: the others draw the line at the hovered date.
    for (ChartPanel *panel : m_panels)
        for (ChartPanel *other : m_panels) {
            if (other == panel) continue;
            connect(panel->crosshair(), &Crosshair::hovered, other->crosshair(),
                    &Crosshair::follow);
            connect(panel->crosshair(), &Crosshair::left, other->crosshair(), &Crosshair::release);
        }
}

ChartPanel *PairCharts::panel(ChartKind kind) const
{
    for (ChartPanel *p : m_panels)
        if (p->kind() == kind) return p;
    return nullptr;
}

ChartView *PairCharts::topChart() const
{
    return m_panels.front()->view();
}

void PairCharts::draw(const ChartMarks &marks)
{
    bool top = true; // the top chart of the stack writes the labels
    for (ChartPanel *panel : m_panels) {
        panel->draw(marks);
        panel->view()->setMarkLabels(top && !panel->view()->isHidden());
        top = top && panel->view()->isHidden();
    }
}

void PairCharts::setDarkTheme(bool dark)
{
    for (ChartPanel *panel : m_panels) {
        panel->view()->setDarkTheme(dark);
        panel->crosshair()->refresh(); // its box and line in the new colours
    }
}

} // namespace indexlens
