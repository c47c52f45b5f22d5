#include "cli/CommandLine.h"
#include "ExportCommand.h"
#include "MainWindow.h"
#include "storage/Database.h"

#include <QApplication>
#include <QIcon>
#include <QTextStream>

namespace {

void describeApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("indexlens"));
    QCoreApplication::setApplicationVersion(QStringLiteral(INDEXLENS_VERSION));
}

QString optionValue(const QStringList &arguments, const QString &name)
{
    for (int i = 1; i < arguments.size(); ++i) {
        if (arguments[i] == name && i + 1 < arguments.size()) return arguments[i + 1];
        if (arguments[i].startsWith(name + QLatin1Char('=')))
            return arguments[i].mid(name.size() + 1);
    }
    return QString();
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const QString command = indexlens::subCommand(arguments);
    QTextStream out(stdout);
    QTextStream err(stderr);

    if (command == QLatin1String("export")) {
        // Charts need a QApplication; without a display the offscreen platform draws them.
        if (qEnvironmentVariableIsEmpty("DISPLAY") &&
            qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
            qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        describeApplication();
        return indexlens::runExportCommand(QApplication::arguments(), out, err);
    }
    if (indexlens::isHeadless(arguments)) {
        // Headless commands must run without a display, so they get a QCoreApplication only.
        QCoreApplication app(argc, argv);
        describeApplication();
        return indexlens::runCommandLine(QCoreApplication::arguments(), out, err);
    }

    QApplication app(argc, argv);
    describeApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("IndexLens"));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.indexlens.IndexLens"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/indexlens/icons/indexlens-256.png")));
    const QString db = optionValue(arguments, QStringLiteral("--db"));
    indexlens::MainWindow window(db.isEmpty() ? indexlens::Database::defaultPath() : db);
    window.show();
    return app.exec();
}
