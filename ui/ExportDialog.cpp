// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExportDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QSpinBox>

namespace indexlens {

ExportDialog::ExportDialog(QWidget *parent)
    : QDialog(parent), m_which(new QComboBox), m_width(new QSpinBox), m_height(new QSpinBox),
      m_scale(new QComboBox)
{
    setWindowTitle(QStringLiteral("Export PNG"));
    auto *form = new QFormLayout(this);
    m_which->addItems({QStringLiteral("Ratio A/B"), QStringLiteral("Rebased returns"),
                       QStringLiteral("Relative return A - B"),
                       QStringLiteral("Daily return spread"),
                       QStringLiteral("All charts stacked")});
    m_which->setCurrentIndex(4);
    m_width->setRange(320, 8000);
    m_width->setValue(1600);
    m_height->setRange(200, 8000);
    m_height->setValue(900);
    m_scale->addItems({QStringLiteral("1x"), QStringLiteral("2x")});
    form->addRow(QStringLiteral("Charts"), m_which);
    form->addRow(QStringLiteral("Width"), m_width);
    form->addRow(QStringLiteral("Height"), m_height);
    form->addRow(QStringLiteral("Scale"), m_scale);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

ExportDialog::Choice ExportDialog::choice() const
{
    Choice c;
    if (m_which->currentIndex() == 4)
        c.kinds = allChartKinds();
    else
        c.kinds.push_back(allChartKinds()[std::size_t(m_which->currentIndex())]);
    c.options.width = m_width->value();
    c.options.height = m_height->value();
    c.options.scale = m_scale->currentIndex() + 1;
    return c;
}

std::optional<ExportDialog::Choice> ExportDialog::ask(QWidget *parent)
{
    ExportDialog dialog(parent);
    if (dialog.exec() != QDialog::Accepted) return std::nullopt;
    return dialog.choice();
}

} // namespace indexlens
