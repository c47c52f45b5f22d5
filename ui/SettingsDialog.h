// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Catalog.h"
#include "providers/ProviderSettings.h"

#include <QDialog>

#include <functional>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace indexlens {

// Settings → the default instrument set of the first Update, the provider base URLs and API keys,
// where the cache lives, and the compare view's own groups. Written to the settings file (see
// AppSettings.h) on OK. OK refuses what cannot work (ProviderSettings::problems,
// cachePathProblem): the dialog stays open, each such field is marked and the message under the
// fields names it with the reason; a cache folder that does not exist is created only when the
// user says so.
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

    // Asks whether to create the cache's missing folder; true: create it. The default asks with
    // a QMessageBox named "createCacheFolder".
    void setFolderQuestion(std::function<bool(const QString &folder)> ask)
    {
        m_askCreateFolder = std::move(ask);
    }

    // The user's compare groups: shown as "Name: SYM, SYM" lines; after OK, as parsed (the
    // window gives them to its CompareSession, which keeps them).
    void setCompareGroups(const std::vector<SeriesGroup> &groups);
    const std::vector<SeriesGroup> &compareGroups() const { return m_parsedGroups; }

private:
    void fill(const ProviderSettings &settings, const QString &cachePath);
    void addGroupsAndButtons(QFormLayout *form);
    void onOk();
    // The fields' problems, each field marked; false when there is one (the message shown).
    bool checkFields();
    bool askCreateFolder(const QString &folder);
    void showProblems(const std::vector<SettingsProblem> &problems);

    ProviderSettings m_loaded; // overrides, kept as they were
    QPlainTextEdit *m_groups = nullptr;
    QLabel *m_groupsError = nullptr;
    QLabel *m_problems = nullptr;
    std::function<bool(const QString &)> m_askCreateFolder;
    std::vector<SeriesGroup> m_parsedGroups;
};

} // namespace indexlens
