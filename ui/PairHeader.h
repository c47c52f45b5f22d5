// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;

namespace indexlens {

class PairSession;
struct ChartMarks;

// Above the tabs: the pair's names and the range's returns once (each chart's title line keeps
// its room for the legend), and under them the key of the marks (issue #24, 10): every band's
// and marked move's full label, where the charts show a band's number alone.
class PairHeader : public QWidget {
    Q_OBJECT
public:
    explicit PairHeader(QWidget *parent = nullptr);

    // The session's pair and range; the marks' key only over the pair view (`pairShown`).
    void showPair(const PairSession &session, const ChartMarks &marks, bool pairShown);

private:
    QLabel *m_headline;
    QLabel *m_marksKey;
};

} // namespace indexlens
