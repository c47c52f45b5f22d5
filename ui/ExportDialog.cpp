// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExportDialog.h"

#include "core/AppSettings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QSpinBox>

namespace indexlens {

namespace {
constexpr int kAllCharts = 4; // the last entry of "Charts"
const QString kWidth = QStringLiteral("export/width");
const QString kHeight = QStringLiteral("export/height");
const QString kScale = QStringLiteral("export/scale");
const QString kFormat = QStringLiteral("export/format");
const QString kCharts = QStringLiteral("export/charts");
} // namespace

ExportDialog::ExportDialog(std::optional<ChartKind> only, QWidget *parent,
                           const std::vector<ChartKind> &tabCharts)
    : QDialog(parent), m_which(new QComboBox), m_width(new QSpinBox), m_height(new QSpinBox),
      m_scale(new QComboBox), m_format(new QComboBox), m_tabCharts(tabCharts)
{
    setWindowTitle(QStringLiteral("Export charts"));
    auto *form = new QFormLayout(this);
    m_which->setObjectName(QStringLiteral("exportWhich"));
    m_which->addItems({QStringLiteral("Ratio A/B"), QStringLiteral("Rebased returns"),
                       QStringLiteral("Relative return A - B"),
                       QStringLiteral("Daily return spread"),
                       QStringLiteral("All charts stacked")});
    m_width->setRange(320, 8000);
    m_height->setRange(200, 8000);
    m_scale->addItems({QStringLiteral("1x"), QStringLiteral("2x"), QStringLiteral("3x")});
    m_format->addItems({QStringLiteral("PNG (picture)"), QStringLiteral("SVG (vectors, text)"),
                        QStringLiteral("PDF (vectors, text)")});
    m_format->setObjectName(QStringLiteral("exportFormat"));
    m_which->setToolTip(QStringLiteral("One chart, or the four stacked as the window shows them"));
    m_width->setToolTip(QStringLiteral("Width of the picture in pixels, before the scale"));
    m_height->setToolTip(QStringLiteral("Height of the picture in pixels, before the scale"));
    m_scale->setToolTip(QStringLiteral("Pixel density: 2x or 3x for a slide or a sharp screen"));
    m_format->setToolTip(QStringLiteral("PNG is a picture; SVG and PDF keep lines and text as "
                                        "vectors and text"));
    form->addRow(QStringLiteral("Charts"), m_which);
    form->addRow(QStringLiteral("Width"), m_width);
    form->addRow(QStringLiteral("Height"), m_height);
    form->addRow(QStringLiteral("Scale"), m_scale);
    form->addRow(QStringLiteral("Format"), m_format);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    restore();
    if (!m_tabCharts.empty()) { // the tab's own charts (issue #24, 9)
        m_which->clear();
        for (ChartKind kind : m_tabCharts)
            m_which->addItem(chartTitleOf(kind));
        m_which->setToolTip(QStringLiteral("Which chart of this tab"));
        const auto at =
            std::find(m_tabCharts.begin(), m_tabCharts.end(), only.value_or(m_tabCharts[0]));
        m_which->setCurrentIndex(at == m_tabCharts.end() ? 0 : int(at - m_tabCharts.begin()));
        form->setRowVisible(m_which, m_tabCharts.size() > 1);
    } else if (only) {
        m_which->setCurrentIndex(int(*only));
    }
}

QString ExportDialog::chartTitleOf(ChartKind kind)
{
    switch (kind) {
    case ChartKind::Compare:
        return QStringLiteral("Series rebased to 100");
    case ChartKind::ReturnsBars:
        return QStringLiteral("Returns as bars");
    case ChartKind::Sensitivity:
        return QStringLiteral("Rate sensitivity");
    case ChartKind::Scatter:
        return QStringLiteral("Spread against the rate's change");
    case ChartKind::Drawdown:
        return QStringLiteral("Drawdown from the high");
    default:
        break;
    }
    return chartKindName(kind);
}

void ExportDialog::restore()
{
    const auto settings = openAppSettings();
    m_which->setCurrentIndex(
        std::clamp(settings->value(kCharts, kAllCharts).toInt(), 0, kAllCharts));
    m_width->setValue(settings->value(kWidth, 1600).toInt());
    m_height->setValue(settings->value(kHeight, 900).toInt());
    m_scale->setCurrentIndex(std::clamp(settings->value(kScale, 1).toInt(), 1, 3) - 1);
    m_format->setCurrentIndex(std::clamp(settings->value(kFormat, 0).toInt(), 0, 2));
}

void ExportDialog::remember() const
{
    const auto settings = openAppSettings();
    if (m_tabCharts.empty()) settings->setValue(kCharts, m_which->currentIndex());
    settings->setValue(kWidth, m_width->value());
    settings->setValue(kHeight, m_height->value());
    settings->setValue(kScale, m_scale->currentIndex() + 1);
    settings->setValue(kFormat, m_format->currentIndex());
}

ExportDialog::Choice ExportDialog::choice() const
{
    Choice c;
    if (!m_tabCharts.empty())
        c.kinds = {m_tabCharts[std::size_t(std::max(0, m_which->currentIndex()))]};
    else if (m_which->currentIndex() == kAllCharts)
        c.kinds = allChartKinds();
    else
        c.kinds.push_back(allChartKinds()[std::size_t(m_which->currentIndex())]);
    c.options.width = m_width->value();
    c.options.height = m_height->value();
    c.options.scale = m_scale->currentIndex() + 1;
    c.format = ExportFormat(m_format->currentIndex());
    return c;
}

std::optional<ExportDialog::Choice> ExportDialog::ask(std::optional<ChartKind> only,
                                                      QWidget *parent,
                                                      const std::vector<ChartKind> &tabCharts)
{
    ExportDialog dialog(only, parent, tabCharts);
    if (dialog.exec() != QDialog::Accepted) return std::nullopt;
    dialog.remember();
    return dialog.choice();
}

QString ExportDialog::filterOf(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Svg:
        return QStringLiteral("SVG drawings (*.svg)");
    case ExportFormat::Pdf:
        return QStringLiteral("PDF documents (*.pdf)");
    case ExportFormat::Png:
        break;
    }
    return QStringLiteral("PNG images (*.png)");
}

} // namespace indexlens
