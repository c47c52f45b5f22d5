// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace indexlens {

class ComparePanel;
class FiguresPanel;
class StudySession;
class TablesPanel;
class ViewTabs;
class WindowActions;

// The study's links to the window: Add figure and a table's "Add to the study" add to it (and
// show the Figures panel), a figure shown brings its table forward, and the tab in view is the
// view's kind both ways (undo, or showing an exhibit, may choose another tab).
void linkStudy(StudySession *study, WindowActions &actions, FiguresPanel *figures,
               TablesPanel *tables, ComparePanel *compare, ViewTabs *views);

} // namespace indexlens
