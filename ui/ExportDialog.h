// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ChartExporter.h"

#include <QDialog>

class QComboBox;
class QSpinBox;

namespace indexlens {

// File > Export charts (or Export chart from a chart's menu): which charts, the size, the pixel
// density and the format (PNG, SVG, PDF). It starts from the last choice (remembered in the
// settings) and returns the new one; the window writes the file with the options
// exportOptionsFor() completes.
class ExportDialog : public QDialog {
    Q_OBJECT
public:
    struct Choice {
        std::vector<ChartKind> kinds;
        ExportOptions options; // width, height, scale
        ExportFormat format = ExportFormat::Png;
    };

    // `only`: the chart whose menu opened the dialog, preselected. `tabCharts`: the charts of the
    // compare or sensitivity tab to choose from, in place of the pair view's (one: no choice).
    explicit ExportDialog(std::optional<ChartKind> only, QWidget *parent = nullptr,
                          const std::vector<ChartKind> &tabCharts = {});
    Choice choice() const;
    // Shows the dialog; nullopt when cancelled. An accepted choice is remembered.
    static std::optional<Choice> ask(std::optional<ChartKind> only, QWidget *parent,
                                     const std::vector<ChartKind> &tabCharts = {});

    // The file dialog's filter of a format.
    static QString filterOf(ExportFormat format);

private:
    static QString chartTitleOf(ChartKind kind);
    void restore();
    void remember() const;

    QComboBox *m_which;
    QSpinBox *m_width;
    QSpinBox *m_height;
    QComboBox *m_scale;
    QComboBox *m_format;
    std::vector<ChartKind> m_tabCharts; // the compare or sensitivity view's, when one of theirs
};

} // namespace indexlens
