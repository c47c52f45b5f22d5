// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Figure.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <vector>

namespace indexlens {

// A study (issue #23): a note's exhibits in one JSON file (*.indexlens), the document the window
// edits and saves and `indexlens render` draws again. The schema is in the README ("Studies").
struct Study {
    static constexpr int kVersion = 1; // the newest version this build reads and writes

    QString title;
    std::vector<Figure> figures; // the exhibits, in order
    // The window's view: the figure shown, and the index of the exhibit it edits (-1: none, the
    // view is a scratch figure that "Add current view as figure" turns into one).
    Figure view;
    int current = -1;
    QJsonObject unknown; // top-level fields this build does not know, kept on save

    bool operator==(const Study &o) const;
    bool operator!=(const Study &o) const { return !(*this == o); }
};

// The JSON form, keys sorted and indented, so the same study is the same bytes.
QByteArray studyToJson(const Study &study);
// Parses `bytes`; throws UserError naming `fileName` and, for malformed JSON, the line and
// column, for a bad field its path ("figures[2].range.from") and the reason, and for a version
// newer than kVersion that this build cannot read it.
Study studyFromJson(const QByteArray &bytes, const QString &fileName);
Figure figureFromJson(const QJsonObject &object, const QString &where);
QJsonObject figureToJson(const Figure &figure);

// Reads the file (UserError naming it when it cannot).
Study readStudy(const QString &path);
// Writes atomically (QSaveFile): the file is whole or as it was; the previous version is kept
// as PATH.bak. Throws UserError naming the file and the reason.
void writeStudy(const QString &path, const Study &study, bool keepBackup = true);

// A figure's name for the panel, `study list` and render's file names: its title, else its
// subject.
QString figureName(const Figure &figure);
// The exhibit named by `key`: a 1-based position or a title (case-insensitive); -1 when none.
int findFigure(const Study &study, const QString &key);

} // namespace indexlens
