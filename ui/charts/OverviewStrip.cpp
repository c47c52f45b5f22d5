// SPDX-License-Identifier: GPL-3.0-or-later
#include "OverviewStrip.h"

#include "chart/DateTicks.h"
#include "chart/PairData.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

namespace indexlens {

OverviewStrip::OverviewStrip(QWidget *parent) : QWidget(parent)
{
    setFixedHeight(56); // the line, and the years below it
    setCursor(Qt::OpenHandCursor);
    setToolTip(QStringLiteral("Whole history: drag the shaded window to pan, click to centre it"));
}

void OverviewStrip::setHistory(const std::vector<QPointF> &points, const QDate &first,
                               const QDate &last)
{
    m_points = points;
    m_first = first;
    m_last = last;
    update();
}

void OverviewStrip::setWindow(const QDate &from, const QDate &to)
{
    m_from = from;
    m_to = to;
    update();
}

double OverviewStrip::xOf(const QDate &date) const
{
    const qint64 span = std::max<qint64>(1, m_first.daysTo(m_last));
    return 4 + (width() - 8) * double(m_first.daysTo(date)) / double(span);
}

QDate OverviewStrip::dateAt(double x) const
{
    const qint64 span = std::max<qint64>(1, m_first.daysTo(m_last));
    return m_first.addDays(qint64((x - 4) / std::max(1, width() - 8) * double(span)));
}

QRect OverviewStrip::windowRect() const
{
    if (!m_from.isValid()) return {};
    return QRect(QPoint(int(xOf(m_from)), 1), QPoint(int(xOf(m_to)), height() - 2));
}

std::vector<DateTick> OverviewStrip::ticks() const
{
    if (!m_first.isValid()) return {};
    // A label every ~70 px: years over a long history, months or quarters over a short one.
    return calendarTicks(m_first, m_last, std::max(1, (width() - 8) / 70));
}

QStringList OverviewStrip::tickLabels() const
{
    QStringList labels;
    for (const DateTick &tick : ticks())
        labels << tick.label;
    return labels;
}

int OverviewStrip::labelHeight() const
{
    return fontMetrics().height();
}

void OverviewStrip::paintTicks(QPainter &p) const
{
    const int base = height() - labelHeight();
    QColor muted = palette().text().color();
    muted.setAlpha(140);
    p.setPen(QPen(muted, 0));
    for (const DateTick &tick : ticks()) {
        const int x = int(xOf(tick.date));
        p.drawLine(x, base - 3, x, base);
        p.drawText(QRect(x + 2, base, 80, labelHeight()), Qt::AlignLeft | Qt::AlignVCenter,
                   tick.label);
    }
}

void OverviewStrip::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    if (m_points.size() < 2 || !m_first.isValid()) return;
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    p.setFont(small);
    paintTicks(p);
    const int lineHeight = height() - labelHeight() - 4; // the line stays above the labels
    double lo = m_points.front().y(), hi = lo;
    for (const QPointF &pt : m_points) {
        lo = std::min(lo, pt.y());
        hi = std::max(hi, pt.y());
    }
    const double x0 = PairData::toX(m_first), x1 = PairData::toX(m_last);
    QPolygonF line;
    line.reserve(qsizetype(m_points.size()));
    for (const QPointF &pt : m_points)
        line << QPointF(4 + (width() - 8) * (pt.x() - x0) / std::max(1.0, x1 - x0),
                        lineHeight - 3 -
                            (lineHeight - 6) * (pt.y() - lo) / std::max(1e-12, hi - lo));
    p.setPen(QPen(palette().text().color(), 0));
    p.drawPolyline(line);
    const QRect window = windowRect();
    QColor shade = palette().highlight().color();
    shade.setAlpha(70);
    p.fillRect(window, shade);
    p.setPen(QPen(palette().highlight().color(), 1));
    p.drawRect(window);
}

void OverviewStrip::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_from.isValid()) return;
    const int x = int(event->position().x());
    if (!windowRect().adjusted(-3, 0, 3, 0).contains(x, height() / 2)) {
        // Centre the window on the click, keeping its length.
        const qint64 half = m_from.daysTo(m_to) / 2;
        const QDate centre = dateAt(x);
        Q_EMIT windowMoved(centre.addDays(-half), centre.addDays(half));
    }
    m_dragging = true;
    m_pressX = x;
    m_pressFrom = m_from;
    m_pressTo = m_to;
    setCursor(Qt::ClosedHandCursor);
}

void OverviewStrip::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragging) moveWindowBy(int(event->position().x()) - m_pressX);
}

void OverviewStrip::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_dragging) moveWindowBy(int(event->position().x()) - m_pressX);
    m_dragging = false;
    setCursor(Qt::OpenHandCursor);
    Q_EMIT dragFinished();
}

void OverviewStrip::moveWindowBy(int dx)
{
    const qint64 span = std::max<qint64>(1, m_first.daysTo(m_last));
    qint64 days = qint64(double(dx) / std::max(1, width() - 8) * double(span));
    // Keep the window inside the history.
    days = std::clamp(days, m_first.daysTo(m_pressFrom) * -1, m_pressTo.daysTo(m_last));
    Q_EMIT windowMoved(m_pressFrom.addDays(days), m_pressTo.addDays(days));
}

} // namespace indexlens
