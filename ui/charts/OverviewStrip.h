// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QPolygonF>
#include <QStringList>
#include <QWidget>

namespace indexlens {

// The whole history of the ratio in a thin strip, with the current window shaded. Drag the
// window to pan it; click elsewhere to centre the window there.
class OverviewStrip : public QWidget {
    Q_OBJECT
public:
    explicit OverviewStrip(QWidget *parent = nullptr);

    // `points` in PairData x coordinates (already decimated to the strip's width).
    void setHistory(const std::vector<QPointF> &points, const QDate &first, const QDate &last);
    void setWindow(const QDate &from, const QDate &to);
    QRect windowRect() const;
    // The labels under the line, left to right ("2005", "2010", ...).
    QStringList tickLabels() const;

Q_SIGNALS:
    void windowMoved(const QDate &from, const QDate &to);
    void dragFinished(); // the button was released

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    double xOf(const QDate &date) const;
    QDate dateAt(double x) const;
    void moveWindowBy(int dx);
    std::vector<struct DateTick> ticks() const;
    int labelHeight() const;
    void paintTicks(QPainter &p) const;

    std::vector<QPointF> m_points;
    QDate m_first, m_last, m_from, m_to;
    QDate m_pressFrom, m_pressTo;
    int m_pressX = 0;
    bool m_dragging = false;
};

} // namespace indexlens
