// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Catalog.h"
#include "providers/ProviderSettings.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace indexlens {

// Settings → the default instrument set of the first Update, the provider base URLs and API keys,
// where the cache lives, and the compare view's own groups. Written to the settings file (see
// AppSettings.h) on OK.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    // What the fields hold now.
    ProviderSettings providerSettings() const;
    QString cachePath() const;
    QLineEdit *field(const QString &objectName) const;

    // Writes the fields to the settings file.
    void save() const;

    // The user's compare groups: shown as "Name: SYM, SYM" lines; after OK, as parsed (the
    // window gives them to its CompareSession, which keeps them).
    void setCompareGroups(const std::vector<SeriesGroup> &groups);
    const std::vector<SeriesGroup> &compareGroups() const { return m_parsedGroups; }

private:
    void fill(const ProviderSettings &settings, const QString &cachePath);

    ProviderSettings m_loaded; // overrides and concurrency, kept as they were
    QPlainTextEdit *m_groups = nullptr;
    QLabel *m_groupsError = nullptr;
    std::vector<SeriesGroup> m_parsedGroups;
};

} // namespace indexlens
