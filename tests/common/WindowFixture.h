// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "charts/ChartView.h"
#include "core/AppSettings.h"
#include "DateField.h"
#include "import/ImportBatch.h"
#include "MainWindow.h"
#include "storage/PriceStore.h"
#include "TestCommon.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSqlQuery>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>

// What the window suites share (issue #26): the cache of a suite or of one test, the test's own
// window, and the hands of a user (a drag, a right click, typing). Header-only: the window suites
// link the UI library, the model's common test library does not.
namespace indexlens::test {

// The settings file (and so the data folder) beside the cache of `temp`, and no modal dialogs.
inline void useSettingsBeside(const TempDatabase &temp)
{
    qputenv("INDEXLENS_SETTINGS", (temp.dir() + QStringLiteral("/settings.ini")).toUtf8());
    qputenv("INDEXLENS_NO_DIALOGS", "1");
}

// The cache of a window suite: the suite's own settings file beside it, no modal dialogs, and the
// synthetic files named ("yahoo/IWM.csv") imported. The first refused file, or an empty string.
inline QString prepareWindowCache(TempDatabase &temp, const QStringList &files)
{
    useSettingsBeside(temp);
    QStringList paths;
    for (const QString &file : files)
        paths << syntheticDataDir() + QLatin1Char('/') + file;
    PriceStore store(temp.db());
    for (const auto &r : importFiles(store, paths, {}))
        if (r.error) return r.path;
    return {};
}

// A main window on `db` at `size`, shown and exposed, from the default view: no study kept by
// the test before (its recovery file goes).
inline std::unique_ptr<MainWindow> openWindow(const QString &db, const QSize &size)
{
    QFile::remove(QDir(appDataFolder()).filePath(QStringLiteral("recovery.json")));
    auto window = std::make_unique<MainWindow>(db);
    window->resize(size);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get())) return nullptr;
    return window;
}

// The synthetic files of the pair window's suites: two funds, two yields, and two indices of
// month ends from 1979 (one of them a close-only file).
inline QStringList pairWindowFiles()
{
    return {QStringLiteral("yahoo/IWM.csv"),   QStringLiteral("yahoo/SPY.csv"),
            QStringLiteral("fred/DGS10.csv"),  QStringLiteral("fred/DGS2.csv"),
            QStringLiteral("yahoo/^GSPC.csv"), QStringLiteral("close-only/^IXIC.csv")};
}

// One test's world: a folder of its own with its settings file, its data folder (the study's
// recovery copy) and its cache, a copy of the suite's files imported once; and a main window on
// that cache, made only when the test asks for one. setUp() from the suite's init(), tearDown()
// from its cleanup(): no test sees what another one saved, and none cleans up by hand.
class WindowFixture {
public:
    explicit WindowFixture(QStringList files = pairWindowFiles()) : m_files(std::move(files)) {}
    WindowFixture(const WindowFixture &) = delete;
    WindowFixture &operator=(const WindowFixture &) = delete;
    ~WindowFixture() { tearDown(); }

    // A new folder, cache and settings file; fails the test when a file was refused. The files
    // are imported once, into a template whose copy is each test's cache.
    void setUp()
    {
        tearDown();
        if (!m_template) {
            m_template = std::make_unique<TempDatabase>();
            m_refused = prepareWindowCache(*m_template, m_files);
            // Everything in the file itself, nothing in its write-ahead log: what a copy needs.
            QSqlQuery checkpoint(m_template->db().connection());
            if (!checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")) ||
                !checkpoint.next() || checkpoint.value(0).toInt() != 0)
                m_refused = QStringLiteral("the template cache could not be checkpointed");
        }
        QVERIFY2(m_refused.isEmpty(), qPrintable(m_refused));
        m_temp = std::make_unique<TempDatabase>(m_template->path());
        useSettingsBeside(*m_temp);
    }

    // The window first (it holds connections to the cache), then the folder; the providers'
    // addresses a test pointed at its own server go with them.
    void tearDown()
    {
        m_window.reset();
        m_temp.reset();
        for (const char *name : {"INDEXLENS_YAHOO_BASE", "INDEXLENS_TREASURY_BASE",
                                 "INDEXLENS_FRED_BASE", "INDEXLENS_FRED_API_BASE"})
            qunsetenv(name);
    }

    TempDatabase &cache() { return *m_temp; }
    QString path() const { return m_temp->path(); }
    QString dir() const { return m_temp->dir(); }

    // The test's window at `size`, shown and exposed, made on the first call; null when it could
    // not be shown.
    MainWindow *window(const QSize &size = QSize(1600, 1100))
    {
        if (!m_window) m_window = openWindow(path(), size);
        return m_window.get();
    }

    // The window on the pair most tests start from: IWM against SPY, with DGS10; null when the
    // window could not be shown or the pair not picked.
    MainWindow *pairWindow()
    {
        MainWindow *window = this->window();
        if (!window) return nullptr;
        window->pick(QStringLiteral("IWM"), QStringLiteral("SPY"), {QStringLiteral("DGS10")});
        return window->pair() ? window : nullptr;
    }

    // The next session's window on the same cache and settings in place of the test's window,
    // which goes once the new one is made (close it first to keep its session). Not shown.
    MainWindow &nextSession()
    {
        m_window = std::make_unique<MainWindow>(path());
        return *m_window;
    }

private:
    QStringList m_files;
    std::unique_ptr<TempDatabase> m_template;
    QString m_refused;
    std::unique_ptr<TempDatabase> m_temp;
    std::unique_ptr<MainWindow> m_window;
};

// How many trading days of the window's pair lie between `a` and `b`.
inline int tradingDayDistance(const MainWindow &window, const QDate &a, const QDate &b)
{
    const auto &dates = window.pair()->dates();
    const auto ia = std::lower_bound(dates.begin(), dates.end(), a) - dates.begin();
    const auto ib = std::lower_bound(dates.begin(), dates.end(), b) - dates.begin();
    return int(std::abs(ia - ib));
}

// A left-button drag from `start` to `end` in `steps` moves, as a hand makes it.
inline void dragAcross(QWidget *widget, const QPoint &start, const QPoint &end, int steps)
{
    QTest::mousePress(widget, Qt::LeftButton, {}, start);
    for (int i = 1; i <= steps; ++i)
        QTest::mouseMove(widget, start + (end - start) * i / steps);
    QTest::mouseRelease(widget, Qt::LeftButton, {}, end);
}

// Replaces a field's text as a user does: select all, type.
inline void retype(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

// Clicks the field, selects its text and types `text` and Enter, as a user does.
inline void typeDate(DateField *field, const QString &text)
{
    QLineEdit *edit = field->lineEdit();
    QTest::mouseClick(edit, Qt::LeftButton);
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

// Answers the question box named `name` that a click is about to open (it runs its own event
// loop): clicks `button` in it once it shows, and keeps its text in `asked`.
inline void answerQuestion(QObject *context, const QString &name,
                           QMessageBox::StandardButton button, QString *asked)
{
    auto *timer = new QTimer(context);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, name, button, asked] {
        for (QWidget *top : QApplication::topLevelWidgets()) {
            auto *box = qobject_cast<QMessageBox *>(top);
            if (!box || box->objectName() != name || !box->isVisible()) continue;
            *asked = box->text();
            timer->deleteLater();
            QTest::mouseClick(box->button(button), Qt::LeftButton);
            return;
        }
    });
    timer->start(20);
}

// Right-clicks `pos` in `view` and hands the context menu that comes up to `act`, then closes it.
// A QContextMenuEvent is what the window makes of a right press: QTest sends mouse events
// straight to the widget, past the QWidgetWindow that turns a right press into this event.
inline void onContextMenu(ChartView *view, const QPoint &pos,
                          const std::function<void(QMenu &)> &act)
{
    QTimer::singleShot(100, view, [&act] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu) return;
        act(*menu);
        menu->close();
    });
    QContextMenuEvent event(QContextMenuEvent::Mouse, pos, view->viewport()->mapToGlobal(pos));
    QApplication::sendEvent(view->viewport(), &event); // returns when the menu closed
}

// Triggers the context menu's first entry; returns its text (empty when no menu came up).
inline QString chooseFirstMenuEntry(ChartView *view, const QPoint &pos)
{
    QString chosen;
    onContextMenu(view, pos, [&chosen](QMenu &menu) {
        chosen = menu.actions().value(0)->text();
        menu.actions().value(0)->trigger();
    });
    return chosen;
}

// The same for the entry named `action` (its objectName); its text.
inline QString chooseMenuEntry(ChartView *view, const QPoint &pos, const QString &action)
{
    QString chosen;
    onContextMenu(view, pos, [&chosen, &action](QMenu &menu) {
        for (QAction *entry : menu.actions())
            if (entry->objectName() == action) {
                chosen = entry->text();
                entry->trigger();
            }
    });
    return chosen;
}

} // namespace indexlens::test
