// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QElapsedTimer>
#include <QObject>

namespace indexlens {

class ChartView;

// The mouse wheel zooms the date range around the date under the cursor: factor < 1 zooms in.
// Notches less than kBurstMs apart are one burst, one gesture: `continuing` is true for all but
// the first, so that Back and Undo take the burst back in one step (issue #23).
class WheelZoom : public QObject {
    Q_OBJECT
public:
    explicit WheelZoom(ChartView *view);

Q_SIGNALS:
    void zoomRequested(const QDate &center, double factor, bool continuing);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    static constexpr int kBurstMs = 400;
    ChartView *m_view;
    QElapsedTimer m_sinceNotch;
};

} // namespace indexlens
