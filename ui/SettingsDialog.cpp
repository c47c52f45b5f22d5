// SPDX-License-Identifier: GPL-3.0-or-later
#include "SettingsDialog.h"

#include "core/AppSettings.h"
#include "core/UserError.h"
#include "FileDialogs.h"
#include "session/CompareSession.h"
#include "storage/Database.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>

namespace indexlens {

namespace {
struct UrlField {
    const char *name;
    const char *label;
    QString ProviderSettings::*member;
};
const UrlField kUrlFields[] = {
    {"yahooBase", "Yahoo Finance", &ProviderSettings::yahooBase},
    {"yahooCookieUrl", "Yahoo cookie page", &ProviderSettings::yahooCookieUrl},
    {"treasuryBase", "US Treasury", &ProviderSettings::treasuryBase},
    {"fredBase", "FRED (keyless CSV)", &ProviderSettings::fredBase},
    {"fredApiBase", "FRED API", &ProviderSettings::fredApiBase},
    {"stooqBase", "Stooq", &ProviderSettings::stooqBase},
};
// A red line under the fields, hidden until there is something to say.
QLabel *problemLabel(const QString &name)
{
    auto *label = new QLabel;
    label->setObjectName(name);
    label->setStyleSheet(QStringLiteral("color: #c0392b"));
    label->setWordWrap(true);
    label->hide();
    return label;
}
} // namespace

SettingsDialog::SettingsDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(QStringLiteral("Settings"));
    auto *form = new QFormLayout(this);
    auto add = [&](const QString &name, const QString &label, bool secret = false) {
        auto *edit = new QLineEdit;
        edit->setObjectName(name);
        edit->setMinimumWidth(420);
        if (secret) edit->setEchoMode(QLineEdit::PasswordEchoOnEdit);
        form->addRow(label, edit);
        return edit;
    };
    add(QStringLiteral("defaultSet"), QStringLiteral("Default set (first Update)"))
        ->setToolTip(QStringLiteral("Symbols, separated by commas"));
    add(QStringLiteral("concurrency"), QStringLiteral("Symbols at a time"))
        ->setToolTip(QStringLiteral("How many symbols Update fetches at the same time (%1 to %2)")
                         .arg(ProviderSettings::kMinConcurrency)
                         .arg(ProviderSettings::kMaxConcurrency));
    auto *cache = add(QStringLiteral("cachePath"), QStringLiteral("Cache file"));
    cache->setToolTip(QStringLiteral("The SQLite cache the window and every command use "
                                     "(INDEXLENS_DB or --db win over it)"));
    auto *browse = new QPushButton(QStringLiteral("Choose\u2026"));
    browse->setToolTip(QStringLiteral("Choose the cache file"));
    form->addRow(QString(), browse);
    connect(browse, &QPushButton::clicked, this, [this, cache] {
        const QString path = chooseFileToSave(this, QStringLiteral("Cache file"), cache->text(),
                                              QStringLiteral("SQLite files (*.sqlite)"), false);
        if (!path.isEmpty()) cache->setText(path);
    });
    form->addRow(new QLabel(QStringLiteral("<b>Providers</b> (base URLs; the environment's "
                                           "INDEXLENS_*_BASE variables win over these)")));
    for (const UrlField &f : kUrlFields)
        add(QLatin1String(f.name), QLatin1String(f.label))
            ->setToolTip(QStringLiteral("Where %1 is asked; another address for a mirror or a "
                                        "test server")
                             .arg(QLatin1String(f.label)));
    QLineEdit *fredKey = add(QStringLiteral("fredApiKey"), QStringLiteral("FRED API key"), true);
    fredKey->setPlaceholderText(
        QStringLiteral("free at fred.stlouisfed.org/docs/api/api_key.html"));
    fredKey->setToolTip(QStringLiteral("With a key, rates come from the FRED API; without, from "
                                       "FRED's keyless CSV. Kept in a file only you can read"));
    add(QStringLiteral("stooqApiKey"), QStringLiteral("Stooq API key"), true)
        ->setToolTip(QStringLiteral("Stooq asks for a key for its CSV downloads. Kept in a file "
                                    "only you can read"));

    addGroupsAndButtons(form);

    const auto settings = openAppSettings();
    m_loaded = ProviderSettings::load(*settings, /*withEnvironment=*/false);
    fill(m_loaded, settings->value(QStringLiteral("cache/path")).toString());
}

void SettingsDialog::addGroupsAndButtons(QFormLayout *form)
{
    // The compare view's own groups, beside the catalog's (issue #13): a line each.
    m_groups = new QPlainTextEdit;
    m_groups->setObjectName(QStringLiteral("compareGroups"));
    m_groups->setPlaceholderText(QStringLiteral("Small value: IWN, IJS, VBR\nTech: QQQ, XLK, SMH"));
    m_groups->setToolTip(QStringLiteral("A group per line, \"Name: SYM, SYM, ...\" (2 to 8 "
                                        "symbols); the compare view's group list offers them"));
    m_groups->setFixedHeight(m_groups->fontMetrics().height() * 5 + 12);
    form->addRow(QStringLiteral("Compare groups"), m_groups);
    m_groupsError = problemLabel(QStringLiteral("compareGroupsError"));
    form->addRow(QString(), m_groupsError);
    m_problems = problemLabel(QStringLiteral("settingsProblems"));
    form->addRow(m_problems);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel |
                                         QDialogButtonBox::RestoreDefaults);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::onOk);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] { fill(ProviderSettings(), QString()); });
}

void SettingsDialog::onOk()
{
    if (!checkFields()) return;
    // A line that is not a group keeps the dialog open, the line named.
    try {
        m_parsedGroups = CompareSession::parseGroups(m_groups->toPlainText());
    } catch (const UserError &e) {
        m_groupsError->setText(e.message());
        m_groupsError->show();
        return;
    }
    m_groupsError->hide();
    // The keys as they are saved: a pasted key's stray space or newline is not part of it.
    for (const char *key : {"fredApiKey", "stooqApiKey"})
        field(QLatin1String(key))->setText(field(QLatin1String(key))->text().trimmed());
    save();
    accept();
}

bool SettingsDialog::checkFields()
{
    std::vector<SettingsProblem> problems = providerSettings().problems();
    bool isNumber = false;
    field(QStringLiteral("concurrency"))->text().trimmed().toInt(&isNumber);
    if (!isNumber)
        problems.push_back({QStringLiteral("concurrency"),
                            QStringLiteral("\"%1\" is not a whole number")
                                .arg(field(QStringLiteral("concurrency"))->text()),
                            {}});
    if (auto cache = cachePathProblem(cachePath())) {
        // The one problem the user may mend from here; the folder only with their yes.
        if (cache->missingFolder.isEmpty() || !askCreateFolder(cache->missingFolder) ||
            !QDir().mkpath(cache->missingFolder))
            problems.push_back(*cache);
    }
    showProblems(problems);
    return problems.empty();
}

bool SettingsDialog::askCreateFolder(const QString &folder)
{
    if (m_askCreateFolder) return m_askCreateFolder(folder);
    QMessageBox box(QMessageBox::Question, QStringLiteral("Cache file"),
                    QStringLiteral("The folder %1 does not exist. Create it?")
                        .arg(QDir::toNativeSeparators(folder)),
                    QMessageBox::Yes | QMessageBox::No, this);
    box.setObjectName(QStringLiteral("createCacheFolder"));
    box.setDefaultButton(QMessageBox::No);
    return box.exec() == QMessageBox::Yes;
}

// Marks the fields that cannot work (a red frame, the property "problem" for tests and styles),
// puts the cursor in the first, and says each with its field's label.
void SettingsDialog::showProblems(const std::vector<SettingsProblem> &problems)
{
    auto *form = qobject_cast<QFormLayout *>(layout());
    for (QLineEdit *edit : findChildren<QLineEdit *>()) {
        edit->setProperty("problem", false);
        edit->setStyleSheet(QString());
    }
    QStringList lines;
    for (const SettingsProblem &p : problems) {
        QLineEdit *edit = field(p.field);
        if (!edit) continue;
        auto *label = qobject_cast<QLabel *>(form->labelForField(edit));
        lines << QStringLiteral("%1: %2").arg(label ? label->text() : p.field, p.reason);
        edit->setProperty("problem", true);
        edit->setStyleSheet(QStringLiteral("QLineEdit { border: 2px solid #c0392b; }"));
        if (lines.size() == 1) edit->setFocus();
    }
    m_problems->setText(lines.join(QLatin1Char('\n')));
    m_problems->setVisible(!lines.isEmpty());
}

void SettingsDialog::setCompareGroups(const std::vector<SeriesGroup> &groups)
{
    m_groups->setPlainText(CompareSession::formatGroups(groups));
}

QLineEdit *SettingsDialog::field(const QString &objectName) const
{
    return findChild<QLineEdit *>(objectName);
}

void SettingsDialog::fill(const ProviderSettings &s, const QString &cachePath)
{
    field(QStringLiteral("defaultSet"))->setText(s.defaultSet.join(QStringLiteral(", ")));
    field(QStringLiteral("concurrency"))->setText(QString::number(s.concurrency));
    field(QStringLiteral("cachePath"))->setText(cachePath);
    field(QStringLiteral("cachePath"))->setPlaceholderText(Database::defaultPath());
    for (const UrlField &f : kUrlFields)
        field(QLatin1String(f.name))->setText(s.*f.member);
    field(QStringLiteral("fredApiKey"))->setText(s.fredApiKey);
    field(QStringLiteral("stooqApiKey"))->setText(s.stooqApiKey);
}

ProviderSettings SettingsDialog::providerSettings() const
{
    ProviderSettings s = m_loaded;
    s.defaultSet = splitSymbolList(field(QStringLiteral("defaultSet"))->text());
    if (s.defaultSet.isEmpty()) s.defaultSet = ProviderSettings().defaultSet;
    bool isNumber = false;
    const int concurrency = field(QStringLiteral("concurrency"))->text().trimmed().toInt(&isNumber);
    if (isNumber) s.concurrency = concurrency;
    for (const UrlField &f : kUrlFields) {
        const QString url = field(QLatin1String(f.name))->text().trimmed();
        s.*f.member = url.isEmpty() ? ProviderSettings().*f.member : url;
    }
    s.fredApiKey = field(QStringLiteral("fredApiKey"))->text().trimmed();
    s.stooqApiKey = field(QStringLiteral("stooqApiKey"))->text().trimmed();
    return s;
}

QString SettingsDialog::cachePath() const
{
    return field(QStringLiteral("cachePath"))->text().trimmed();
}

void SettingsDialog::save() const
{
    const auto settings = openAppSettings();
    providerSettings().save(*settings);
    if (cachePath().isEmpty())
        settings->remove(QStringLiteral("cache/path"));
    else
        settings->setValue(QStringLiteral("cache/path"), cachePath());
    settings->sync();
}

} // namespace indexlens
