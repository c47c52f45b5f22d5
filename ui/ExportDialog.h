// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ChartExporter.h"

#include <QDialog>

class QComboBox;
class QSpinBox;

namespace indexlens {

// File > Export PNG: which charts, the size and the pixel density. It returns its choice; the
// window writes the file with the options exportOptionsFor() completes.
class ExportDialog : public QDialog {
    Q_OBJECT
public:
    struct Choice {
        std::vector<ChartKind> kinds;
        ExportOptions options; // width, height, scale
    };

    explicit ExportDialog(QWidget *parent = nullptr);
    Choice choice() const;
    // Shows the dialog; nullopt when cancelled.
    static std::optional<Choice> ask(QWidget *parent);

private:
    QComboBox *m_which;
    QSpinBox *m_width;
    QSpinBox *m_height;
    QComboBox *m_scale;
};

} // namespace indexlens
