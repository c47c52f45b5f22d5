// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>
#include <utility>
#include <vector>

class QProgressBar;
class QPushButton;
class QStatusBar;
class QWidget;

namespace indexlens {

class Database;
class StoreWriter;
class Updater;
struct FileImportResult;
struct UpdateOutcome;

// The window's writes to the cache: Update (downloads) and Import CSV, each on a worker thread
// so the charts stay live, with progress and Cancel in the status bar. While an update runs the
// status bar names each symbol being fetched and its attempt; an import names the file it reads
// or writes. A job ends with one short status line and, when something failed, one dialog that
// lists each failed symbol or file with its reason (details collapsed). Cancel keeps what was
// written and is said as cancelled: what it stopped is not counted as failed.
class DataJobs : public QObject {
    Q_OBJECT
public:
    DataJobs(QStatusBar *statusBar, QWidget *dialogParent);
    ~DataJobs() override;

    // The cache the jobs write to (its path: each job opens its own connection).
    void setDatabase(Database *db) { m_db = db; }
    bool busy() const { return m_updater || m_importer; }

    void update(const QStringList &symbols);
    void import(const QStringList &files);

Q_SIGNALS:
    // The cache changed (or may have): reload the pickers and the pair.
    void finished();
    void failed(const QString &summary, const QString &details);

private:
    void startProgress(int maximum);
    void stopProgress();
    void onSymbolFinished(const UpdateOutcome &o);
    void showFetching();
    void endUpdate();
    void endImport(const QStringList &files, const QString &openError);
    bool refuseReadOnly();

    QStatusBar *m_statusBar;
    QWidget *m_dialogParent;
    Database *m_db = nullptr;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    Updater *m_updater = nullptr;
    StoreWriter *m_importer = nullptr;

    // The update in progress: the symbols in flight with their attempt ("" before the first),
    // in the order they started; what ended.
    std::vector<std::pair<QString, QString>> m_fetching;
    QStringList m_failures;
    int m_updated = 0, m_cancelledSymbols = 0, m_total = 0;

    // The import in progress: Cancel sets the flag the worker reads between files.
    std::shared_ptr<std::atomic_bool> m_cancelImport;
    std::shared_ptr<std::vector<FileImportResult>> m_importResults;
};

// A warning with a one-line summary and the details collapsed (no dialog when
// INDEXLENS_NO_DIALOGS is set, for tests).
void reportFailure(QWidget *parent, const QString &summary, const QString &details);

} // namespace indexlens
