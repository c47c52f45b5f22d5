// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>

namespace indexlens {

// Runs the latest of a burst of requests at most once per frame (issue #12: every mouse move on
// the overview strip redrew four charts and three tables). The first request after a quiet frame
// runs at once; later ones within the frame wait for its end, and only the last of them runs.
class FrameThrottle : public QObject {
    Q_OBJECT
public:
    static constexpr int kFrameMs = 16; // 60 Hz

    explicit FrameThrottle(QObject *parent = nullptr);

    void request(std::function<void()> work);
    // Runs the waiting request now (the drag ended: its last position is drawn at once).
    void flush();

private:
    void run(const std::function<void()> &work);

    QElapsedTimer m_sinceLastRun;
    QTimer m_timer;
    std::function<void()> m_pending;
};

} // namespace indexlens
