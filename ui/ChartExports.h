// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chart/PairData.h"
#include "ChartExporter.h"
#include "document/Figure.h"

#include <QImage>

#include <functional>

class QWidget;

namespace indexlens {

class CompareSession;
class Database;
class PairSession;

// The window's exports of what it shows: File > Export charts and each chart's Export chart
// (through ExportDialog: PNG, SVG or PDF), Copy chart, and the visible series as CSV. Each turns
// the view into a figure and draws it through FigureRender, the path `indexlens export` and
// `render` take (issue #23), so a PNG from the window and one from the command line carry the
// same title, range, marks and source line.
class ChartExports {
public:
    using Message = std::function<void(const QString &text, int timeoutMs)>;
    using Error = std::function<void(const QString &message)>;

    ChartExports(const PairSession &session, const CompareSession &compare,
                 std::function<Database *()> db, std::function<bool()> dark, QWidget *parent,
                 Message status, Error error);

    // Writes the charts as the session shows them (theme, log scale, marks) to `path`, in the
    // format of its extension; false (and the error said) when it cannot.
    bool exportFile(const QString &path, const std::vector<ChartKind> &kinds, int width, int height,
                    double scale);
    // The dialog, then the file; `only` preselects one chart (its context menu).
    void exportWithDialog(std::optional<ChartKind> only = std::nullopt);
    // One chart, as the window shows it (theme, log scale, title, marks), on the clipboard.
    void copyChart(ChartKind kind);
    // The visible lines as CSV: the compare view's (`compareView`) or the pair's.
    void exportVisibleCsv(bool compareView = false);

    // A chart of the compare or sensitivity view (Compare, ReturnsBars, Sensitivity, Scatter):
    // the view as a figure of that kind, over the range the view shows.
    struct ViewChart {
        ChartKind kind = ChartKind::Compare;
        QString fileName; // without its extension
        QDate to;         // its last day when not the range's (a rotation replayed)
    };
    Figure viewFigure(const ViewChart &chart) const;
    bool exportViewFile(const QString &path, const ViewChart &chart, const ExportOptions &options);
    // The dialog offers `charts` (a tab's), `first` chosen, then the file.
    void exportViewWithDialog(const std::vector<ViewChart> &charts, ChartKind first);
    void copyView(const ViewChart &chart);

    // The charts as the session shows them; a null image without a pair.
    QImage render(const std::vector<ChartKind> &kinds, int width, int height, double scale) const;

private:
    // The file dialog with `name`.suffix; empty when cancelled.
    QString askPath(const QString &name, ExportFormat format) const;
    // The pair view as a figure of `kinds`, `width` x `height` at `scale`, in the window's theme.
    Figure pairFigure(const std::vector<ChartKind> &kinds, int width, int height,
                      double scale) const;
    QImage picture(const Figure &figure) const; // throws as writeFigure does
    bool write(const QString &path, const Figure &figure);

    const PairSession &m_session;
    const CompareSession &m_compare;
    std::function<Database *()> m_db;
    std::function<bool()> m_dark;
    QWidget *m_parent;
    Message m_status;
    Error m_error;
};

} // namespace indexlens
