// SPDX-License-Identifier: GPL-3.0-or-later
#include "HelpWindows.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QDialog>
#include <QFile>
#include <QMenu>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <set>

namespace indexlens {

namespace {

QString plainText(QString text)
{
    text.remove(QLatin1Char('&'));
    text.remove(QChar(0x2026)); // "Export charts…"
    return text.trimmed();
}

QString keysOf(const QList<QKeySequence> &sequences)
{
    QStringList keys;
    for (const QKeySequence &k : sequences)
        if (!k.isEmpty()) keys << k.toString(QKeySequence::NativeText);
    return keys.join(QStringLiteral(", "));
}

// Where an action works: its menu, else the kind of widget that holds it.
QString placeOf(const QAction *action)
{
    for (const QObject *object : action->associatedObjects())
        if (const auto *menu = qobject_cast<const QMenu *>(object))
            if (!menu->title().isEmpty()) return plainText(menu->title()) + QStringLiteral(" menu");
    if (const auto *view = qobject_cast<const QAbstractItemView *>(action->parent()))
        return view->accessibleName().isEmpty()
                   ? QStringLiteral("the focused table or list")
                   : view->accessibleName() + QStringLiteral(" (focused)");
    return QStringLiteral("the window");
}

QString row(const QString &keys, const QString &what, const QString &where)
{
    return QStringLiteral("| %1 | %2 | %3 |\n").arg(keys, what, where);
}

} // namespace

QString shortcutsText(const QWidget *window)
{
    QString table = QStringLiteral("| Keys | Does | Where |\n|---|---|---|\n");
    std::set<std::pair<QString, QString>> listed; // the same action in several tables: once
    for (const QAction *action : window->findChildren<QAction *>()) {
        const QString keys = keysOf(action->shortcuts());
        const QString what = plainText(action->text());
        if (keys.isEmpty() || !listed.insert({keys, what}).second) continue;
        table += row(keys, what, placeOf(action));
    }
    for (const QAbstractButton *button : window->findChildren<QAbstractButton *>()) {
        const QString keys = keysOf({button->shortcut()});
        if (keys.isEmpty()) continue;
        table += row(keys, button->toolTip().section(QStringLiteral(" ("), 0, 0),
                     QStringLiteral("range bar (%1)").arg(plainText(button->text())));
    }
    table += QStringLiteral("\n| Mouse | Does |\n|---|---|\n"
                            "| Drag across a chart | Show that range on every chart |\n"
                            "| Wheel over a chart | Zoom around the pointer |\n"
                            "| Drag the overview's window | Pan through the history |\n"
                            "| Right-click a chart | Rebase here, add a day or the range, copy "
                            "or export the chart |\n"
                            "| Right-click a table | Copy or export it as CSV, delete rows |\n"
                            "| Click a column header | Sort the table |\n");
    return table;
}

QString userGuideText(const QWidget *window)
{
    QFile file(QStringLiteral(":/indexlens/help/user-guide.md"));
    if (!file.open(QIODevice::ReadOnly)) return QStringLiteral("The user guide is missing.");
    return QString::fromUtf8(file.readAll())
        .replace(QStringLiteral("{{shortcuts}}"), shortcutsText(window));
}

void showHelpWindow(QWidget *window, const QString &objectName, const QString &title,
                    const QString &markdown)
{
    auto *dialog = window->findChild<QDialog *>(objectName);
    if (!dialog) {
        dialog = new QDialog(window);
        dialog->setObjectName(objectName);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->resize(720, 640);
        auto *text = new QTextBrowser;
        text->setOpenExternalLinks(true);
        auto *layout = new QVBoxLayout(dialog);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(text);
    }
    dialog->setWindowTitle(title);
    dialog->findChild<QTextBrowser *>()->setMarkdown(markdown);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

} // namespace indexlens
