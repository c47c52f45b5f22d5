// SPDX-License-Identifier: GPL-3.0-or-later
// What the window says of itself (issue #15): Help's user guide and shortcut list, and a status tip
// or tooltip on every action and control.
#include "charts/ChartView.h"
#include "ExportDialog.h"
#include "MainWindow.h"
#include "SettingsDialog.h"
#include "TablesPanel.h"
#include "TestCommon.h"
#include "WindowFixture.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QTest>
#include <QTextBrowser>

using namespace indexlens;
using namespace indexlens::test;

class TestWindowHelp : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() { m_fx.setUp(); }
    void cleanup() { m_fx.tearDown(); }
    void helpShowsTheGuideAndEveryShortcut();
    void everyControlSaysWhatItDoes();

private:
    WindowFixture m_fx;
};

// Issue #15: Help > User guide (F1) and Help > Keyboard shortcuts, each in a window of its own;
// the shortcut list is read from the window, so every key an action or a button has is in it.
void TestWindowHelp::helpShowsTheGuideAndEveryShortcut()
{
    MainWindow *w = m_fx.pairWindow();
    QVERIFY(w);
    QTest::keyClick(w, Qt::Key_F1);
    auto *guide = w->findChild<QDialog *>(QStringLiteral("userGuide"));
    QVERIFY(guide);
    QTRY_VERIFY(guide->isVisible());
    const QString text = guide->findChild<QTextBrowser *>()->toPlainText();
    for (const char *section : {"Picking series", "Ranges", "The four charts", "Tables", "Export",
                                "Update and import", "Keyboard shortcuts"})
        QVERIFY2(text.contains(QLatin1String(section)), section);
    QVERIFY(!text.contains(QStringLiteral("{{shortcuts}}")));

    QTest::keyClick(w, Qt::Key_Slash, Qt::ControlModifier);
    auto *list = w->findChild<QDialog *>(QStringLiteral("shortcuts"));
    QVERIFY(list);
    QTRY_VERIFY(list->isVisible());
    const QString shortcuts = list->findChild<QTextBrowser *>()->toPlainText();
    int keys = 0;
    for (const QAction *action : w->findChildren<QAction *>())
        for (const QKeySequence &k : action->shortcuts()) {
            ++keys;
            QVERIFY2(shortcuts.contains(k.toString(QKeySequence::NativeText)),
                     qPrintable(action->text() + QStringLiteral(": ") + k.toString()));
        }
    QVERIFY2(keys >= 20, qPrintable(QString::number(keys)));
    for (const char *preset : {"Ctrl+1", "Ctrl+9", "Ctrl+E", "Del", "F1"})
        QVERIFY2(shortcuts.contains(QLatin1String(preset)), preset);
    guide->close();
    list->close();
}

// Issue #15: every menu action says in the status bar what it does, and every button, picker
// and field of the window (on each of its tabs) has a tooltip.
void TestWindowHelp::everyControlSaysWhatItDoes()
{
    MainWindow *w = m_fx.pairWindow();
    QVERIFY(w);
    QStringList silent;
    std::function<void(const QList<QAction *> &)> walk = [&](const QList<QAction *> &actions) {
        for (const QAction *action : actions) {
            if (action->isSeparator()) continue;
            if (action->menu()) {
                walk(action->menu()->actions());
                continue;
            }
            if (action->statusTip().isEmpty()) silent << action->text();
        }
    };
    walk(w->menuBar()->actions());
    // The charts' context menus too: the rebased chart's and the compare view's.
    const auto menuOf = [&walk](ChartView *view) {
        onContextMenu(view, view->plotArea().center().toPoint(),
                      [&walk](QMenu &menu) { walk(menu.actions()); });
    };
    menuOf(w->chartView(ChartKind::Rebased));
    w->showView(1);
    QApplication::processEvents();
    menuOf(w->findChild<ChartView *>(QStringLiteral("compareChart")));
    QVERIFY2(silent.isEmpty(),
             qPrintable(QStringLiteral("no status tip: ") + silent.join(QStringLiteral(", "))));
    for (int tab = 0; tab < 4; ++tab) {
        w->showView(std::min(tab, 2));
        w->tables()->setCurrentIndex(tab == 3 ? 2 : 0); // the moves tab has its ranking
        QApplication::processEvents();
        for (QWidget *widget : w->findChildren<QWidget *>()) {
            const bool control =
                qobject_cast<QAbstractButton *>(widget) || qobject_cast<QComboBox *>(widget) ||
                qobject_cast<QAbstractSpinBox *>(widget) || qobject_cast<QListWidget *>(widget);
            if (!control || !widget->isVisible() || widget->window() != w) continue;
            if (qobject_cast<QAbstractButton *>(widget) && widget->parent() &&
                widget->parent()->inherits("QAbstractScrollArea"))
                continue; // a table's corner button or a scroll arrow
            if (widget->toolTip().isEmpty())
                silent << QStringLiteral("%1 '%2' (%3)")
                              .arg(QString::fromLatin1(widget->metaObject()->className()),
                                   widget->objectName(), widget->property("text").toString());
        }
    }
    w->showView(0);
    // The dialogs' fields too (OK and Cancel say what they do).
    SettingsDialog settings;
    ExportDialog exportDialog(std::nullopt);
    for (QDialog *dialog :
         {static_cast<QDialog *>(&settings), static_cast<QDialog *>(&exportDialog)})
        for (QWidget *widget : dialog->findChildren<QWidget *>()) {
            const bool field =
                qobject_cast<QAbstractButton *>(widget) || qobject_cast<QComboBox *>(widget) ||
                qobject_cast<QAbstractSpinBox *>(widget) || qobject_cast<QLineEdit *>(widget) ||
                qobject_cast<QPlainTextEdit *>(widget);
            if (!field || qobject_cast<QDialogButtonBox *>(widget->parent()) ||
                qobject_cast<QAbstractSpinBox *>(widget->parent()) ||
                qobject_cast<QComboBox *>(widget->parent()))
                continue; // a spin box's or combo's own line edit
            if (widget->toolTip().isEmpty())
                silent << QStringLiteral("%1 '%2'").arg(
                    QString::fromLatin1(widget->metaObject()->className()), widget->objectName());
        }
    QVERIFY2(silent.isEmpty(),
             qPrintable(QStringLiteral("no tooltip: ") + silent.join(QStringLiteral(", "))));
}

QTEST_MAIN(TestWindowHelp)
#include "tst_window_help.moc"
