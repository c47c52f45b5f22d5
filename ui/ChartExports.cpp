// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChartExports.h"

#include "ExportDialog.h"
#include "FigureRender.h"
#include "FileDialogs.h"
#include "session/CompareSession.h"
#include "session/PairSession.h"
#include "storage/PriceStore.h"
#include "tables/PairTables.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QTextStream>

namespace indexlens {

ChartExports::ChartExports(const PairSession &session, const CompareSession &compare,
                           std::function<Database *()> db, std::function<bool()> dark,
                           QWidget *parent, Message status, Error error)
    : m_session(session), m_compare(compare), m_db(std::move(db)), m_dark(std::move(dark)),
      m_parent(parent), m_status(std::move(status)), m_error(std::move(error))
{
}

Figure ChartExports::pairFigure(const std::vector<ChartKind> &kinds, int width, int height,
                                double scale) const
{
    Figure figure = m_session.figure();
    // All four: the stack as the window shows it (with the drawdown chart when it is shown).
    figure.charts = kinds == allChartKinds() ? std::vector<ChartKind>() : kinds;
    figure.width = width;
    figure.height = height;
    figure.scale = int(scale);
    figure.dark = m_dark();
    return figure;
}

QImage ChartExports::picture(const Figure &figure) const
{
    ChartStack stack;
    figureStack(PriceStore(*m_db()), figure, {}, &stack);
    return renderStack(stack);
}

bool ChartExports::write(const QString &path, const Figure &figure)
{
    try {
        writeFigure(PriceStore(*m_db()), figure, path);
    } catch (const std::exception &e) { // a UserError, or a file that cannot be written
        m_error(QString::fromStdString(e.what()));
        return false;
    }
    m_status(QStringLiteral("Wrote %1").arg(path), 5000);
    return true;
}

QImage ChartExports::render(const std::vector<ChartKind> &kinds, int width, int height,
                            double scale) const
{
    if (!m_session.pair()) return {};
    return picture(pairFigure(kinds, width, height, scale));
}

bool ChartExports::exportFile(const QString &path, const std::vector<ChartKind> &kinds, int width,
                              int height, double scale)
{
    if (!m_session.pair()) return false;
    return write(path, pairFigure(kinds, width, height, scale));
}

void ChartExports::exportWithDialog(std::optional<ChartKind> only)
{
    const PairData *pair = m_session.pair();
    if (!pair) return;
    // The drawdown chart is not one of the dialog's four: it is exported alone (issue #25, 3).
    const auto choice = ExportDialog::ask(
        only, m_parent,
        only == ChartKind::Drawdown ? std::vector<ChartKind>{*only} : std::vector<ChartKind>());
    if (!choice) return;
    QString name = QStringLiteral("%1-%2").arg(pair->symbolA(), pair->symbolB());
    if (choice->kinds.size() == 1) name += QLatin1Char('-') + chartKindName(choice->kinds.front());
    const QString path =
        askPath(exportFileStem(name, m_session.from(), m_session.to()), choice->format);
    if (path.isEmpty()) return;
    const ExportOptions &o = choice->options;
    exportFile(path, choice->kinds, o.width, o.height, o.scale);
}

QString ChartExports::askPath(const QString &name, ExportFormat format) const
{
    const QString suffix = exportSuffix(format);
    QString path =
        chooseFileToSave(m_parent, QStringLiteral("Export charts"),
                         name + QLatin1Char('.') + suffix, ExportDialog::filterOf(format));
    if (!path.isEmpty() && !exportFormatOf(path)) path += QLatin1Char('.') + suffix;
    return path;
}

Figure ChartExports::viewFigure(const ViewChart &chart) const
{
    const ChartKind kind = chart.kind;
    Figure figure = m_session.figure();
    m_compare.fillFigure(figure);
    figure.kind = kind == ChartKind::ReturnsBars   ? FigureKind::ReturnsBars
                  : kind == ChartKind::Sensitivity ? FigureKind::Sensitivity
                  : kind == ChartKind::Scatter     ? FigureKind::Scatter
                  : kind == ChartKind::Rotation    ? FigureKind::Rotation
                  : kind == ChartKind::Seasonality ? FigureKind::Seasonality
                                                   : FigureKind::Compare;
    // The range the view shows (the pair view's), not its preset resolved again on other data.
    figure.range =
        FigureRange{QString(), m_session.from(), chart.to.isValid() ? chart.to : m_session.to()};
    figure.dark = m_dark();
    return figure;
}

bool ChartExports::exportViewFile(const QString &path, const ViewChart &chart,
                                  const ExportOptions &options)
{
    Figure figure = viewFigure(chart);
    figure.width = options.width;
    figure.height = options.height;
    figure.scale = int(options.scale);
    return write(path, figure);
}

void ChartExports::exportViewWithDialog(const std::vector<ViewChart> &charts, ChartKind first)
{
    if (charts.empty()) return;
    std::vector<ChartKind> kinds;
    kinds.reserve(charts.size());
    for (const ViewChart &chart : charts)
        kinds.push_back(chart.kind);
    const auto choice = ExportDialog::ask(first, m_parent, kinds);
    if (!choice || choice->kinds.empty()) return;
    const auto chart = std::find_if(charts.begin(), charts.end(), [&](const ViewChart &c) {
        return c.kind == choice->kinds.front();
    });
    const QString path = askPath(exportFileStem(chart->fileName, m_session.from(),
                                                chart->to.isValid() ? chart->to : m_session.to()),
                                 choice->format);
    if (!path.isEmpty()) exportViewFile(path, *chart, choice->options);
}

void ChartExports::copyView(const ViewChart &chart)
{
    Figure figure = viewFigure(chart);
    figure.width = 1600; // as Copy chart: a slide's width, sharp on a high-density screen
    figure.height = 700;
    figure.scale = 2;
    try {
        QApplication::clipboard()->setImage(picture(figure));
    } catch (const std::exception &e) {
        m_error(QString::fromStdString(e.what()));
        return;
    }
    m_status(QStringLiteral("Copied the %1 chart").arg(chartKindName(chart.kind)), 3000);
}

void ChartExports::copyChart(ChartKind kind)
{
    if (!m_session.pair()) return;
    // The size of a chart in a slide, sharp on a high-density screen.
    QImage image;
    try {
        image = render({kind}, 1600, 600, 2);
    } catch (const std::exception &e) {
        m_error(QString::fromStdString(e.what()));
        return;
    }
    QApplication::clipboard()->setImage(image);
    m_status(QStringLiteral("Copied the %1 chart").arg(chartKindName(kind)), 3000);
}

void ChartExports::exportVisibleCsv(bool compareView)
{
    const PairData *pair = m_session.pair();
    if (!pair) return;
    // The compare view's lines as `export --chart compare --out F.csv` writes them, else the
    // pair's.
    const QString stem =
        compareView ? exportFileStem(m_compare.symbols().join(QLatin1Char('-')) +
                                         QStringLiteral("-compare"),
                                     m_session.from(), m_session.to())
                    : exportFileStem(QStringLiteral("%1-%2").arg(pair->symbolA(), pair->symbolB()),
                                     m_session.from(), m_session.to());
    const QString path =
        chooseFileToSave(m_parent, QStringLiteral("Export CSV"), stem + QStringLiteral(".csv"),
                         QStringLiteral("CSV files (*.csv)"));
    if (path.isEmpty()) return;
    if (compareView) {
        write(path, viewFigure({ChartKind::Compare, {}, {}})); // says "Wrote" or why not
        return;
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        m_error(QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
        return;
    }
    QTextStream out(&file);
    pairSeriesTable(*pair, m_session.from(), m_session.to(), m_session.rebase())
        .write(out, OutputFormat::Csv);
    m_status(QStringLiteral("Wrote %1").arg(path), 5000);
}

} // namespace indexlens
