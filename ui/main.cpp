#include "cli/CommandLine.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    // Headless commands must run without a display, so they get a QCoreApplication only.
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("indexlens"));
    QCoreApplication::setApplicationVersion(QStringLiteral(INDEXLENS_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList arguments = QCoreApplication::arguments();
    if (!indexlens::isHeadless(arguments)) {
        // The window is the subject of issue #4; until it lands the program says so.
        err << "indexlens: the window is not built yet (issue #4); use a command:\n\n";
        indexlens::runCommandLine({arguments.value(0), QStringLiteral("--help")}, err, err);
        return indexlens::ExitUsage;
    }
    return indexlens::runCommandLine(arguments, out, err);
}
