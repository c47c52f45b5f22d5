// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chart/PairData.h"
#include "ChartExporter.h"

#include <QImage>

#include <functional>

class QWidget;

namespace indexlens {

class Database;
class PairSession;

// The window's exports of what it shows: File > Export charts and each chart's Export chart
// (through ExportDialog: PNG, SVG or PDF), Copy chart, and the visible series as CSV. Each builds
// its options with exportOptionsFor(), as `indexlens export` does, so a PNG from the window and one
// from the command line carry the same title and source line.
class ChartExports {
public:
    using Message = std::function<void(const QString &text, int timeoutMs)>;
    using Error = std::function<void(const QString &message)>;

    ChartExports(const PairSession &session, std::function<Database *()> db,
                 std::function<bool()> dark, QWidget *parent, Message status, Error error);

    // Writes the charts as the session shows them (theme, log scale, marks) to `path`, in the
    // format of its extension; false (and the error said) when it cannot.
    bool exportFile(const QString &path, const std::vector<ChartKind> &kinds, int width, int height,
                    double scale);
    // The dialog, then the file; `only` preselects one chart (its context menu).
    void exportWithDialog(std::optional<ChartKind> only = std::nullopt);
    // One chart, as the window shows it (theme, log scale, title, marks), on the clipboard.
    void copyChart(ChartKind kind);
    void exportVisibleCsv();

    // A chart of the compare or sensitivity view: made at the export's plot width (so a PNG from
    // the window and one from `indexlens export` look alike), titled, with the source line of
    // its symbols.
    struct ViewChart {
        ChartKind kind = ChartKind::Compare;
        std::function<ChartContent(int widthPx)> content;
        QStringList symbols; // the source line names where each came from
        QString title;
        QString fileName; // without its extension
        // What the series are, for the source line ("total return", "price return", or per
        // series: basisSourcePhrase); asked when the chart is drawn (the data may be unreadable).
        std::function<QString()> basis;
    };
    ChartStack viewStack(const ViewChart &chart, ExportOptions options) const;
    bool exportViewFile(const QString &path, const ViewChart &chart, const ExportOptions &options);
    void exportViewWithDialog(const ViewChart &chart);
    void copyView(const ViewChart &chart);

    // The charts as the session shows them; a null image without a pair.
    QImage render(const std::vector<ChartKind> &kinds, int width, int height, double scale) const;

private:
    // The file dialog with `name`.suffix; empty when cancelled.
    QString askPath(const QString &name, ExportFormat format) const;
    ExportRequest request(const std::vector<ChartKind> &kinds, int width, int height,
                          double scale) const;

    const PairSession &m_session;
    std::function<Database *()> m_db;
    std::function<bool()> m_dark;
    QWidget *m_parent;
    Message m_status;
    Error m_error;
};

} // namespace indexlens
