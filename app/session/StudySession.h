// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/Study.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>
#include <vector>

namespace indexlens {

class CompareSession;
class PairSession;

// The open study and the window's place in it (issue #23), without a widget: the document the
// pair and compare sessions edit, its file, whether it has unsaved changes, undo and redo of
// every change, and the copy kept in the data folder so that nothing is lost in a crash.
//
// Rules: the view is the figure shown (the pair and compare sessions' state and the tab). Adding
// the view as a figure takes a snapshot; showing an exhibit makes it current, and while it is
// current changing the view edits it; showing another tab leaves it (the view becomes a scratch
// figure again). Every change is one undo step,
// but a gesture (a burst of wheel notches, a drag of the overview) is one: PairSession says when a
// change continues the one before. Undo and redo restore the whole document, figures and view.
class StudySession : public QObject {
    Q_OBJECT
public:
    StudySession(PairSession &pair, CompareSession &compare, QObject *parent = nullptr);
    ~StudySession() override;

    const Study &study() const { return m_study; }
    QString path() const { return m_path; }
    // "Untitled" or the file's name without its folder.
    QString displayName() const;
    bool modified() const;
    // Asked before closing: unsaved changes a user would miss (a named file, or any exhibit).
    bool worthAsking() const;

    // The view's kind: the tab (Pair, Compare or Sensitivity).
    void setViewKind(FigureKind kind);
    FigureKind viewKind() const { return m_study.view.kind; }

    // A new, empty study; the view stays as it is.
    void newStudy();
    // Opens `path` (UserError naming it; nothing changes then). Returns a note when the view's
    // pick cannot be shown (a symbol not in the cache), the study open all the same.
    std::optional<QString> open(const QString &path);
    // Shows `study` as if opened from `path` (empty: untitled), `modified` or not.
    std::optional<QString> show(const Study &study, const QString &path, bool modified);
    // Writes the file atomically, the previous one kept as .bak; UserError when it cannot
    // (everything stays as it was, the study still unsaved).
    void save();
    void saveAs(const QString &path);

    // Exhibits. addCurrentView() appends the view (a snapshot; returns its index); addTable()
    // appends a table (PeriodsTable, MovesTable or ReturnsTable) of the view's pair or series.
    int addCurrentView();
    int addTable(FigureKind kind, int rows = 10); // rows: of a moves table
    // Shows exhibit `index` in the view (the sessions load it); a note as open() gives.
    std::optional<QString> showFigure(int index);
    int current() const { return m_study.current; }
    void setStudyTitle(const QString &title);
    void renameFigure(int index, const QString &title);
    void setCaption(int index, const QString &caption);
    void moveFigure(int from, int to);
    void removeFigure(int index);

    bool canUndo() const { return !m_undo.empty(); }
    bool canRedo() const { return !m_redo.empty(); }
    bool undo();
    bool redo();

    // Where the open study is kept on every change (empty: nowhere, as in a command). The file
    // holds the study, its path and whether it was modified; recover() reads it back.
    void setRecoveryPath(const QString &path);
    void writeRecovery() const;
    // Shows the study the recovery file holds; false when there is none (or it cannot be read,
    // the reason in `error`).
    bool recover(QString *error = nullptr);

Q_SIGNALS:
    void changed();              // the document: exhibits, title, file, modified mark, undo state
    void viewKindChanged();      // undo or showing an exhibit chose another tab
    void opened();               // another study (New, Open, a recovery): nothing is selected
    void figureShown(int index); // exhibit `index` is in the view (a table: its tab comes up)

private:
    void capture();
    void commit(Study next, bool continues);
    std::optional<QString> apply(const Study &study);
    Figure viewFromSessions() const;
    void edit(const std::function<void(Study &)> &change);

    PairSession &m_pair;
    CompareSession &m_compare;
    Study m_study;
    QString m_path;
    QByteArray m_saved; // the JSON as last opened or saved (empty: never saved)
    std::vector<Study> m_undo, m_redo;
    bool m_applying = false;
    QString m_recoveryPath;
    QTimer m_recoveryTimer;
};

} // namespace indexlens
