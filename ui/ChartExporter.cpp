#include "ChartExporter.h"

#include "charts/ChartView.h"

#include <QPainter>

namespace indexlens {

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
