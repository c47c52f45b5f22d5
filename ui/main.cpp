// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CommandRegistry.h"
#include "cli/ManPage.h"
#include "cli/ShellCompletion.h"
#include "ExportCommand.h"
#include "MainWindow.h"
#include "RenderCommand.h"
#include "storage/Database.h"

#include <QApplication>
#include <QHashFunctions>
#include <QIcon>
#include <QTextStream>

#include <optional>

namespace {

void describeApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("indexlens"));
    QCoreApplication::setApplicationVersion(QStringLiteral(INDEXLENS_VERSION));
}

// Whether a window can be shown: Qt aborts (SIGABRT, a core dump) when its platform plugin finds
// no display, so the answer must come before QApplication.
bool hasDisplay()
{
    const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
    const bool x11 = !qEnvironmentVariableIsEmpty("DISPLAY");
    const bool wayland = !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
    if (platform.isEmpty()) return x11 || wayland;
    if (platform.startsWith("xcb")) return x11;
    if (platform.startsWith("wayland")) return wayland;
    return true; // offscreen, vnc, eglfs ... bring their own
}

// The documents the build writes with the built binary (packaging/CMakeLists.txt), from the
// registry it runs, so they cannot drift from it (issue #15): `--generate-manpage DATE` and
// `--generate-completion bash|zsh`. Not in --help: they are for packagers.
std::optional<QString> generatedDocument(const indexlens::CommandRegistry &registry,
                                         const QStringList &arguments)
{
    if (arguments.size() != 3) return std::nullopt;
    if (arguments[1] == QLatin1String("--generate-manpage"))
        return indexlens::manPage(registry, QStringLiteral(INDEXLENS_VERSION), arguments[2]);
    if (arguments[1] == QLatin1String("--generate-completion") &&
        arguments[2] == QLatin1String("bash"))
        return indexlens::bashCompletion(registry);
    if (arguments[1] == QLatin1String("--generate-completion") &&
        arguments[2] == QLatin1String("zsh"))
        return indexlens::zshCompletion(registry);
    return std::nullopt;
}

} // namespace

int main(int argc, char *argv[])
{
    // Before any QHash exists: Qt's PDF writer numbers the fonts' objects in a QHash's order, so a
    // random seed made the same figure different bytes each run (issue #23: render and export
    // are reproducible). Nothing here hashes untrusted input at a scale where flooding matters.
    QHashSeed::setDeterministicGlobalSeed();
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    QTextStream out(stdout);
    QTextStream err(stderr);
    indexlens::CommandRegistry registry;
    indexlens::registerCoreCommands(registry);
    indexlens::registerExportCommand(registry);
    indexlens::registerStudyCommands(registry);
    if (const auto document = generatedDocument(registry, arguments)) {
        out << *document;
        return indexlens::ExitOk;
    }

    if (registry.isHeadless(arguments)) {
        const indexlens::Command *command = registry.find(registry.commandName(arguments));
        if (command && command->needsGui) {
            // Drawn with widgets: a QApplication, offscreen when there is no display.
            if (!hasDisplay()) qputenv("QT_QPA_PLATFORM", "offscreen");
            QApplication app(argc, argv);
            describeApplication();
            return registry.run(QApplication::arguments(), out, err);
        }
        QCoreApplication app(argc, argv);
        describeApplication();
        return registry.run(QCoreApplication::arguments(), out, err);
    }
    if (!hasDisplay()) {
        err << "indexlens: no display for the window; the command line needs none "
               "(indexlens --help)\n";
        return indexlens::ExitUsage;
    }
    QApplication app(argc, argv);
    describeApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("IndexLens"));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.indexlens.IndexLens"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/indexlens/icons/indexlens-256.png")));
    const QString db = indexlens::CommandRegistry::dbOption(arguments);
    indexlens::MainWindow window(db.isEmpty() ? indexlens::Database::defaultPath() : db);
    window.show();
    return app.exec();
}
