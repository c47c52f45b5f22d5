// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/Figure.h"

#include <QWidget>

class QHBoxLayout;
class QLineEdit;
class QListWidget;
class QToolButton;

namespace indexlens {

class StudySession;

// The study's exhibits (issue #23): the list of figures and tables with their titles, in order.
// Click one to show it; double-click (or F2) to rename; drag to reorder; Delete to remove; the
// caption and the study's title below. Every edit goes through StudySession (one undo step).
class FiguresPanel : public QWidget {
    Q_OBJECT
public:
    explicit FiguresPanel(StudySession &study, QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    QLineEdit *caption() const { return m_caption; }
    QLineEdit *studyTitle() const { return m_title; }

Q_SIGNALS:
    void addViewRequested();
    void addTableRequested(indexlens::FigureKind kind);
    void failed(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QHBoxLayout *buildButtons();
    void wireList();
    void refresh();
    void removeSelected();

    StudySession &m_study;
    QLineEdit *m_title;
    QListWidget *m_list;
    QLineEdit *m_caption;
    QToolButton *m_addTable;
    bool m_refreshing = false;
    int m_clicked = -1; // the row clicked last, until another study opens
};

} // namespace indexlens
