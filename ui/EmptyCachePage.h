// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

namespace indexlens {

// What the window shows while the cache holds no prices: the default set to download, or files
// to import.
class EmptyCachePage : public QWidget {
    Q_OBJECT
public:
    explicit EmptyCachePage(QWidget *parent = nullptr);

Q_SIGNALS:
    void updateRequested();
    void importRequested();
};

} // namespace indexlens
