// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysis/MovesTable.h"

#include "document/Figure.h"

#include <QTabWidget>

class QComboBox;
class QLineEdit;
class QTableView;

namespace indexlens {

class PairSession;
class ResultTableModel;

// The tables under the charts: returns over the range, YTD and one year; the periods the user
// added; the largest daily moves (ranked by |A| or |A - B|, a choice shown on that tab only).
// Each is a table defined once in app/tables; Ctrl+C copies it as `--format csv` writes it, in
// the order the view is sorted (ResultTableView). Delete (or the context menu) removes a period.
class TablesPanel : public QTabWidget {
    Q_OBJECT
public:
    explicit TablesPanel(QWidget *parent = nullptr);
    static constexpr int kTopMoves = 20; // rows of the largest moves table
    // The moves' ranking and direction, and the periods typed or removed, change `session`.
    void connectSession(PairSession *session);

    // Recomputes the tables for the session's range, rebase day and periods.
    void show(const PairSession &session);
    // Brings the periods or the moves table forward (a table figure shown, issue #23).
    void showTable(FigureKind kind);
    // Room for the header and six rows of a table at the least (issue #12, 4).
    QSize minimumSizeHint() const override;

    ResultTableModel *returnsModel() const { return m_returns; }
    ResultTableModel *periodsModel() const { return m_periods; }
    ResultTableModel *movesModel() const { return m_moves; }
    // What the periods field keeps after a typed or pasted list: the parts not added, for
    // correction (empty: all added).
    void keepTypedPeriods(const QStringList &parts);

Q_SIGNALS:
    void moveRankingChanged(indexlens::MoveRanking ranking);
    void moveDirectionChanged(indexlens::MoveDirection direction);
    void removePeriodsRequested(const std::vector<int> &rows); // the selected rows, at once
    // A typed START:END (or a pasted list of them) in the Periods tab (issue #24, 5).
    void periodsTyped(const QString &text);
    // "Add this table to the study" in a table's menu (issue #23).
    void addToStudyRequested(indexlens::FigureKind kind);
    // A table copied as CSV, or written: what the status bar says.
    void status(const QString &text, int timeoutMs);
    void failed(const QString &message);

private:
    QTableView *addTable(ResultTableModel *model, const QString &title, const QString &name);
    void addPeriodsTab(QTableView *view);
    void removeSelectedPeriods(QTableView *view);

    ResultTableModel *m_returns;
    ResultTableModel *m_periods;
    ResultTableModel *m_moves;
    QLineEdit *m_typedPeriods = nullptr;
    QComboBox *m_ranking;
    QComboBox *m_direction;
    bool m_quiet = false;
};

} // namespace indexlens
