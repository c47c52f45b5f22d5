// SPDX-License-Identifier: GPL-3.0-or-later
#include "ViewTabs.h"

#include "ChartExports.h"
#include "charts/ChartView.h"
#include "ComparePanel.h"
#include "SeasonalityPanel.h"
#include "SensitivityPanel.h"
#include "session/PairSession.h"
#include "SessionNavigation.h"

#include <algorithm>
#include <array>

namespace indexlens {

ViewTabs::ViewTabs(QWidget *pairView, PairSession &session, CompareSession &compare,
                   ChartExports &exports, RotationPanel::Loader rotation, QWidget *parent)
    : QTabWidget(parent), m_exports(exports), m_compare(new ComparePanel(session, compare)),
      m_sensitivity(new SensitivityPanel(session)),
      m_rotation(new RotationPanel(session, compare, std::move(rotation))),
      m_seasonality(new SeasonalityPanel(session))
{
    setObjectName(QStringLiteral("views"));
    addTabs(pairView);
    wire(&session);
}

void ViewTabs::addTabs(QWidget *pairView)
{
    addTab(pairView, QStringLiteral("Pair"));
    addTab(m_compare, QStringLiteral("Compare"));
    addTab(m_sensitivity, QStringLiteral("Rate sensitivity"));
    addTab(m_rotation, QStringLiteral("Rotation"));
    addTab(m_seasonality, QStringLiteral("Seasonality"));
    setTabToolTip(Pair, QStringLiteral("A against B: ratio, rebased, relative, spread"));
    setTabToolTip(Compare, QStringLiteral("Two to eight series rebased to 100"));
    setTabToolTip(Sensitivity,
                  QStringLiteral("Rolling correlation and beta of A/B against the rate"));
    setTabToolTip(Rotation, QStringLiteral("The compare list's relative rotation graph against "
                                           "a benchmark"));
    setTabToolTip(Seasonality, QStringLiteral("A against B month by month over the years"));
}

void ViewTabs::wire(PairSession *s)
{
    // The other views' charts navigate the same range as the pair view's.
    navigateSession(m_compare->view(), s);
    navigateSession(m_sensitivity->view(), s);
    connect(this, &QTabWidget::currentChanged, this, &ViewTabs::draw);
    connect(m_compare, &ComparePanel::rebaseRequested, s, &PairSession::rebaseAt);
    connect(m_compare, &ComparePanel::rebaseResetRequested, s, &PairSession::clearRebase);
    connect(m_sensitivity, &SensitivityPanel::windowChosen, s, &PairSession::setSensitivityWindow);
    connect(m_compare, &ComparePanel::copyRequested, this,
            [this](ChartKind kind) { m_exports.copyView(m_compare->viewChart(kind)); });
    connect(m_sensitivity, &SensitivityPanel::copyRequested, this,
            [this](ChartKind kind) { m_exports.copyView(m_sensitivity->viewChart(kind)); });
    connect(m_rotation, &RotationPanel::copyRequested, this,
            [this] { m_exports.copyView(m_rotation->viewChart()); });
    connect(m_seasonality, &SeasonalityPanel::copyRequested, this,
            [this] { m_exports.copyView(m_seasonality->viewChart()); });
    // A chart's own Export exports its tab's charts, that one chosen.
    connect(m_compare, &ComparePanel::exportRequested, this,
            [this](ChartKind kind) { exportTab(Compare, kind); });
    connect(m_sensitivity, &SensitivityPanel::exportRequested, this,
            [this](ChartKind kind) { exportTab(Sensitivity, kind); });
    connect(m_rotation, &RotationPanel::exportRequested, this,
            [this] { exportTab(Rotation, std::nullopt); });
    connect(m_seasonality, &SeasonalityPanel::exportRequested, this,
            [this] { exportTab(Seasonality, std::nullopt); });
    connect(m_compare, &ComparePanel::status, this, &ViewTabs::status);
    connect(m_rotation, &RotationPanel::status, this, &ViewTabs::status);
    connect(m_seasonality, &SeasonalityPanel::status, this, &ViewTabs::status);
    connect(m_compare, &ComparePanel::failed, this, &ViewTabs::failed);
}

namespace {
// In the tabs' order.
constexpr std::array<FigureKind, 5> kTabKinds{FigureKind::Pair, FigureKind::Compare,
                                              FigureKind::Sensitivity, FigureKind::Rotation,
                                              FigureKind::Seasonality};
} // namespace

FigureKind ViewTabs::viewKind() const
{
    return kTabKinds[std::size_t(currentIndex())];
}

void ViewTabs::showViewKind(FigureKind kind)
{
    const auto *it = std::find(kTabKinds.begin(), kTabKinds.end(), kind);
    setCurrentIndex(it == kTabKinds.end() ? 0 : int(it - kTabKinds.begin()));
}

void ViewTabs::draw()
{
    m_compare->draw();
    m_sensitivity->draw();
    m_rotation->draw();
    m_seasonality->draw();
}

void ViewTabs::setDarkTheme(bool dark)
{
    for (ChartView *view :
         {m_compare->view(), m_compare->barsView(), m_sensitivity->view(),
          m_sensitivity->scatterView(), m_rotation->view(), m_seasonality->view()})
        view->setDarkTheme(dark);
}

void ViewTabs::exportCharts(std::optional<ChartKind> first)
{
    // File > Export charts exports the charts of the tab in view (issue #24, 9).
    exportTab(Tab(currentIndex()), first);
}

void ViewTabs::exportTab(Tab tab, std::optional<ChartKind> first)
{
    switch (tab) {
    case Compare:
        m_exports.exportViewWithDialog({m_compare->viewChart(ChartKind::Compare),
                                        m_compare->viewChart(ChartKind::ReturnsBars)},
                                       first.value_or(ChartKind::Compare));
        return;
    case Sensitivity:
        m_exports.exportViewWithDialog({m_sensitivity->viewChart(ChartKind::Sensitivity),
                                        m_sensitivity->viewChart(ChartKind::Scatter)},
                                       first.value_or(ChartKind::Sensitivity));
        return;
    case Rotation:
        m_exports.exportViewWithDialog({m_rotation->viewChart()}, ChartKind::Rotation);
        return;
    case Seasonality:
        m_exports.exportViewWithDialog({m_seasonality->viewChart()}, ChartKind::Seasonality);
        return;
    default:
        m_exports.exportWithDialog(first);
    }
}

void ViewTabs::copySensitivity()
{
    m_exports.copyView(m_sensitivity->viewChart(ChartKind::Sensitivity));
}

void ViewTabs::exportSensitivity()
{
    m_exports.exportViewWithDialog({m_sensitivity->viewChart(ChartKind::Sensitivity)},
                                   ChartKind::Sensitivity);
}

} // namespace indexlens
