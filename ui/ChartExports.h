// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chart/PairData.h"

#include <QImage>

#include <functional>

class QWidget;

namespace indexlens {

class Database;
class PairSession;

// The window's exports of what it shows: File > Export PNG (through ExportDialog), Copy chart and
// the visible series as CSV. Each builds its options with exportOptionsFor(), as `indexlens
// export` does, so a PNG from the window and one from the command line carry the same title and
// source line.
class ChartExports {
public:
    using Message = std::function<void(const QString &text, int timeoutMs)>;
    using Error = std::function<void(const QString &message)>;

    ChartExports(const PairSession &session, std::function<Database *()> db,
                 std::function<bool()> dark, QWidget *parent, Message status, Error error);

    bool exportPng(const QString &path, const std::vector<ChartKind> &kinds, int width, int height,
                   double scale);
    bool exportPng(const QString &path, bool allCharts, int width, int height, double scale);
    void exportWithDialog();
    void copyChart();
    void exportVisibleCsv();

private:
    // The charts as the session shows them; a null image without a pair.
    QImage render(const std::vector<ChartKind> &kinds, int width, int height, double scale) const;

    const PairSession &m_session;
    std::function<Database *()> m_db;
    std::function<bool()> m_dark;
    QWidget *m_parent;
    Message m_status;
    Error m_error;
};

} // namespace indexlens
