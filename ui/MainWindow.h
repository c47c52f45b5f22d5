#pragma once

#include "chart/PairData.h"
#include "models/ResultTableModel.h"
#include "storage/Database.h"

#include <QMainWindow>

#include <array>
#include <memory>

class QComboBox;
class QCheckBox;
class QRadioButton;
class QStackedWidget;
class QTableView;
class QLabel;
class QPushButton;
class QProgressBar;
class QListWidget;

namespace indexlens {

class ChartView;
class Crosshair;
class OverviewStrip;
class StoreWriter;
class Updater;

// The window: pick A, B and a rate; four linked charts over one date range; tables below.
// Widgets only: every figure comes from PairData and the table builders of the model layer.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const QString &dbPath, QWidget *parent = nullptr);
    ~MainWindow() override;

    // For tests and scripts.
    void pick(const QString &a, const QString &b, const QStringList &rates);
    void setRange(const QDate &from, const QDate &to, bool remember = true);
    void applyPreset(const QString &preset);
    QDate rangeFrom() const { return m_from; }
    QDate rangeTo() const { return m_to; }
    // The day the rebased charts start from when the user chose one ("Rebase here").
    std::optional<QDate> rebaseDate() const { return m_rebase; }
    ChartView *chartView(ChartKind kind) const;
    Crosshair *crosshair(ChartKind kind) const;
    ResultTableModel *returnsModel() const { return m_returns; }
    ResultTableModel *periodsModel() const { return m_periods; }
    ResultTableModel *movesModel() const { return m_moves; }
    const PairData *pair() const { return m_pair.get(); }
    QPushButton *presetButton(const QString &preset) const;
    OverviewStrip *overview() const { return m_overview; }
    bool isDark() const;
    bool exportPng(const QString &path, bool allCharts, int width, int height, double scale);
    bool exportPng(const QString &path, const std::vector<ChartKind> &kinds, int width, int height,
                   double scale);
    void addCurrentPeriod();
    // Imports files on a worker thread, then reloads (File > Import CSV after its dialog).
    void importPaths(const QStringList &files);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildUi();
    void buildMenus();
    void fillPickers();
    void reload();
    void redraw();
    void zoom(const QDate &center, double factor);
    void back();
    void showError(const QString &message);
    bool refuseReadOnly(); // true (and says why) when the cache cannot be written
    void exportDialog();
    void exportVisibleCsv();
    void importFiles();
    void openSettings();
    void updateData();
    void copyTable(QTableView *view, ResultTableModel *model);
    QString describe(ChartKind kind, const QDate &date) const;
    QStringList pairSymbols() const; // A, B and the rates, for the source line

    std::unique_ptr<Database> m_db;
    std::unique_ptr<PairData> m_pair;
    QDate m_from, m_to;
    std::optional<QDate> m_rebase;
    std::vector<std::pair<QDate, QDate>> m_history;

    QComboBox *m_a = nullptr;
    QComboBox *m_b = nullptr;
    QListWidget *m_rates = nullptr; // checkable rate overlays
    QStringList checkedRates() const;
    void setCheckedRates(const QStringList &rates);
    QRadioButton *m_total = nullptr;
    QCheckBox *m_log = nullptr;
    QStackedWidget *m_stack = nullptr;
    std::array<ChartView *, 4> m_charts{};
    std::array<Crosshair *, 4> m_crosshairs{};
    QHash<QString, QPushButton *> m_presets;
    ResultTableModel *m_returns;
    ResultTableModel *m_periods;
    ResultTableModel *m_moves;
    QLabel *m_rangeLabel = nullptr;
    OverviewStrip *m_overview = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    Updater *m_updater = nullptr;
    StoreWriter *m_importing = nullptr; // while an import runs
    QComboBox *m_movesRanking = nullptr;
    // The preset that made the range shown (so "1Y" rolls on after an update), else empty.
    QString m_preset;
    bool m_loading = false;
};

} // namespace indexlens
