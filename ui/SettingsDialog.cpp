// SPDX-License-Identifier: GPL-3.0-or-later
#include "SettingsDialog.h"

#include "core/AppSettings.h"
#include "core/UserError.h"
#include "session/CompareSession.h"
#include "storage/Database.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
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
    auto *cache = add(QStringLiteral("cachePath"), QStringLiteral("Cache file"));
    cache->setToolTip(QStringLiteral("The SQLite cache the window and every command use "
                                     "(INDEXLENS_DB or --db win over it)"));
    auto *browse = new QPushButton(QStringLiteral("Choose\u2026"));
    browse->setToolTip(QStringLiteral("Choose the cache file"));
    form->addRow(QString(), browse);
    connect(browse, &QPushButton::clicked, this, [this, cache] {
        const QString path = QFileDialog::getSaveFileName(
            this, QStringLiteral("Cache file"), cache->text(),
            QStringLiteral("SQLite files (*.sqlite)"), nullptr, QFileDialog::DontConfirmOverwrite);
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

    // The compare view's own groups, beside the catalog's (issue #13): a line each.
    m_groups = new QPlainTextEdit;
    m_groups->setObjectName(QStringLiteral("compareGroups"));
    m_groups->setPlaceholderText(QStringLiteral("Small value: IWN, IJS, VBR\nTech: QQQ, XLK, SMH"));
    m_groups->setToolTip(QStringLiteral("A group per line, \"Name: SYM, SYM, ...\" (2 to 8 "
                                        "symbols); the compare view's group list offers them"));
    m_groups->setFixedHeight(m_groups->fontMetrics().height() * 5 + 12);
    form->addRow(QStringLiteral("Compare groups"), m_groups);
    m_groupsError = new QLabel;
    m_groupsError->setObjectName(QStringLiteral("compareGroupsError"));
    m_groupsError->setStyleSheet(QStringLiteral("color: #c0392b"));
    m_groupsError->setWordWrap(true);
    m_groupsError->hide();
    form->addRow(QString(), m_groupsError);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel |
                                         QDialogButtonBox::RestoreDefaults);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        // A line that is not a group keeps the dialog open, the line named.
        try {
            m_parsedGroups = CompareSession::parseGroups(m_groups->toPlainText());
        } catch (const UserError &e) {
            m_groupsError->setText(e.message());
            m_groupsError->show();
            return;
        }
        save();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] { fill(ProviderSettings(), QString()); });

    const auto settings = openAppSettings();
    m_loaded = ProviderSettings::load(*settings, /*withEnvironment=*/false);
    fill(m_loaded, settings->value(QStringLiteral("cache/path")).toString());
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
    s.defaultSet.clear();
    for (const QString &symbol :
         field(QStringLiteral("defaultSet"))->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!symbol.trimmed().isEmpty()) s.defaultSet << symbol.trimmed();
    if (s.defaultSet.isEmpty()) s.defaultSet = ProviderSettings().defaultSet;
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
