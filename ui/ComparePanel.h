// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chart/PairData.h"
#include "ChartExports.h"

#include <QWidget>

class QComboBox;
class QListWidget;
class QMenu;

namespace indexlens {

class ChartView;
class Crosshair;
class CompareSession;
class PairSession;
class ResultTableModel;
class ResultTableView;

// The compare view (issue #13): 2 to 8 series rebased to 100 on one chart, with the pair view's
// range (presets, drag, wheel, overview, date fields), rebase day and first rate; under it the
// returns table (range, YTD, 1 year and the chosen days and periods) and beside the table the
// same returns as grouped bars. A group fills the list; a type-ahead picker adds a series, Delete
// removes the selected ones. The state and its rules are CompareSession's; this panel draws it
// and turns clicks into intentions (the window wires them, as ChartPanel's).
class ComparePanel : public QWidget {
    Q_OBJECT
public:
    ComparePanel(const PairSession &pair, CompareSession &compare, QWidget *parent = nullptr);

    // The instruments the picker offers ("SYM — name"), from the cache.
    void setInstruments(const QStringList &entries);
    // Draws the session's range when the view is shown; an error (fewer than two series, an
    // unknown symbol) is shown in the chart's title line instead.
    void draw();
    // The compare chart or the bars for the shown range, made for a plot `widthPx` wide (an
    // export draws them at its own size).
    ChartContent content(ChartKind kind, int widthPx) const;
    // What Copy chart and Export chart draw of the compare chart or the bars: their content at
    // the export's width, titled with the list, with the list's (and the rate's) source line.
    ChartExports::ViewChart viewChart(ChartKind kind) const;
    ChartView *view() const { return m_view; }
    ChartView *barsView() const { return m_bars; }
    Crosshair *crosshair() const { return m_crosshair; }
    ResultTableModel *returnsModel() const { return m_returns; }
    ResultTableView *returnsTable() const { return m_table; }
    QString error() const { return m_error; }

Q_SIGNALS:
    void rebaseRequested(const QDate &date);
    void rebaseResetRequested();
    void copyRequested(ChartKind kind);
    void exportRequested(ChartKind kind);
    // What the status bar says (a table copied or written), and an error to show.
    void status(const QString &text, int timeoutMs);
    void failed(const QString &message);
    void addToStudyRequested(); // the returns table's "Add this table to the study"

protected:
    // Drawn when it comes into view: a study may open on this tab before the window shows.
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildSide();
    QWidget *buildCharts();
    void fillGroups();
    void addEntry(const QString &entry);
    void removeSelected();
    void showList();
    void showChartMenu(ChartView *view, const QPoint &pos);
    void addRangeActions(QMenu &menu, const QDate &day);
    void removeCurrentMeasure();
    // Save as group: asks a name, keeps the list under it (and in the settings at once).
    void saveGroup();
    // The pair view's first rate, the overlay (empty for none).
    QString rateSymbol() const;

    const PairSession &m_pair;
    CompareSession &m_compare;
    QString m_error;
    QComboBox *m_group = nullptr;
    QComboBox *m_add = nullptr;
    QListWidget *m_list = nullptr;
    ChartView *m_view = nullptr;
    Crosshair *m_crosshair = nullptr;
    ChartView *m_bars = nullptr;
    ResultTableModel *m_returns = nullptr;
    ResultTableView *m_table = nullptr;
};

} // namespace indexlens
