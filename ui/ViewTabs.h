// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chart/PairData.h"
#include "document/Figure.h"
#include "RotationPanel.h"

#include <QTabWidget>

#include <optional>

namespace indexlens {

class ChartExports;
class ChartView;
class CompareSession;
class ComparePanel;
class PairSession;
class SeasonalityPanel;
class SensitivityPanel;

// The tabs over the range controls' range: the pair view, compare, rate sensitivity, rotation
// and seasonality. Each tab's charts navigate the pair's range, and copy and export as the tab
// shows them.
class ViewTabs : public QTabWidget {
    Q_OBJECT
public:
    enum Tab { Pair, Compare, Sensitivity, Rotation, Seasonality };

    ViewTabs(QWidget *pairView, PairSession &session, CompareSession &compare,
             ChartExports &exports, RotationPanel::Loader rotation, QWidget *parent = nullptr);

    ComparePanel *compare() const { return m_compare; }
    SensitivityPanel *sensitivity() const { return m_sensitivity; }
    RotationPanel *rotation() const { return m_rotation; }
    SeasonalityPanel *seasonality() const { return m_seasonality; }
    // The kind of the view in the tab shown (a study's view figure), and the tab of a kind.
    FigureKind viewKind() const;
    void showViewKind(FigureKind kind);
    // Each tab draws when it is the one shown.
    void draw();
    void setDarkTheme(bool dark);
    // File > Export charts: the charts of the tab in view, `first` chosen in the dialog.
    void exportCharts(std::optional<ChartKind> first);
    // The pair view's rate sensitivity chart copies and exports as its tab's does.
    void copySensitivity();
    void exportSensitivity();

Q_SIGNALS:
    void status(const QString &text, int timeoutMs);
    void failed(const QString &message);

private:
    void addTabs(QWidget *pairView);
    void exportTab(Tab tab, std::optional<ChartKind> first);
    void wire(PairSession *session);

    ChartExports &m_exports;
    ComparePanel *m_compare;
    SensitivityPanel *m_sensitivity;
    RotationPanel *m_rotation;
    SeasonalityPanel *m_seasonality;
};

} // namespace indexlens
