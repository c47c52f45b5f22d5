// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

#include <functional>

class QMainWindow;

namespace indexlens {

class StudySession;
class WindowActions;

// The window's side of the study document (issue #23): File > New study, Open, Open recent,
// Example studies, Save and Save as; the title bar ("NAME* - IndexLens" while unsaved); and the
// question before unsaved changes are dropped. The rules (what is saved, what is modified) are
// StudySession's.
class StudyFiles : public QObject {
    Q_OBJECT
public:
    using Message = std::function<void(const QString &text, int timeoutMs)>;
    using Error = std::function<void(const QString &message)>;
    StudyFiles(StudySession &study, WindowActions &actions, QMainWindow *window, Message status,
               Error error);

    // Asks to save unsaved changes worth asking about; false when the user cancels (or the save
    // fails), and nothing may be dropped.
    bool confirmDiscard();
    // Opens `path` (after confirmDiscard unless `ask` is false: asked already); false when it
    // cannot (the error said).
    bool openPath(const QString &path, bool ask = true);
    // Opens an example study of the application as an untitled copy.
    bool openExample(const QString &resource);
    bool save();
    bool saveAs();
    bool saveTo(const QString &path);

    static QStringList recentStudies();

private:
    void updateTitle();
    void remember(const QString &path);
    void fillRecent();
    void fillExamples();
    void newStudy();
    void open();

    StudySession &m_study;
    WindowActions &m_actions;
    QMainWindow *m_window;
    Message m_status;
    Error m_error;
};

} // namespace indexlens
