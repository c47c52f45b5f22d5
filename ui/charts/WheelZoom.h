// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QObject>

namespace indexlens {

class ChartView;

// The mouse wheel zooms the date range around the date under the cursor: factor < 1 zooms in.
class WheelZoom : public QObject {
    Q_OBJECT
public:
    explicit WheelZoom(ChartView *view);

Q_SIGNALS:
    void zoomRequested(const QDate &center, double factor);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    ChartView *m_view;
};

} // namespace indexlens
