// SPDX-License-Identifier: GPL-3.0-or-later
#include "StudyLinks.h"

#include "ComparePanel.h"
#include "FiguresPanel.h"
#include "session/StudySession.h"
#include "TablesPanel.h"
#include "ViewTabs.h"
#include "WindowActions.h"

#include <QAction>

namespace indexlens {

void linkStudy(StudySession *study, WindowActions &actions, FiguresPanel *figures,
               TablesPanel *tables, ComparePanel *compare, ViewTabs *views)
{
    QAction *panel = actions.figuresPanel;
    panel->setChecked(true);
    QObject::connect(panel, &QAction::toggled, figures, &QWidget::setVisible);
    const auto addView = [study, panel] {
        study->addCurrentView();
        panel->setChecked(true);
    };
    QObject::connect(actions.addFigure, &QAction::triggered, study, addView);
    QObject::connect(figures, &FiguresPanel::addViewRequested, study, addView);
    // A table: from the Figures panel, or from the table's own menu.
    const auto addTable = [study, panel](FigureKind kind) {
        study->addTable(kind, TablesPanel::kTopMoves); // the rows the window shows
        panel->setChecked(true);
    };
    QObject::connect(figures, &FiguresPanel::addTableRequested, study, addTable);
    QObject::connect(tables, &TablesPanel::addToStudyRequested, study, addTable);
    QObject::connect(compare, &ComparePanel::addToStudyRequested, study,
                     [addTable] { addTable(FigureKind::ReturnsTable); });
    QObject::connect(study, &StudySession::figureShown, tables, [study, tables](int index) {
        const auto &shown = study->study().figures;
        if (index >= 0 && index < int(shown.size()))
            tables->showTable(shown[std::size_t(index)].kind);
    });
    QObject::connect(views, &QTabWidget::currentChanged, study,
                     [study, views] { study->setViewKind(views->viewKind()); });
    QObject::connect(study, &StudySession::viewKindChanged, views,
                     [study, views] { views->showViewKind(study->viewKind()); });
}

} // namespace indexlens
