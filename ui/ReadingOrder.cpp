// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReadingOrder.h"

#include <QRadioButton>
#include <QTabBar>

namespace indexlens {

// Tab walks the window as it reads, top to bottom and left to right (issue #24, 5c): the range
// bar (it came last, after the tables), the pickers, the figures panel, the views, the tables.
void setReadingOrder(QWidget *rangeBar, QWidget *pickers, QWidget *figures, QWidget *views,
                     QWidget *tables)
{
    QList<QWidget *> chain;
    const auto add = [&chain](const QObject *in, const char *name) {
        if (auto *w = in->findChild<QWidget *>(QLatin1String(name))) chain << w;
    };
    for (const char *name : {"back", "addPeriod", "rangeFromText", "rangeFromCalendar",
                             "rangeToText", "rangeToCalendar"})
        add(rangeBar, name);
    for (const char *name : {"seriesA", "seriesB", "swap", "rates"})
        add(pickers, name);
    for (QRadioButton *radio : pickers->findChildren<QRadioButton *>())
        chain << radio;
    add(pickers, "logScale");
    for (const char *name :
         {"studyTitle", "figures", "addFigure", "addTable", "removeFigure", "figureCaption"})
        add(figures, name);
    chain << views->findChild<QTabBar *>(QString(), Qt::FindDirectChildrenOnly);
    chain << tables->findChild<QTabBar *>(QString(), Qt::FindDirectChildrenOnly);
    for (const char *name : {"returnsTable", "typedPeriods", "periodsTable", "movesTable"})
        add(tables, name);
    chain.removeAll(nullptr);
    for (qsizetype i = 1; i < chain.size(); ++i)
        QWidget::setTabOrder(chain[i - 1], chain[i]);
}

} // namespace indexlens
