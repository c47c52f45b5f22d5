// SPDX-License-Identifier: GPL-3.0-or-later
// The Settings dialog (issue #3, #21): what it saves, what it refuses and why, and the cache
// folder it creates only when asked; each test with a settings file of its own.
#include "core/AppSettings.h"
#include "providers/ProviderSettings.h"
#include "SettingsDialog.h"
#include "storage/Database.h"
#include "TestCommon.h"
#include "WindowFixture.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>

using namespace indexlens;
using namespace indexlens::test;

class TestWindowSettings : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() { m_fx.setUp(); }
    void cleanup() { m_fx.tearDown(); }
    void settingsDialogSavesDefaultSetUrlsKeysAndCache();
    void settingsRefuseWhatCannotWork();
    void settingsCreateTheCacheFolderOnlyWhenAsked();

private:
    WindowFixture m_fx{QStringList()}; // nothing imported: the tests need its settings file only
};

void TestWindowSettings::settingsDialogSavesDefaultSetUrlsKeysAndCache()
{
    const QString cache = m_fx.dir() + QStringLiteral("/elsewhere/cache.sqlite");
    {
        SettingsDialog dialog;
        // Defaults first: the default set.
        QCOMPARE(dialog.field(QStringLiteral("defaultSet"))->text(),
                 QStringLiteral("IWM, SPY, ^RUT, ^GSPC, IWB, QQQ, DGS10, DGS2"));
        QTest::keyClicks(dialog.field(QStringLiteral("defaultSet")), QStringLiteral(", RSP"));
        dialog.field(QStringLiteral("treasuryBase"))
            ->setText(QStringLiteral("http://127.0.0.1:9/treasury"));
        dialog.field(QStringLiteral("fredApiKey"))
            ->setText(QStringLiteral("0123456789abcdef0123456789abcdef"));
        dialog.field(QStringLiteral("cachePath"))->setText(cache);
        dialog.save();
    }
    const auto settings = openAppSettings();
    const ProviderSettings saved = ProviderSettings::load(*settings, false);
    QCOMPARE(saved.defaultSet.last(), QStringLiteral("RSP"));
    QCOMPARE(saved.defaultSet.size(), 9);
    QCOMPARE(saved.treasuryBase, QStringLiteral("http://127.0.0.1:9/treasury"));
    QCOMPARE(saved.fredApiKey, QStringLiteral("0123456789abcdef0123456789abcdef"));
    QCOMPARE(saved.yahooBase, ProviderSettings().yahooBase); // untouched fields keep their defaults
    QCOMPARE(Database::defaultPath(), cache);                // INDEXLENS_DB unset in this test
}

// Issue #21: OK refuses what cannot work and stays open: each such field marked, the message
// naming its label and the reason; nothing is saved. Mended, OK saves; the API key trimmed.
void TestWindowSettings::settingsRefuseWhatCannotWork()
{
    SettingsDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    retype(dialog.field(QStringLiteral("yahooBase")), QStringLiteral("ftp://example.com"));
    QTest::keyClicks(dialog.field(QStringLiteral("defaultSet")), QStringLiteral(", !!"));
    retype(dialog.field(QStringLiteral("concurrency")), QStringLiteral("17"));
    retype(dialog.field(QStringLiteral("fredApiKey")), QStringLiteral("  abc123  "));
    auto *buttons = dialog.findChild<QDialogButtonBox *>();
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    auto *message = dialog.findChild<QLabel *>(QStringLiteral("settingsProblems"));
    QVERIFY(message->isVisible());
    QCOMPARE(message->text(),
             QStringLiteral("Default set (first Update): \"!!\" is not a symbol (letters, digits "
                            "and ^ . = _ - only, at most 32)\n"
                            "Yahoo Finance: \"ftp://example.com\" is not an http:// or https:// "
                            "address\n"
                            "Symbols at a time: 17 is outside 1 to 16"));
    QStringList marked;
    for (QLineEdit *edit : dialog.findChildren<QLineEdit *>())
        if (edit->property("problem").toBool()) marked << edit->objectName();
    marked.sort();
    QCOMPARE(marked, (QStringList{QStringLiteral("concurrency"), QStringLiteral("defaultSet"),
                                  QStringLiteral("yahooBase")}));
    QCOMPARE(dialog.focusWidget(), dialog.field(QStringLiteral("defaultSet"))); // first to mend
    QVERIFY(!openAppSettings()->contains(QStringLiteral("providers/yahooBase")));

    // A ";" is said as a separator that is not one; a word where a number belongs too.
    retype(dialog.field(QStringLiteral("defaultSet")), QStringLiteral("IWM; SPY"));
    retype(dialog.field(QStringLiteral("yahooBase")), QStringLiteral("http://127.0.0.1:9"));
    retype(dialog.field(QStringLiteral("concurrency")), QStringLiteral("many"));
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QVERIFY(dialog.isVisible());
    QCOMPARE(message->text(),
             QStringLiteral("Default set (first Update): \"IWM; SPY\" is not a symbol; separate "
                            "symbols with commas\n"
                            "Symbols at a time: \"many\" is not a whole number"));
    QVERIFY(!dialog.field(QStringLiteral("yahooBase"))->property("problem").toBool());

    retype(dialog.field(QStringLiteral("defaultSet")), QStringLiteral("IWM, SPY"));
    retype(dialog.field(QStringLiteral("concurrency")), QStringLiteral("16"));
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!message->isVisible());
    const auto settings = openAppSettings();
    const ProviderSettings saved = ProviderSettings::load(*settings, false);
    QCOMPARE(saved.yahooBase, QStringLiteral("http://127.0.0.1:9"));
    QCOMPARE(saved.concurrency, 16);
    QCOMPARE(saved.defaultSet, (QStringList{QStringLiteral("IWM"), QStringLiteral("SPY")}));
    QCOMPARE(settings->value(QStringLiteral("providers/fredApiKey")).toString(),
             QStringLiteral("abc123"));
    QCOMPARE(dialog.field(QStringLiteral("fredApiKey"))->text(), QStringLiteral("abc123"));
}

// Issue #21: a cache file in a folder that does not exist: OK asks whether to create the folder;
// No keeps the dialog open with the field marked and creates nothing, Yes creates it and saves.
void TestWindowSettings::settingsCreateTheCacheFolderOnlyWhenAsked()
{
    const QString folder = m_fx.dir() + QStringLiteral("/new/folder");
    const QString cache = folder + QStringLiteral("/cache.sqlite");
    SettingsDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    retype(dialog.field(QStringLiteral("cachePath")), cache);
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QString asked;
    answerQuestion(&dialog, QStringLiteral("createCacheFolder"), QMessageBox::No, &asked);
    QTest::mouseClick(ok, Qt::LeftButton);
    QCOMPARE(asked, QStringLiteral("The folder %1 does not exist. Create it?")
                        .arg(QDir::toNativeSeparators(folder)));
    QVERIFY(dialog.isVisible());
    QVERIFY(!QFileInfo::exists(m_fx.dir() + QStringLiteral("/new")));
    QVERIFY(dialog.field(QStringLiteral("cachePath"))->property("problem").toBool());
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("settingsProblems"))->text(),
             QStringLiteral("Cache file: the folder %1 does not exist")
                 .arg(QDir::toNativeSeparators(folder)));
    QVERIFY(!openAppSettings()->contains(QStringLiteral("cache/path")));

    asked.clear();
    answerQuestion(&dialog, QStringLiteral("createCacheFolder"), QMessageBox::Yes, &asked);
    QTest::mouseClick(ok, Qt::LeftButton);
    QVERIFY(!asked.isEmpty());
    QVERIFY(QFileInfo(folder).isDir());
    QVERIFY(!QFileInfo::exists(cache)); // the folder only: the cache is made where it is opened
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const auto settings = openAppSettings();
    QCOMPARE(settings->value(QStringLiteral("cache/path")).toString(), cache);
}

QTEST_MAIN(TestWindowSettings)
#include "tst_window_settings.moc"
