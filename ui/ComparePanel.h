// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chart/CompareData.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QListWidget;
class QTableView;

namespace indexlens {

class ChartView;
class PairSession;
class ResultTableModel;

// The compare view (issue #13): 2 to 8 series rebased to 100 on one chart, with the pair view's
// range (presets, drag, wheel, overview, date fields) and its first rate, and a returns table
// (range, YTD, 1Y) below. A group from the catalog fills the list; a type-ahead picker adds a
// series, Delete removes the selected ones. The list is remembered.
class ComparePanel : public QWidget {
    Q_OBJECT
public:
    using Loader = std::function<CompareData(const QStringList &symbols, const QString &rate)>;
    ComparePanel(const PairSession &session, Loader loader, QWidget *parent = nullptr);

    // The instruments the picker offers ("SYM — name"), from the cache.
    void setInstruments(const QStringList &entries);
    void setSymbols(const QStringList &symbols);
    QStringList symbols() const { return m_symbols; }
    // Draws the session's range; an error (fewer than two series, an unknown symbol) is shown in
    // the chart's title line instead.
    void draw();
    // Forgets the loaded series: the next draw reads them again (new data, another basis).
    void reload();
    ChartView *view() const { return m_view; }
    ResultTableModel *returnsModel() const { return m_returns; }
    QString error() const { return m_error; }

private:
    void addEntry(const QString &entry);
    void removeSelected();
    void showList();

    const PairSession &m_session;
    Loader m_loader;
    QStringList m_symbols;
    std::optional<CompareData> m_data; // loaded for m_loadedSymbols and m_loadedRate
    QStringList m_loadedSymbols;
    QString m_loadedRate;
    QString m_error;
    QComboBox *m_group;
    QComboBox *m_add;
    QListWidget *m_list;
    ChartView *m_view;
    ResultTableModel *m_returns;
    QTableView *m_table;
};

} // namespace indexlens
