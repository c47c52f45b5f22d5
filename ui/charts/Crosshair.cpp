// SPDX-License-Identifier: GPL-3.0-or-later
#include "Crosshair.h"

#include "ChartView.h"

#include <QChart>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QMouseEvent>

namespace indexlens {

Crosshair::Crosshair(ChartView *view, Describe describe)
    : QObject(view), m_view(view), m_describe(std::move(describe)), m_line(new QGraphicsLineItem),
      m_box(new QGraphicsRectItem), m_label(new QGraphicsSimpleTextItem)
{
    for (QGraphicsItem *item :
         {static_cast<QGraphicsItem *>(m_line), static_cast<QGraphicsItem *>(m_box),
          static_cast<QGraphicsItem *>(m_label)}) {
        item->setZValue(100);
        item->hide();
        view->scene()->addItem(item);
    }
    view->setMouseTracking(true);
    view->viewport()->setMouseTracking(true);
    view->viewport()->installEventFilter(this);
}

QString Crosshair::text() const
{
    return m_label->isVisible() ? m_label->text() : QString();
}

bool Crosshair::eventFilter(QObject *, QEvent *event)
{
    if (event->type() == QEvent::MouseMove) {
        m_mouseHere = true;
        moveTo(static_cast<QMouseEvent *>(event)->position().toPoint());
    } else if (event->type() == QEvent::Leave) {
        m_mouseHere = false;
        hide();
        Q_EMIT left();
    }
    return false;
}

void Crosshair::hide()
{
    m_line->hide();
    m_box->hide();
    m_label->hide();
}

void Crosshair::refresh()
{
    if (m_mouseHere && m_line->isVisible())
        moveTo(m_pos);
    else if (m_line->isVisible())
        follow(m_date);
}

void Crosshair::follow(const QDate &date)
{
    if (m_mouseHere) return;
    m_box->hide();
    m_label->hide();
    const QRectF plot = m_view->plotArea();
    const int x = m_view->xOf(date);
    const QPointF top = m_view->mapToScene(QPoint(x, 0));
    const QPointF topInChart = m_view->chart()->mapFromScene(top);
    if (!date.isValid() || topInChart.x() < plot.left() || topInChart.x() > plot.right()) {
        m_line->hide();
        return;
    }
    m_date = date;
    const QPointF a = m_view->chart()->mapToScene(QPointF(topInChart.x(), plot.top()));
    m_line->setPen(QPen(chartPalette(m_view->theme()).mutedText, 0, Qt::DotLine));
    m_line->setLine(QLineF(a.x(), a.y(), a.x(), a.y() + plot.height()));
    m_line->show();
}

void Crosshair::release()
{
    if (!m_mouseHere) hide();
}

bool Crosshair::lineVisible() const
{
    return m_line->isVisible();
}

int Crosshair::lineX() const
{
    return m_view->mapFromScene(m_line->line().p1()).x();
}

void Crosshair::moveTo(const QPoint &pos)
{
    m_pos = pos;
    const QRectF plot = m_view->plotArea();
    const QPointF scenePos = m_view->mapToScene(pos);
    if (!plot.contains(m_view->chart()->mapFromScene(scenePos)) || !m_describe) {
        hide();
        Q_EMIT left();
        return;
    }
    m_date = m_view->dateAt(pos);
    const QString text = m_describe(m_date);
    if (text.isEmpty()) return;
    const QPointF top = m_view->chart()->mapToScene(
        QPointF(m_view->chart()->mapFromScene(scenePos).x(), plot.top()));
    m_line->setLine(QLineF(top.x(), top.y(), top.x(), top.y() + plot.height()));
    m_label->setText(text);
    // The theme's colours: a white box stood out of a dark chart.
    const ChartPalette &colours = chartPalette(m_view->theme());
    QColor fill = colours.background;
    fill.setAlpha(225);
    m_line->setPen(QPen(colours.mutedText, 0, Qt::DotLine));
    m_box->setBrush(fill);
    m_box->setPen(QPen(colours.mutedText));
    m_label->setBrush(colours.text);
    QRectF box = m_label->boundingRect().adjusted(-4, -2, 4, 2);
    QPointF at(top.x() + 8, top.y() + 4);
    if (at.x() + box.width() > m_view->chart()->mapToScene(plot.topRight()).x())
        at.setX(top.x() - 8 - box.width());
    m_label->setPos(at);
    m_box->setRect(box.translated(at));
    m_line->show();
    m_box->show();
    m_label->show();
    Q_EMIT hovered(m_date);
}

} // namespace indexlens
