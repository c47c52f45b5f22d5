// SPDX-License-Identifier: GPL-3.0-or-later
#include "RangeSelector.h"

#include "ChartView.h"

#include <QMouseEvent>
#include <QRubberBand>

namespace indexlens {

RangeSelector::RangeSelector(ChartView *view)
    : QObject(view), m_view(view), m_band(new QRubberBand(QRubberBand::Rectangle, view->viewport()))
{
    view->viewport()->installEventFilter(this);
}

bool RangeSelector::eventFilter(QObject *, QEvent *event)
{
    switch (event->type()) {
    case QEvent::MouseButtonPress: {
        auto *e = static_cast<QMouseEvent *>(event);
        const QRect plot = m_view->plotArea().toRect();
        if (e->button() == Qt::LeftButton && e->position().x() >= plot.left() - 2 &&
            e->position().x() <= plot.right() + 2) {
            m_origin = e->position().toPoint();
            m_dragging = true;
            m_band->setGeometry(QRect(m_origin.x(), plot.top(), 0, plot.height()));
            m_band->show();
            return true;
        }
        break;
    }
    case QEvent::MouseMove:
        if (m_dragging) {
            const auto *e = static_cast<QMouseEvent *>(event);
            const QRect plot = m_view->plotArea().toRect();
            const int x = std::clamp(int(e->position().x()), plot.left(), plot.right());
            m_band->setGeometry(QRect(QPoint(std::min(x, m_origin.x()), plot.top()),
                                      QPoint(std::max(x, m_origin.x()), plot.bottom())));
        }
        break;
    case QEvent::MouseButtonRelease:
        if (m_dragging) {
            const auto *e = static_cast<QMouseEvent *>(event);
            m_dragging = false;
            m_band->hide();
            const QRect plot = m_view->plotArea().toRect();
            const int x = std::clamp(int(e->position().x()), plot.left(), plot.right());
            if (std::abs(x - m_origin.x()) >= 4) {
                QDate a = m_view->dateAt(QPoint(std::min(x, m_origin.x()), plot.center().y()));
                QDate b = m_view->dateAt(QPoint(std::max(x, m_origin.x()), plot.center().y()));
                Q_EMIT rangeSelected(a, b);
            }
            return true;
        }
        break;
    case QEvent::MouseButtonDblClick:
        Q_EMIT resetRequested();
        return true;
    default:
        break;
    }
    return false;
}

} // namespace indexlens
