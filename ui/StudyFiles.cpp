// SPDX-License-Identifier: GPL-3.0-or-later
#include "StudyFiles.h"

#include "core/AppSettings.h"
#include "core/UserError.h"
#include "FileDialogs.h"
#include "session/StudySession.h"
#include "WindowActions.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>

namespace indexlens {

namespace {

const QString kRecent = QStringLiteral("studies/recent");
constexpr int kMaxRecent = 8;
const QString kFilter = QStringLiteral("IndexLens studies (*.indexlens)");

} // namespace

StudyFiles::StudyFiles(StudySession &study, WindowActions &actions, QMainWindow *window,
                       Message status, Error error)
    : QObject(window), m_study(study), m_actions(actions), m_window(window),
      m_status(std::move(status)), m_error(std::move(error))
{
    connect(actions.newStudy, &QAction::triggered, this, &StudyFiles::newStudy);
    connect(actions.openStudy, &QAction::triggered, this, &StudyFiles::open);
    connect(actions.saveStudy, &QAction::triggered, this, &StudyFiles::save);
    connect(actions.saveStudyAs, &QAction::triggered, this, &StudyFiles::saveAs);
    connect(actions.undo, &QAction::triggered, &study, &StudySession::undo);
    connect(actions.redo, &QAction::triggered, &study, &StudySession::redo);
    connect(&study, &StudySession::changed, this, &StudyFiles::updateTitle);
    fillRecent();
    fillExamples();
    updateTitle();
}

void StudyFiles::updateTitle()
{
    // Qt puts the '*' where "[*]" stands while the window is modified.
    m_window->setWindowTitle(QStringLiteral("%1[*] \u2014 IndexLens").arg(m_study.displayName()));
    m_window->setWindowModified(m_study.modified());
    m_actions.undo->setEnabled(m_study.canUndo());
    m_actions.redo->setEnabled(m_study.canRedo());
}

bool StudyFiles::confirmDiscard()
{
    if (!m_study.worthAsking()) return true;
    // Tests drive the window without dialogs (as DataJobs and DamagedCachePage do).
    if (qEnvironmentVariableIsSet("INDEXLENS_NO_DIALOGS")) return true;
    const auto answer = QMessageBox::question(
        m_window, QStringLiteral("Unsaved study"),
        QStringLiteral("Save the changes to %1?").arg(m_study.displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel) return false;
    if (answer == QMessageBox::Discard) return true;
    return save();
}

void StudyFiles::newStudy()
{
    if (!confirmDiscard()) return;
    m_study.newStudy();
    m_status(QStringLiteral("New study: add the views you want to keep with Ctrl+D"), 5000);
}

void StudyFiles::open()
{
    // Asked before the file dialog, as an editor asks: the unsaved study first.
    if (!confirmDiscard()) return;
    const QStringList files = chooseFilesToOpen(m_window, QStringLiteral("Open study"), kFilter);
    if (!files.isEmpty()) openPath(files.front(), false);
}

bool StudyFiles::openPath(const QString &path, bool ask)
{
    if (ask && !confirmDiscard()) return false;
    try {
        if (const auto note = m_study.open(path)) m_status(*note, 15000);
    } catch (const UserError &e) {
        m_error(e.message());
        return false;
    }
    remember(m_study.path());
    m_status(QStringLiteral("Opened %1: %2 figures")
                 .arg(m_study.path())
                 .arg(m_study.study().figures.size()),
             5000);
    return true;
}

bool StudyFiles::openExample(const QString &resource)
{
    if (!confirmDiscard()) return false;
    try {
        const Study study = readStudy(resource);
        if (const auto note = m_study.show(study, QString(), true)) m_status(*note, 15000);
    } catch (const UserError &e) {
        m_error(e.message());
        return false;
    }
    return true;
}

bool StudyFiles::save()
{
    if (m_study.path().isEmpty()) return saveAs();
    return saveTo(m_study.path());
}

bool StudyFiles::saveAs()
{
    const QString name = m_study.path().isEmpty()
                             ? QDir::home().filePath(QStringLiteral("study.indexlens"))
                             : m_study.path();
    QString path = chooseFileToSave(m_window, QStringLiteral("Save study"), name, kFilter);
    if (path.isEmpty()) return false;
    if (!path.endsWith(QLatin1String(".indexlens"))) path += QStringLiteral(".indexlens");
    return saveTo(path);
}

bool StudyFiles::saveTo(const QString &path)
{
    try {
        m_study.saveAs(path);
    } catch (const UserError &e) {
        m_error(e.message());
        return false;
    }
    remember(m_study.path());
    m_status(QStringLiteral("Saved %1").arg(m_study.path()), 5000);
    return true;
}

QStringList StudyFiles::recentStudies()
{
    return openAppSettings()->value(kRecent).toStringList();
}

void StudyFiles::remember(const QString &path)
{
    QStringList recent = recentStudies();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    openAppSettings()->setValue(kRecent, recent);
    fillRecent();
}

void StudyFiles::fillRecent()
{
    QMenu *menu = m_actions.recentStudies;
    menu->clear();
    const QStringList recent = recentStudies();
    for (const QString &path : recent)
        menu->addAction(QFileInfo(path).fileName(), this, [this, path] { openPath(path); })
            ->setStatusTip(path);
    menu->setEnabled(!recent.isEmpty());
}

void StudyFiles::fillExamples()
{
    const QDir examples(QStringLiteral(":/studies"));
    for (const QFileInfo &file : examples.entryInfoList({QStringLiteral("*.indexlens")})) {
        QString title;
        try {
            title = readStudy(file.filePath()).title;
        } catch (const UserError &) {
            continue; // a build without its examples
        }
        const QString resource = file.filePath();
        m_actions.exampleStudies
            ->addAction(title.isEmpty() ? file.fileName() : title, this,
                        [this, resource] { openExample(resource); })
            ->setStatusTip(QStringLiteral("Open the example as a new, untitled study"));
    }
}

} // namespace indexlens
