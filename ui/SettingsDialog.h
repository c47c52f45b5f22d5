#pragma once

#include "providers/ProviderSettings.h"

#include <QDialog>

class QLineEdit;

namespace indexlens {

// Settings → the default instrument set of the first Update, the provider base URLs and API keys,
// and where the cache lives. Written to the settings file (see AppSettings.h) on OK.
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

private:
    void fill(const ProviderSettings &settings, const QString &cachePath);

    ProviderSettings m_loaded; // overrides and concurrency, kept as they were
};

} // namespace indexlens
