// SPDX-License-Identifier: GPL-3.0-or-later
#include "SessionNavigation.h"

#include "charts/ChartView.h"
#include "charts/OverviewStrip.h"
#include "charts/RangeSelector.h"
#include "charts/WheelZoom.h"
#include "FrameThrottle.h"
#include "session/PairSession.h"

#include <memory>

namespace indexlens {

void navigateSession(ChartView *view, PairSession *session)
{
    auto *selector = new RangeSelector(view);
    QObject::connect(
        selector, &RangeSelector::rangeSelected, session,
        [session](const QDate &from, const QDate &to) { session->setRange(from, to); });
    QObject::connect(selector, &RangeSelector::resetRequested, session,
                     &PairSession::showWholeHistory);
    QObject::connect(new WheelZoom(view), &WheelZoom::zoomRequested, session, &PairSession::zoom);
}

void navigateByOverview(OverviewStrip *overview, PairSession *session)
{
    auto *throttle = new FrameThrottle(overview);
    auto dragging = std::make_shared<bool>(false);
    QObject::connect(overview, &OverviewStrip::windowMoved, throttle,
                     [session, throttle, dragging](const QDate &from, const QDate &to) {
                         throttle->request([session, from, to, dragging] {
                             if (*dragging) {
                                 session->continueRange(from, to);
                             } else {
                                 *dragging = true;
                                 session->setRange(from, to);
                             }
                         });
                     });
    QObject::connect(overview, &OverviewStrip::dragFinished, throttle, [throttle, dragging] {
        throttle->flush();
        *dragging = false;
    });
}

} // namespace indexlens
