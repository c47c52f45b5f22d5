// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chart/ChartMarks.h"
#include "chart/PairData.h"

#include <QObject>

namespace indexlens {

class ChartView;
class Crosshair;
class PairSession;

// One chart of the pair view with what the user does on it beyond navigating the range (which
// navigateSession wires, as for every chart): the crosshair read-out and the "Rebase here" menu. It
// reads the session and emits intentions (as PlotJuggler's PlotWidgetBase funnels its zoomer and
// panner), so the window wires each chart once.
class ChartPanel : public QObject {
    Q_OBJECT
public:
    ChartPanel(ChartKind kind, PairSession &session, QObject *parent = nullptr);

    ChartKind kind() const { return m_kind; }
    ChartView *view() const { return m_view; }
    Crosshair *crosshair() const { return m_crosshair; }
    // Draws the session's state: content, log scale, the marks (computed once for the four
    // charts), and the crosshair's read-out.
    void draw(const ChartMarks &marks);
    // What the crosshair says at `date`.
    QString describe(const QDate &date) const;

Q_SIGNALS:
    void rebaseRequested(const QDate &date);
    void rebaseResetRequested();
    void addRangeToPeriodsRequested();
    void copyRequested(ChartKind kind);
    void exportRequested(ChartKind kind);
    // The mouse entered or pressed this chart (Copy chart takes the last one).
    void activated(ChartKind kind);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showContextMenu(const QPoint &pos);

    ChartKind m_kind;
    const PairSession &m_session;
    ChartView *m_view;
    Crosshair *m_crosshair;
};

} // namespace indexlens
