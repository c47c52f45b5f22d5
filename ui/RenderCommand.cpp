// SPDX-License-Identifier: GPL-3.0-or-later
#include "RenderCommand.h"

#include "cli/CommandRegistry.h"
#include "document/Study.h"
#include "FigureRender.h"
#include "StableFiles.h"
#include "storage/Database.h"
#include "storage/PriceStore.h"
#include "tables/ResultTable.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTemporaryDir>

namespace indexlens {

namespace {

// "01-ratio-iwm-spy": the position, then the name in lower case with dashes.
QString fileStem(int position, const Figure &figure)
{
    QString slug = figureName(figure).toLower();
    slug.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    if (slug.size() > 60) { // cut after a whole word
        const qsizetype cut = slug.lastIndexOf(QLatin1Char('-'), 60);
        slug = slug.left(cut > 0 ? cut : 60);
    }
    while (slug.startsWith(QLatin1Char('-')))
        slug.remove(0, 1);
    while (slug.endsWith(QLatin1Char('-')))
        slug.chop(1);
    return QStringLiteral("%1-%2").arg(position, 2, 10, QLatin1Char('0')).arg(slug);
}

// The figures --figure names (all when none), each once, in the study's order.
std::vector<int> chosenFigures(const CommandContext &ctx, const Study &study)
{
    std::vector<int> chosen;
    for (const QString &key : ctx.values(QStringLiteral("figure"))) {
        const int index = findFigure(study, key);
        if (index < 0)
            throw UserError(QStringLiteral("--figure %1: the study has no figure of that number "
                                           "or title (it has %2; see `indexlens study list`)")
                                .arg(key)
                                .arg(study.figures.size()));
        if (std::find(chosen.begin(), chosen.end(), index) == chosen.end()) chosen.push_back(index);
    }
    if (chosen.empty())
        for (int i = 0; i < int(study.figures.size()); ++i)
            chosen.push_back(i);
    std::sort(chosen.begin(), chosen.end());
    return chosen;
}

struct RenderedEntry {
    int position = 0;
    const Figure *figure = nullptr;
    QString file; // empty when it failed
    WrittenFigure written;
    QString error;
};

QString indexMarkdown(const Study &study, const std::vector<RenderedEntry> &entries)
{
    QString md = QStringLiteral("# %1\n\n")
                     .arg(study.title.isEmpty() ? QStringLiteral("Study") : study.title);
    for (const RenderedEntry &e : entries) {
        md += QStringLiteral("## %1. %2\n\n").arg(e.position).arg(figureName(*e.figure));
        if (!e.error.isEmpty()) {
            md += QStringLiteral("Not rendered: %1\n\n").arg(e.error);
            continue;
        }
        if (isTableKind(e.figure->kind)) {
            md += QStringLiteral("```\n%1```\n\n[%2](%2)\n\n").arg(e.written.text, e.file);
        } else {
            md += QStringLiteral("![%1](%2)\n\n").arg(figureName(*e.figure), e.file);
        }
        if (!e.figure->caption.isEmpty()) md += e.figure->caption + QStringLiteral("\n\n");
        md += QStringLiteral("*Data as of %1.*\n\n").arg(e.written.asOf.toString(Qt::ISODate));
    }
    return md;
}

QString outputFolder(const CommandContext &ctx, const QString &studyPath)
{
    if (ctx.isSet(QStringLiteral("out"))) return ctx.value(QStringLiteral("out"));
    return QFileInfo(studyPath).completeBaseName();
}

// Renders into a hidden folder inside DIR, then moves the files into place: a figure is in DIR
// whole or not at all, and a folder that cannot be written gets nothing.
QTemporaryDir makeStaging(const QString &dir)
{
    // std::runtime_error: exit status 1, as for any file that cannot be written.
    if (!QDir().mkpath(dir))
        throw std::runtime_error(
            QStringLiteral("--out %1: cannot create the folder; nothing was written")
                .arg(dir)
                .toStdString());
    QTemporaryDir staging(QDir(dir).filePath(QStringLiteral(".render-XXXXXX")));
    if (!staging.isValid())
        throw std::runtime_error(QStringLiteral("--out %1: cannot write there (%2); nothing was "
                                                "written")
                                     .arg(dir, staging.errorString())
                                     .toStdString());
    return staging;
}

void moveInto(const QString &from, const QString &to)
{
    QFile::remove(to);
    if (!QFile::rename(from, to)) throw std::runtime_error("cannot write " + to.toStdString());
}

// A study that cannot be read is a file refused (exit status 1, as `import` gives), not a usage
// error.
Study studyFile(const QString &path)
{
    try {
        return readStudy(path);
    } catch (const UserError &e) {
        throw std::runtime_error(e.message().toStdString());
    }
}

int runRender(CommandContext &ctx)
{
    const QStringList args = ctx.arguments();
    if (args.size() != 1) throw UserError(QStringLiteral("render takes one STUDY file"));
    const Study study = studyFile(args.front());
    const QString format = ctx.value(QStringLiteral("format")).isEmpty()
                               ? QStringLiteral("svg")
                               : ctx.value(QStringLiteral("format")).toLower();
    const QDate asOf = ctx.date(QStringLiteral("as-of"), false);
    const std::vector<int> chosen = chosenFigures(ctx, study);
    const QString dir = outputFolder(ctx, args.front());
    auto db = ctx.openDatabase();
    const PriceStore store(*db);
    QTemporaryDir staging = makeStaging(dir);
    std::vector<RenderedEntry> entries;
    int failed = 0;
    for (const int index : chosen) {
        RenderedEntry e;
        e.position = index + 1;
        e.figure = &study.figures[std::size_t(index)];
        const QString file =
            fileStem(e.position, *e.figure) + QLatin1Char('.') + figureSuffix(*e.figure, format);
        ctx.err << QStringLiteral("render: [%1/%2] %3 ")
                       .arg(entries.size() + 1)
                       .arg(chosen.size())
                       .arg(file);
        try {
            e.written = writeFigure(store, *e.figure, staging.filePath(file), asOf);
            makeStable(staging.filePath(file), e.written.asOf);
            moveInto(staging.filePath(file), QDir(dir).filePath(file));
            e.file = file;
            ctx.err << QStringLiteral("ok");
            if (e.written.widthPx > 0)
                ctx.err
                    << QStringLiteral(" (%1x%2)").arg(e.written.widthPx).arg(e.written.heightPx);
            ctx.err << '\n';
            for (const QString &note : e.written.notes)
                ctx.err << QStringLiteral("render: note: ") << note << '\n';
        } catch (const std::exception &ex) { // UserError: that figure fails, the others render
            e.error = QString::fromStdString(ex.what());
            ctx.err << QStringLiteral("failed: ") << e.error << '\n';
            ++failed;
        }
        entries.push_back(e);
    }
    QSaveFile index(QDir(dir).filePath(QStringLiteral("index.md")));
    const QByteArray md = indexMarkdown(study, entries).toUtf8();
    if (!index.open(QIODevice::WriteOnly) || index.write(md) != md.size() || !index.commit())
        throw std::runtime_error("cannot write " + index.fileName().toStdString());
    ctx.out << QFileInfo(index.fileName()).absoluteFilePath() << '\n';
    if (failed > 0) {
        ctx.err
            << QStringLiteral("render: %1 of %2 figures failed\n").arg(failed).arg(chosen.size());
        return ExitFailure;
    }
    return ExitOk;
}

int runStudy(CommandContext &ctx)
{
    const QStringList args = ctx.arguments();
    if (args.size() != 2 || args.front() != QLatin1String("list"))
        throw UserError(QStringLiteral("expected `study list STUDY`"));
    const Study study = studyFile(args[1]);
    ResultTable table;
    table.addColumn(QStringLiteral("n"), QStringLiteral("#"), ResultTable::Kind::Integer);
    table.addColumn(QStringLiteral("kind"), QStringLiteral("Kind"), ResultTable::Kind::Text);
    table.addColumn(QStringLiteral("title"), QStringLiteral("Title"), ResultTable::Kind::Text);
    table.addColumn(QStringLiteral("symbols"), QStringLiteral("Symbols"), ResultTable::Kind::Text);
    table.addColumn(QStringLiteral("range"), QStringLiteral("Range"), ResultTable::Kind::Text);
    for (std::size_t i = 0; i < study.figures.size(); ++i) {
        const Figure &f = study.figures[i];
        const bool rotation = f.kind == FigureKind::Rotation;
        const QString symbols =
            isPairKind(f.kind) ? f.a + QLatin1Char('/') + f.b
            : rotation ? f.symbols.join(QLatin1Char(',')) + QStringLiteral(" vs ") + f.benchmark
                       : f.symbols.join(QLatin1Char(','));
        const bool derived = f.range.preset.isEmpty() && !f.range.from.isValid();
        const QString range = derived ? QStringLiteral("its days and periods") : f.rangeText();
        table.addRow({ResultTable::number(double(i + 1)), ResultTable::text(figureKindName(f.kind)),
                      ResultTable::text(f.title), ResultTable::text(symbols),
                      ResultTable::text(range)});
    }
    table.write(ctx.out, ctx.format);
    return ExitOk;
}

} // namespace

void registerStudyCommands(CommandRegistry &registry)
{
    registry.add(
        {QStringLiteral("render"),
         QStringLiteral("[--out DIR] [--format png|svg|pdf] [--figure N|TITLE]... "
                        "[--as-of DATE]"),
         QStringLiteral("Draw every figure of a study (a .indexlens file) on the cache's data: "
                        "charts as SVG, PNG or PDF, tables as CSV, and index.md with the "
                        "study's title, each figure and caption and the data's \"as of\" day. A "
                        "figure that cannot be drawn is named with the reason, the others are "
                        "drawn, and the exit status is 1."),
         QStringLiteral("STUDY"),
         {{QStringLiteral("out"), QStringLiteral("DIR"),
           QStringLiteral("The folder to write (default: the study's name, here).")},
          {QStringLiteral("format"),
           QStringLiteral("FORMAT"),
           QStringLiteral("svg (the default), png or pdf, for the charts."),
           {QStringLiteral("svg"), QStringLiteral("png"), QStringLiteral("pdf")}},
          {QStringLiteral("figure"), QStringLiteral("N|TITLE"),
           QStringLiteral("Only this figure (its number in `study list`, or its title); "
                          "repeat for more.")},
          {QStringLiteral("as-of"), QStringLiteral("DATE"),
           QStringLiteral("Draw every preset range (YTD, 1Y, ...) as of this day; fixed dates "
                          "stay as they are.")}},
         true,
         runRender});
    registry.add({QStringLiteral("study"),
                  QString(),
                  QStringLiteral("List the figures and tables of a study: number, kind, title, "
                                 "symbols and range."),
                  QStringLiteral("list STUDY"),
                  {},
                  false,
                  runStudy});
}

} // namespace indexlens
