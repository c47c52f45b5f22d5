// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QObject>
#include <QPoint>

class QRubberBand;

namespace indexlens {

class ChartView;

// Drag across a chart to pick a date range (press, move, release); double-click to reset.
class RangeSelector : public QObject {
    Q_OBJECT
public:
    explicit RangeSelector(ChartView *view);

Q_SIGNALS:
    void rangeSelected(const QDate &from, const QDate &to);
    void resetRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    ChartView *m_view;
    QRubberBand *m_band;
    QPoint m_origin;
    bool m_dragging = false;
};

} // namespace indexlens
