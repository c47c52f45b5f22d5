// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChartExports.h"

#include "ChartExporter.h"
#include "ExportDialog.h"
#include "session/PairSession.h"
#include "storage/PriceStore.h"
#include "tables/PairTables.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QFileDialog>
#include <QTextStream>

namespace indexlens {

ChartExports::ChartExports(const PairSession &session, std::function<Database *()> db,
                           std::function<bool()> dark, QWidget *parent, Message status, Error error)
    : m_session(session), m_db(std::move(db)), m_dark(std::move(dark)), m_parent(parent),
      m_status(std::move(status)), m_error(std::move(error))
{
}

bool ChartExports::exportPng(const QString &path, bool allCharts, int width, int height,
                             double scale)
{
    return exportPng(path, allCharts ? allChartKinds() : std::vector<ChartKind>{ChartKind::Ratio},
                     width, height, scale);
}

QImage ChartExports::render(const std::vector<ChartKind> &kinds, int width, int height,
                            double scale) const
{
    const PairData *pair = m_session.pair();
    if (!pair) return {};
    ExportOptions options;
    options.width = width;
    options.height = height;
    options.scale = scale;
    options.logScale = m_session.logScale();
    options.dark = m_dark();
    options =
        exportOptionsFor(PriceStore(*m_db()), *pair, m_session.from(), m_session.to(), options);
    return renderCharts({*pair, kinds, m_session.from(), m_session.to(), m_session.rebase(),
                         options, m_session.marks()});
}

bool ChartExports::exportPng(const QString &path, const std::vector<ChartKind> &kinds, int width,
                             int height, double scale)
{
    const QImage image = render(kinds, width, height, scale);
    return !image.isNull() && image.save(path, "PNG");
}

void ChartExports::exportWithDialog()
{
    const PairData *pair = m_session.pair();
    if (!pair) return;
    const auto choice = ExportDialog::ask(m_parent);
    if (!choice) return;
    const QString path = QFileDialog::getSaveFileName(
        m_parent, QStringLiteral("Export PNG"),
        QStringLiteral("%1-%2.png").arg(pair->symbolA(), pair->symbolB()),
        QStringLiteral("PNG images (*.png)"));
    if (path.isEmpty()) return;
    const ExportOptions &o = choice->options;
    if (exportPng(path, choice->kinds, o.width, o.height, o.scale))
        m_status(QStringLiteral("Wrote %1").arg(path), 5000);
    else
        m_error(QStringLiteral("Cannot write %1").arg(path));
}

void ChartExports::copyChart()
{
    const QImage image = render({ChartKind::Ratio}, 1600, 500, 1);
    if (image.isNull()) return;
    QApplication::clipboard()->setImage(image);
    m_status(QStringLiteral("Ratio chart copied"), 3000);
}

void ChartExports::exportVisibleCsv()
{
    const PairData *pair = m_session.pair();
    if (!pair) return;
    const QString path = QFileDialog::getSaveFileName(m_parent, QStringLiteral("Export CSV"),
                                                      QStringLiteral("series.csv"),
                                                      QStringLiteral("CSV files (*.csv)"));
    if (path.isEmpty()) return;
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
