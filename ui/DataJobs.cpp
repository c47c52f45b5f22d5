// SPDX-License-Identifier: GPL-3.0-or-later
#include "DataJobs.h"

#include "core/AppSettings.h"
#include "core/Counted.h"
#include "import/ImportBatch.h"
#include "providers/Updater.h"
#include "storage/StoreWriter.h"

#include <algorithm>

#include <QCoreApplication>
#include <QFileInfo>
#include <QMessageBox>
#include <QPointer>
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

void DataJobs::startProgress(int maximum)
{
    m_progress->setRange(0, maximum);
    m_progress->setValue(0);
    m_progress->show();
    m_cancel->setEnabled(true);
    m_cancel->show();
}

void DataJobs::stopProgress()
{
    m_progress->hide();
    m_cancel->hide();
    m_cancel->disconnect();
}

void DataJobs::update(const QStringList &symbols)
{
    if (!m_db || busy() || refuseReadOnly() || symbols.isEmpty()) return;
    const auto settings = openAppSettings();
    m_updater = new Updater(*m_db, ProviderSettings::load(*settings), this);
    m_fetching.clear();
    m_failures.clear();
    m_updated = m_cancelledSymbols = 0;
    m_total = int(symbols.size());
    startProgress(m_total);
    m_cancel->setToolTip(QStringLiteral("Stop the update; symbols already written stay"));
    connect(m_cancel, &QPushButton::clicked, m_updater, &Updater::cancel);
    connect(m_cancel, &QPushButton::clicked, this, [this] { m_cancel->setEnabled(false); });
    connect(m_updater, &Updater::symbolStarted, this, [this](const QString &symbol) {
        m_fetching.emplace_back(symbol, QString());
        showFetching();
    });
    connect(m_updater, &Updater::attemptStarted, this,
            [this](const QString &symbol, int attempt, int maxAttempts) {
                for (auto &[fetching, state] : m_fetching)
                    if (fetching == symbol)
                        state = QStringLiteral("attempt %1 of %2").arg(attempt).arg(maxAttempts);
                showFetching();
            });
    connect(m_updater, &Updater::symbolFinished, this, &DataJobs::onSymbolFinished);
    connect(m_updater, &Updater::finished, this, &DataJobs::endUpdate);
    m_updater->start(symbols, false);
}

void DataJobs::onSymbolFinished(const UpdateOutcome &o)
{
    m_progress->setValue(m_progress->value() + 1);
    m_fetching.erase(std::remove_if(m_fetching.begin(), m_fetching.end(),
                                    [&](const auto &f) { return f.first == o.symbol; }),
                     m_fetching.end());
    if (o.ok)
        ++m_updated;
    else if (o.cancelled)
        ++m_cancelledSymbols; // stopped, not failed: no line in the failure report
    else
        m_failures << QStringLiteral("%1: %2").arg(
            o.symbol, o.provider.isEmpty() ? o.error : o.provider + QStringLiteral(": ") + o.error);
    showFetching();
}

// The symbols in flight, each with its attempt: a server that accepts and never answers shows as
// "IWM (attempt 2 of 3)", not as a frozen bar. Short: the reasons of failures go to the report.
void DataJobs::showFetching()
{
    if (m_fetching.empty()) return; // between two symbols, or the end (endUpdate says it)
    QStringList items;
    for (const auto &[symbol, state] : m_fetching)
        items << (state.isEmpty() ? symbol : QStringLiteral("%1 (%2)").arg(symbol, state));
    const int done = m_updated + m_cancelledSymbols + int(m_failures.size());
    m_statusBar->showMessage(QStringLiteral("Update: fetching %1; %2 of %3 done")
                                 .arg(items.join(QStringLiteral(", ")))
                                 .arg(done)
                                 .arg(m_total));
}

void DataJobs::endUpdate()
{
    stopProgress();
    m_updater->deleteLater();
    m_updater = nullptr;
    m_fetching.clear();
    Q_EMIT finished();
    if (m_cancelledSymbols > 0) {
        const QString summary =
            QStringLiteral("Update cancelled: %1 of %2 updated, %3 cancelled")
                .arg(m_updated)
                .arg(counted(m_total, QStringLiteral("symbol"), QStringLiteral("symbols")))
                .arg(m_cancelledSymbols);
        m_statusBar->showMessage(summary, 15000);
        // Only what failed before Cancel is reported; what Cancel stopped is no failure.
        if (!m_failures.isEmpty())
            Q_EMIT failed(QStringLiteral("%1; %2 failed before, the cache keeps what it had for "
                                         "them.")
                              .arg(summary)
                              .arg(m_failures.size()),
                          m_failures.join(QLatin1Char('\n')));
        return;
    }
    if (m_failures.isEmpty()) {
        m_statusBar->showMessage(QStringLiteral("Update finished"), 5000);
        return;
    }
    const QString summary =
        QStringLiteral("Update: %1 of %2 failed")
            .arg(m_failures.size())
            .arg(counted(m_total, QStringLiteral("symbol"), QStringLiteral("symbols")));
    m_statusBar->showMessage(summary, 15000);
    Q_EMIT failed(summary + QStringLiteral("; the cache keeps what it had for them."),
                  m_failures.join(QLatin1Char('\n')));
}

void DataJobs::import(const QStringList &files)
{
    if (!m_db || busy() || refuseReadOnly() || files.isEmpty()) return;
    // Parsing and writing run on a worker thread with its own connection (0.7 s for 26 files):
    // the charts stay live meanwhile.
    m_importer = new StoreWriter(m_db->path(), this);
    const QString head =
        QStringLiteral("Importing %1")
            .arg(counted(int(files.size()), QStringLiteral("file"), QStringLiteral("files")));
    m_statusBar->showMessage(head + QStringLiteral("\u2026"));
    // Reading and writing each file are a step each.
    startProgress(int(files.size()) * 2);
    m_cancel->setToolTip(QStringLiteral("Stop the import; files already written stay"));
    auto cancel = std::make_shared<std::atomic_bool>(false);
    m_cancelImport = cancel;
    connect(m_cancel, &QPushButton::clicked, this, [this, cancel] {
        *cancel = true;
        m_cancel->setEnabled(false);
    });
    auto results = std::make_shared<std::vector<FileImportResult>>();
    m_importResults = results;
    auto openError = std::make_shared<QString>();
    QPointer<DataJobs> self(this);
    const ImportProgress progress = [self, cancel, head](const ImportStep &step) {
        // Cancel is read before the step is said: a step shown in the status bar is one the
        // worker goes on with.
        if (*cancel) return false;
        const bool reading = step.stage == ImportStep::Stage::Reading;
        const QString text =
            QStringLiteral("%1: %2 %3 of %4, %5")
                .arg(head, reading ? QStringLiteral("reading") : QStringLiteral("writing"))
                .arg(step.index + 1)
                .arg(step.total)
                .arg(QFileInfo(step.path).fileName());
        const int value = (reading ? 0 : step.total) + step.index;
        // Posted to the application object, which outlives the job: the worker never touches
        // this object, which may be gone; the GUI thread checks it before it says the step.
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, text, value] {
                if (!self || !self->m_importer) return;
                self->m_progress->setValue(value);
                self->m_statusBar->showMessage(text);
            },
            Qt::QueuedConnection);
        return true;
    };
    m_importer->run(
        [files, results, openError, progress](Database *db, const QString &error) {
            if (!db) {
                *openError = error;
                return;
            }
            PriceStore store(*db);
            *results = importFiles(store, files, {}, CsvImporter(), progress);
        },
        [this, files, openError] { endImport(files, *openError); });
}

void DataJobs::endImport(const QStringList &files, const QString &openError)
{
    stopProgress();
    m_importer->deleteLater();
    m_importer = nullptr;
    if (!openError.isEmpty()) {
        m_statusBar->showMessage(QStringLiteral("Import failed"), 15000);
        Q_EMIT failed(QStringLiteral("Import failed"), openError);
        return;
    }
    QStringList errors;
    QStringList warnings;
    int rows = 0, written = 0, cancelled = 0;
    for (const FileImportResult &r : *m_importResults) {
        if (r.error) errors << r.error->toString();
        if (r.cancelled) ++cancelled;
        if (!r.error && !r.cancelled) ++written;
        for (const WriteSummary &s : r.summaries) {
            rows += s.added + s.changed;
            for (const QString &w : s.warnings)
                warnings << QStringLiteral("%1: %2").arg(r.path, w);
        }
    }
    m_importResults.reset();
    Q_EMIT finished();
    QString summary;
    if (cancelled > 0)
        summary =
            QStringLiteral("Import cancelled: %1 of %2 written (%3 added or changed), %4 "
                           "not written")
                .arg(written)
                .arg(counted(int(files.size()), QStringLiteral("file"), QStringLiteral("files")),
                     counted(rows, QStringLiteral("row"), QStringLiteral("rows")))
                .arg(cancelled);
    else if (errors.isEmpty())
        summary =
            QStringLiteral("Imported %1, %2 added or changed")
                .arg(counted(int(files.size()), QStringLiteral("file"), QStringLiteral("files")),
                     counted(rows, QStringLiteral("row"), QStringLiteral("rows")));
    const QString check =
        warnings.isEmpty()
            ? QString()
            : QStringLiteral("; check the data: %1").arg(warnings.join(QStringLiteral("; ")));
    if (errors.isEmpty()) {
        summary += check;
        m_statusBar->showMessage(summary, cancelled > 0 || !warnings.isEmpty() ? 15000 : 5000);
        // Written, but it looks wrong: said as the command line says it, not only in the log.
        if (!warnings.isEmpty()) Q_EMIT failed(summary, warnings.join(QLatin1Char('\n')));
        return;
    }
    const QString refused = refusedFiles(int(errors.size()), int(files.size()));
    summary = (summary.isEmpty() ? refused : summary + QStringLiteral("; ") + refused) + check;
    m_statusBar->showMessage(summary, 15000);
    Q_EMIT failed(summary, (errors + warnings).join(QLatin1Char('\n')));
}

} // namespace indexlens
