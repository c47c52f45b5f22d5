// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ChartExports.h"

#include <QWidget>

class QLabel;

namespace indexlens {

class ChartView;
class PairSession;
class ResultTableModel;
class ResultTableView;

// The seasonality view (issue #25, 2): for the pair over the complete months of the shared range,
// the share of years A beat B by month as bars ("7 of 12"), and beside them the heat map of
// years x months with each month's spread A - B (pp), shaded by sign and size, and the month
// table (years, wins, share, mean and median). What was left out (the unfinished month) is said.
class SeasonalityPanel : public QWidget {
    Q_OBJECT
public:
    explicit SeasonalityPanel(const PairSession &session, QWidget *parent = nullptr);

    void draw();
    ChartView *view() const { return m_view; }
    ResultTableView *heatMap() const { return m_heat; }
    ResultTableView *monthTable() const { return m_months; }
    QString leftOut() const;
    ChartExports::ViewChart viewChart() const;

Q_SIGNALS:
    void copyRequested(ChartKind kind);
    void exportRequested(ChartKind kind);
    void status(const QString &text, int timeoutMs);

protected:
    void showEvent(QShowEvent *event) override;

private:
    const PairSession &m_session;
    ChartView *m_view;
    ResultTableModel *m_heatModel;
    ResultTableModel *m_monthModel;
    ResultTableView *m_heat;
    ResultTableView *m_months;
    QLabel *m_leftOut;
};

} // namespace indexlens
