// SPDX-License-Identifier: GPL-3.0-or-later
#include "FrameThrottle.h"

namespace indexlens {

FrameThrottle::FrameThrottle(QObject *parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &FrameThrottle::flush);
}

void FrameThrottle::request(std::function<void()> work)
{
    if (!m_sinceLastRun.isValid() || m_sinceLastRun.elapsed() >= kFrameMs) {
        m_timer.stop();
        m_pending = nullptr;
        run(work);
        return;
    }
    m_pending = std::move(work);
    if (!m_timer.isActive()) m_timer.start(int(kFrameMs - m_sinceLastRun.elapsed()));
}

void FrameThrottle::flush()
{
    m_timer.stop();
    if (!m_pending) return;
    const std::function<void()> work = std::exchange(m_pending, nullptr);
    run(work);
}

void FrameThrottle::run(const std::function<void()> &work)
{
    work();
    m_sinceLastRun.start(); // from the end of the work: a slow redraw leaves the next frame free
}

} // namespace indexlens
