// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chart/RotationData.h"
#include "ChartExports.h"

#include <QTimer>
#include <QWidget>

#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;

namespace indexlens {

class ChartView;
class CompareSession;
class PairSession;
class ResultTableModel;
class ResultTableView;

// The rotation view (issue #25, 1): the compare list's relative rotation graph against a
// benchmark (SPY by default), tails ending on the range's last day, and beside it the heads by
// quadrant. A slider and Play replay the tails period by period through the range; pointing at a
// dot reads its date and both values. The benchmark, tail and definition are CompareSession's
// (a study's figure keeps them); the replay's position is the view's own.
class RotationPanel : public QWidget {
    Q_OBJECT
public:
    using Loader =
        std::function<RotationData(const QStringList &symbols, const QString &benchmark)>;
    RotationPanel(const PairSession &pair, CompareSession &compare, Loader loader,
                  QWidget *parent = nullptr);

    // The symbols the benchmark picker offers ("SYM — name" entries of the cache).
    void setInstruments(const QStringList &entries);
    // Draws when shown; an error (an unknown benchmark, no period in the range) goes in the
    // chart's title line.
    void draw();
    // Forgets what was read (new data, another basis).
    void reload();

    // The last day the tails end on: the replay's position, else the range's last day.
    QDate shownTo() const;
    // What Copy chart and Export chart draw: the graph as shown, to shownTo().
    ChartExports::ViewChart viewChart() const;
    ChartView *view() const { return m_view; }
    ResultTableView *table() const { return m_table; }
    QSlider *replay() const { return m_replay; }
    QPushButton *playButton() const { return m_play; }
    QString error() const { return m_error; }
    QString reading() const;

Q_SIGNALS:
    void copyRequested(ChartKind kind);
    void exportRequested(ChartKind kind);
    void status(const QString &text, int timeoutMs);

protected:
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *makeControls();
    const RotationData &data();
    void applyBenchmark();
    void applyView();
    void drawAt(const QDate &to);
    void showError(const QString &message);
    void togglePlay();
    void readAt(const QPoint &pos);

    const PairSession &m_pair;
    CompareSession &m_compare;
    Loader m_loader;
    std::optional<RotationData> m_data;
    QString m_dataKey; // the symbols and benchmark m_data holds
    QComboBox *m_benchmark = nullptr;
    QSpinBox *m_tail = nullptr;
    QComboBox *m_step = nullptr;
    QPushButton *m_play = nullptr;
    QSlider *m_replay = nullptr;
    QLabel *m_replayDate = nullptr;
    ChartView *m_view = nullptr;
    QLabel *m_reading = nullptr;
    ResultTableModel *m_model = nullptr;
    ResultTableView *m_table = nullptr;
    QTimer m_timer;
    std::vector<QDate> m_steps;
    std::vector<RotationTail> m_tails;
    QString m_error;
};

} // namespace indexlens
