// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chart/PairData.h"
#include "ChartExports.h"

#include <QWidget>

class QComboBox;

namespace indexlens {

class ChartView;
class PairSession;

// The rate sensitivity of the pair (issue #13), in a tab beside the pair view: the rolling
// correlation and beta of A/B's daily log change against the first rate's daily change, over 20,
// 60 (the default), 120 or 250 days, on the shared range; below it, the range's days as a scatter
// of A - B against the rate's change with the least-squares line. Without a rate it says so.
class SensitivityPanel : public QWidget {
    Q_OBJECT
public:
    explicit SensitivityPanel(const PairSession &session, QWidget *parent = nullptr);

    void draw();
    ChartView *view() const { return m_view; }
    ChartView *scatterView() const { return m_scatter; }
    int window() const; // the session's

    QString error() const { return m_error; }
    // The rolling chart (Sensitivity) or the scatter for the shown range, made for a plot
    // `widthPx` wide (an export draws it at its own size). Throws UserError without a rate.
    ChartContent content(ChartKind kind, int widthPx) const;
    // What Copy chart and Export chart draw of either chart, titled with the pair and the rate.
    ChartExports::ViewChart viewChart(ChartKind kind) const;

Q_SIGNALS:
    void copyRequested(ChartKind kind);
    void exportRequested(ChartKind kind);
    // The user picked another rolling window (the session keeps it).
    void windowChosen(int days);

protected:
    // Drawn when it comes into view: a study may open on this tab before the window shows.
    void showEvent(QShowEvent *event) override;

private:
    const PairSession &m_session;
    QComboBox *m_window;
    ChartView *m_view;
    ChartView *m_scatter; // each day's A - B against the rate's change, with the fitted line
    QString m_error;
};

} // namespace indexlens
