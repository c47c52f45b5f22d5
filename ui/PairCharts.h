// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chart/ChartMarks.h"
#include "chart/PairData.h"

#include <QObject>

#include <array>

class QAction;
class QScrollArea;
class QWidget;

namespace indexlens {

class ChartPanel;
class ChartView;
class PairSession;
class TablesPanel;

// The pair view's column: the four charts, the drawdown and rate sensitivity charts (shown on
// request) and the tables under them, in a splitter that scrolls when the window is short. It
// wires each chart once: navigation, one crosshair across the stack, rebase and periods.
class PairCharts : public QObject {
    Q_OBJECT
public:
    // `keys`: the keyboard's pan and zoom, acting while the focus is on a chart.
    PairCharts(PairSession &session, const QList<QAction *> &keys, QObject *parent = nullptr);

    QScrollArea *widget() const { return m_scroll; }
    TablesPanel *tables() const { return m_tables; }
    ChartPanel *panel(ChartKind kind) const;
    ChartView *topChart() const;
    // Under the mouse or last clicked: the one Copy chart copies.
    ChartKind activeChart() const { return m_active; }
    // Draws every chart with `marks`; the top chart shown writes the marks' labels.
    void draw(const ChartMarks &marks);
    void setDarkTheme(bool dark);

Q_SIGNALS:
    void copyRequested(ChartKind kind);
    void exportRequested(ChartKind kind);
    void addRangeToPeriodsRequested();

private:
    void wire(ChartPanel *panel);
    void linkCrosshairs();

    PairSession &m_session;
    // The four charts of the pair view, then the drawdown and rate sensitivity charts.
    std::array<ChartPanel *, 6> m_panels{};
    TablesPanel *m_tables = nullptr;
    QScrollArea *m_scroll = nullptr;
    ChartKind m_active = ChartKind::Ratio;
};

} // namespace indexlens
