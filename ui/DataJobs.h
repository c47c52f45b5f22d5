// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

class QProgressBar;
class QPushButton;
class QStatusBar;
class QWidget;

namespace indexlens {

class Database;
class StoreWriter;
class Updater;

// The window's writes to the cache: Update (downloads) and Import CSV, each on a worker thread
// so the charts stay live, with progress and Cancel in the status bar. A job ends with one short
// status line and, when something failed, one dialog that lists each failed symbol or file with
// its reason (details collapsed).
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
    void endUpdate(const QStringList &failures, int total);
    bool refuseReadOnly();

    QStatusBar *m_statusBar;
    QWidget *m_dialogParent;
    Database *m_db = nullptr;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    Updater *m_updater = nullptr;
    StoreWriter *m_importer = nullptr;
};

// A warning with a one-line summary and the details collapsed (no dialog when
// INDEXLENS_NO_DIALOGS is set, for tests).
void reportFailure(QWidget *parent, const QString &summary, const QString &details);

} // namespace indexlens
