#include "ChartExporter.h"

#include "charts/ChartView.h"

#include <QHash>
#include <QPainter>

namespace indexlens {

ExportOptions exportOptionsFor(const PriceStore &store, const PairData &pair, const QDate &from,
                               const QDate &to, ExportOptions base)
{
    if (base.title.isEmpty())
        base.title = QStringLiteral("%1 vs %2, %3 to %4")
                         .arg(pair.symbolA(), pair.symbolB(), from.toString(Qt::ISODate),
                              to.toString(Qt::ISODate));
    QStringList symbols{pair.symbolA(), pair.symbolB()};
    for (const SymbolSeries &rate : pair.rates())
        symbols << rate.symbol;
    base.sourceLine = dataSourceLine(store, symbols, to);
    return base;
}

std::optional<std::vector<ChartKind>> chartKindsNamed(const QString &name)
{
    static const QHash<QString, std::vector<ChartKind>> kinds = {
        {QStringLiteral("ratio"), {ChartKind::Ratio}},
        {QStringLiteral("rebased"), {ChartKind::Rebased}},
        {QStringLiteral("relative"), {ChartKind::Relative}},
        {QStringLiteral("spread"), {ChartKind::Spread}},
        {QStringLiteral("all"), allChartKinds()},
    };
    const auto it = kinds.find(name.trimmed().toLower());
    if (it == kinds.end()) return std::nullopt;
    return *it;
}

QImage renderCharts(const PairData &pair, const std::vector<ChartKind> &kinds, const QDate &from,
                    const QDate &to, const std::optional<QDate> &rebase,
                    const ExportOptions &options)
{
    QImage image(QSize(int(options.width * options.scale), int(options.height * options.scale)),
                 QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(options.scale);
    const QColor background = options.dark ? QColor(0x20, 0x22, 0x26) : Qt::white;
    const QColor foreground = options.dark ? QColor(0xe8, 0xe8, 0xe8) : QColor(0x20, 0x20, 0x20);
    image.fill(background);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);

    QFont titleFont = painter.font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    const int titleHeight = options.title.isEmpty() ? 8 : QFontMetrics(titleFont).height() + 16;
    const int sourceHeight =
        options.sourceLine.isEmpty() ? 0 : QFontMetrics(painter.font()).height() + 10;
    if (!options.title.isEmpty()) {
        painter.setFont(titleFont);
        painter.setPen(foreground);
        painter.drawText(QRect(16, 8, options.width - 32, titleHeight - 8),
                         Qt::AlignLeft | Qt::AlignVCenter, options.title);
    }
    const int n = std::max<int>(1, int(kinds.size()));
    const int chartHeight = (options.height - titleHeight - sourceHeight) / n;
    int y = titleHeight;
    for (ChartKind kind : kinds) {
        ChartView view;
        view.setAttribute(Qt::WA_DontShowOnScreen);
        // The window's minimum chart height must not win over the asked size: a taller view
        // would overdraw the next chart's slot and, for the last, the source line.
        view.setMinimumSize(0, 0);
        view.resize(options.width, chartHeight);
        view.setRenderHint(QPainter::Antialiasing, true);
        view.setDarkTheme(options.dark);
        view.setLogScale(options.logScale);
        const int plotWidth = std::max(200, options.width - 160);
        view.setContent(pair.chart(kind, from, to, int(plotWidth * options.scale), rebase), from,
                        to);
        view.setHeadline(pair.headline(from, to, rebase));
        static_cast<QWidget &>(view).render(
            &painter, QPoint(0, y)); // QWidget::render, not QGraphicsView::render
        y += chartHeight;
    }
    if (!options.sourceLine.isEmpty()) {
        painter.setFont(QFont());
        painter.setPen(options.dark ? QColor(0xb0, 0xb0, 0xb0) : QColor(0x60, 0x60, 0x60));
        painter.drawText(QRect(16, options.height - sourceHeight, options.width - 32, sourceHeight),
                         Qt::AlignLeft | Qt::AlignVCenter, options.sourceLine);
    }
    painter.end();
    return image;
}

} // namespace indexlens
