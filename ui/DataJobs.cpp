// SPDX-License-Identifier: GPL-3.0-or-later
#include "DataJobs.h"

#include "core/AppSettings.h"
#include "import/ImportBatch.h"
#include "providers/Updater.h"
#include "storage/StoreWriter.h"

#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>

namespace indexlens {

void reportFailure(QWidget *parent, const QString &summary, const QString &details)
{
    if (!parent->isVisible() || qEnvironmentVariableIsSet("INDEXLENS_NO_DIALOGS")) return;
    QMessageBox box(QMessageBox::Warning, QStringLiteral("IndexLens"), summary, QMessageBox::Ok,
                    parent);
    if (!details.isEmpty() && details != summary) box.setDetailedText(details);
    box.exec();
}

DataJobs::DataJobs(QStatusBar *statusBar, QWidget *dialogParent)
    : QObject(dialogParent), m_statusBar(statusBar), m_dialogParent(dialogParent),
      m_progress(new QProgressBar), m_cancel(new QPushButton(QStringLiteral("Cancel")))
{
    m_progress->setMaximumWidth(180);
    m_progress->hide();
    m_cancel->setObjectName(QStringLiteral("cancelJob"));
    m_cancel->setToolTip(QStringLiteral("Stop the update; symbols already written stay"));
    m_cancel->hide();
    statusBar->addPermanentWidget(m_progress);
    statusBar->addPermanentWidget(m_cancel);
}

DataJobs::~DataJobs() = default;

bool DataJobs::refuseReadOnly()
{
    if (!m_db || !m_db->isReadOnly()) return false;
    const QString message =
        QStringLiteral("%1: the cache is read-only; make the file and its folder writable, or "
                       "choose another cache location in Settings")
            .arg(m_db->path());
    m_statusBar->showMessage(QStringLiteral("The cache is read-only"), 15000);
    Q_EMIT failed(QStringLiteral("The cache is read-only"), message);
    return true;
}

void DataJobs::update(const QStringList &symbols)
{
    if (!m_db || busy() || refuseReadOnly() || symbols.isEmpty()) return;
    const auto settings = openAppSettings();
    m_updater = new Updater(*m_db, ProviderSettings::load(*settings), this);
    m_progress->setRange(0, int(symbols.size()));
    m_progress->setValue(0);
    m_progress->show();
    m_cancel->show();
    auto failures = std::make_shared<QStringList>();
    connect(m_cancel, &QPushButton::clicked, m_updater, &Updater::cancel);
    connect(m_updater, &Updater::symbolFinished, this, [this, failures](const UpdateOutcome &o) {
        m_progress->setValue(m_progress->value() + 1);
        if (!o.ok)
            *failures << QStringLiteral("%1: %2").arg(
                o.symbol,
                o.provider.isEmpty() ? o.error : o.provider + QStringLiteral(": ") + o.error);
        // Short: the reasons go to the dialog at the end, not into a line that runs off the window.
        m_statusBar->showMessage(o.ok ? QStringLiteral("%1: %2 added, %3 changed")
                                            .arg(o.symbol)
                                            .arg(o.summary.added)
                                            .arg(o.summary.changed)
                                      : QStringLiteral("%1 failed").arg(o.symbol));
    });
    const int total = int(symbols.size());
    connect(m_updater, &Updater::finished, this,
            [this, failures, total] { endUpdate(*failures, total); });
    m_updater->start(symbols, false);
}

void DataJobs::endUpdate(const QStringList &failures, int total)
{
    m_progress->hide();
    m_cancel->hide();
    m_cancel->disconnect();
    m_updater->deleteLater();
    m_updater = nullptr;
    Q_EMIT finished();
    if (failures.isEmpty()) {
        m_statusBar->showMessage(QStringLiteral("Update finished"), 5000);
        return;
    }
    const QString summary =
        QStringLiteral("Update: %1 of %2 symbols failed").arg(failures.size()).arg(total);
    m_statusBar->showMessage(summary, 15000);
    Q_EMIT failed(summary + QStringLiteral("; the cache keeps what it had for them."),
                  failures.join(QLatin1Char('\n')));
}

void DataJobs::import(const QStringList &files)
{
    if (!m_db || busy() || refuseReadOnly() || files.isEmpty()) return;
    // Parsing and writing run on a worker thread with its own connection (0.7 s for 26 files):
    // the charts stay live meanwhile.
    m_importer = new StoreWriter(m_db->path(), this);
    m_statusBar->showMessage(QStringLiteral("Importing %1 files\u2026").arg(files.size()));
    auto results = std::make_shared<std::vector<FileImportResult>>();
    auto openError = std::make_shared<QString>();
    m_importer->run(
        [files, results, openError](Database *db, const QString &error) {
            if (!db) {
                *openError = error;
                return;
            }
            PriceStore store(*db);
            *results = importFiles(store, files, {});
        },
        [this, files, results, openError] {
            m_importer->deleteLater();
            m_importer = nullptr;
            if (!openError->isEmpty()) {
                m_statusBar->showMessage(QStringLiteral("Import failed"), 15000);
                Q_EMIT failed(QStringLiteral("Import failed"), *openError);
                return;
            }
            QStringList errors;
            int rows = 0;
            for (const FileImportResult &r : *results) {
                if (r.error) errors << r.error->toString();
                for (const WriteSummary &s : r.summaries)
                    rows += s.added + s.changed;
            }
            Q_EMIT finished();
            if (errors.isEmpty()) {
                m_statusBar->showMessage(
                    QStringLiteral("Imported %1 files, %2 rows added or changed")
                        .arg(files.size())
                        .arg(rows),
                    5000);
                return;
            }
            const QString summary = QStringLiteral("%1 of %2 files refused (nothing of them was "
                                                   "written)")
                                        .arg(errors.size())
                                        .arg(files.size());
            m_statusBar->showMessage(summary, 15000);
            Q_EMIT failed(summary, errors.join(QLatin1Char('\n')));
        });
}

} // namespace indexlens
