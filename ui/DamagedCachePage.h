// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;

namespace indexlens {

// What the window shows instead of the charts once a read found the cache damaged (issue #21):
// which file, what SQLite said, that nothing more is written into it, and a button that moves it
// aside and starts a new, empty cache. Never "No prices in the cache yet": that would invite an
// Update into a damaged file.
class DamagedCachePage : public QWidget {
    Q_OBJECT
public:
    explicit DamagedCachePage(QWidget *parent = nullptr);
    void show(const QString &path, const QString &message);
    // Asks, in a dialog over the window, whether to move the file aside now; false without asking
    // when the window is hidden or dialogs are off (INDEXLENS_NO_DIALOGS, for tests).
    bool askToMoveAside(const QString &path, const QString &message);

Q_SIGNALS:
    void moveAsideRequested();

private:
    QLabel *m_text;
};

} // namespace indexlens
