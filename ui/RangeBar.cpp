// SPDX-License-Identifier: GPL-3.0-or-later
#include "RangeBar.h"

#include "DateField.h"
#include "FlowLayout.h"
#include "session/PairSession.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace indexlens {

namespace {

// "The last 3 months of the data" for 3M; what the preset buttons' tooltips and the shortcut list
// say.
QString presetDescription(const QString &preset)
{
    if (preset == QLatin1String("Max"))
        return QStringLiteral("The whole common history of A and B");
    if (preset == QLatin1String("YTD"))
        return QStringLiteral("Year to date, from the last close of the previous year");
    const int count = preset.chopped(1).toInt();
    const bool months = preset.endsWith(QLatin1Char('M'));
    const QString unit = months ? QStringLiteral("month") : QStringLiteral("year");
    return count == 1 ? QStringLiteral("The last %1 of the data").arg(unit)
                      : QStringLiteral("The last %1 %2s of the data").arg(count).arg(unit);
}

// A row of widgets that wraps as one (a label stays with its field).
QWidget *group(std::initializer_list<QWidget *> widgets)
{
    auto *box = new QWidget;
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    for (QWidget *w : widgets)
        layout->addWidget(w);
    return box;
}

} // namespace

RangeBar::RangeBar(QWidget *parent)
    : QWidget(parent), m_back(new QPushButton(QStringLiteral("\u2190 Back"))),
      m_from(new DateField(QStringLiteral("rangeFrom"),
                           QStringLiteral("First day shown: type 2023-06-30 or 20230630, "
                                          "then Enter"))),
      m_to(new DateField(QStringLiteral("rangeTo"),
                         QStringLiteral("Last day shown: type 2023-06-30 or 20230630, then "
                                        "Enter"))),
      m_base(new QLabel)
{
    setObjectName(QStringLiteral("rangeBar"));
    auto *flow = new FlowLayout(this, 6);
    auto *presets = new QWidget;
    auto *presetRow = new QHBoxLayout(presets);
    presetRow->setContentsMargins(0, 0, 0, 0);
    presetRow->setSpacing(0);
    auto *buttons = new QButtonGroup(this);
    buttons->setExclusive(false); // no preset is checked after a drag
    int number = 0;
    for (const QString &preset : rangePresets()) {
        auto *button = new QPushButton(preset);
        button->setObjectName(QStringLiteral("preset") + preset);
        button->setCheckable(true);
        button->setFlat(true);
        button->setMaximumWidth(48);
        // Ctrl+1 ... would leave the focus on the button; the charts take it (issue #24, 5b).
        button->setFocusPolicy(Qt::NoFocus);
        // Ctrl+1 .. Ctrl+9, left to right (Ctrl+0 is the whole history).
        const QKeySequence keys(QStringLiteral("Ctrl+%1").arg(++number));
        if (number <= 9) button->setShortcut(keys);
        const QString what = presetDescription(preset);
        button->setToolTip(number <= 9 ? QStringLiteral("%1 (%2)").arg(
                                             what, keys.toString(QKeySequence::NativeText))
                                       : what);
        connect(button, &QPushButton::clicked, this,
                [this, preset] { Q_EMIT presetRequested(preset); });
        buttons->addButton(button);
        presetRow->addWidget(button);
        m_presets.insert(preset, button);
    }
    flow->addWidget(presets);
    m_back->setObjectName(QStringLiteral("back"));
    m_back->setToolTip(QStringLiteral("The range before the last change (Alt+Left)"));
    connect(m_back, &QPushButton::clicked, this, &RangeBar::backRequested);
    auto *addPeriod = new QPushButton(QStringLiteral("Add range to periods"));
    addPeriod->setObjectName(QStringLiteral("addPeriod"));
    addPeriod->setToolTip(QStringLiteral("A row in the Periods table for this range"));
    connect(addPeriod, &QPushButton::clicked, this, &RangeBar::addPeriodRequested);
    flow->addWidget(group({m_back, addPeriod}));
    for (DateField *field : {m_from, m_to}) {
        // A typed date sets the range at Enter or when the field is left, not at every digit.
        connect(field, &DateField::dateEntered, this, [this] {
            if (!m_quiet) Q_EMIT rangeRequested(m_from->date(), m_to->date());
        });
        connect(field, &DateField::refused, this, &RangeBar::refused);
    }
    flow->addWidget(group(
        {new QLabel(QStringLiteral(" From ")), m_from, new QLabel(QStringLiteral(" To ")), m_to}));
    m_base->setObjectName(QStringLiteral("baseLabel"));
    flow->addWidget(m_base);
}

void RangeBar::show(const PairSession &session)
{
    m_quiet = true;
    for (auto it = m_presets.cbegin(); it != m_presets.cend(); ++it)
        it.value()->setChecked(it.key() == session.preset());
    m_back->setEnabled(session.canGoBack());
    if (const PairData *pair = session.pair()) {
        for (DateField *field : {m_from, m_to})
            field->setDateRange(pair->first(), pair->last());
        m_from->setDate(session.from());
        m_to->setDate(session.to());
        m_base->setText(
            QStringLiteral("  base: close of %1").arg(session.baseDay().toString(Qt::ISODate)));
    }
    m_quiet = false;
}

} // namespace indexlens
