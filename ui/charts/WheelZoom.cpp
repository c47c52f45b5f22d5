// SPDX-License-Identifier: GPL-3.0-or-later
#include "WheelZoom.h"

#include "ChartView.h"

#include <QWheelEvent>

#include <cmath>

namespace indexlens {

WheelZoom::WheelZoom(ChartView *view) : QObject(view), m_view(view)
{
    view->viewport()->installEventFilter(this);
}

bool WheelZoom::eventFilter(QObject *, QEvent *event)
{
    if (event->type() != QEvent::Wheel) return false;
    const auto *e = static_cast<QWheelEvent *>(event);
    const double steps = e->angleDelta().y() / 120.0;
    if (steps == 0.0) return false;
    const bool continuing = m_sinceNotch.isValid() && m_sinceNotch.elapsed() < kBurstMs;
    m_sinceNotch.start();
    Q_EMIT zoomRequested(m_view->dateAt(e->position().toPoint()), std::pow(0.8, steps),
                         continuing);
    return true;
}

} // namespace indexlens
