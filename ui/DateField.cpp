// SPDX-License-Identifier: GPL-3.0-or-later
#include "DateField.h"

#include "core/TypedDate.h"

#include <QCalendarWidget>
#include <QEvent>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMenu>
#include <QToolButton>
#include <QWidgetAction>

namespace indexlens {

namespace {
const QString kPickSheet = QStringLiteral("QToolButton::menu-indicator { image: none; }");
} // namespace

void DateField::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() != QEvent::PaletteChange && event->type() != QEvent::StyleChange) return;
    m_pick->setStyleSheet(QString());
    m_pick->setStyleSheet(kPickSheet);
}

DateField::DateField(const QString &name, const QString &tip, QWidget *parent)
    : QWidget(parent), m_edit(new QLineEdit), m_pick(new QToolButton),
      m_calendar(new QCalendarWidget), m_tip(tip)
{
    setObjectName(name);
    m_edit->setObjectName(name + QStringLiteral("Text"));
    m_edit->setToolTip(tip);
    m_edit->setPlaceholderText(QStringLiteral("2023-06-30"));
    m_edit->setMaxLength(24); // room for a pasted date with spaces around it
    m_edit->setFixedWidth(m_edit->fontMetrics().horizontalAdvance(QStringLiteral("0000-00-00")) +
                          16);
    m_pick->setObjectName(name + QStringLiteral("Calendar"));
    m_pick->setArrowType(Qt::DownArrow);
    m_pick->setToolTip(QStringLiteral("Pick the date on a calendar"));
    m_pick->setPopupMode(QToolButton::InstantPopup);
    m_pick->setStyleSheet(kPickSheet);
    auto *menu = new QMenu(m_pick);
    auto *holder = new QWidgetAction(menu);
    holder->setDefaultWidget(m_calendar);
    menu->addAction(holder);
    m_pick->setMenu(menu);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed); // the toolbar does not stretch it
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_edit);
    layout->addWidget(m_pick);
    connect(m_edit, &QLineEdit::editingFinished, this, &DateField::enter);
    connect(m_calendar, &QCalendarWidget::clicked, this, [this, menu](const QDate &date) {
        menu->close();
        setDate(date);
        Q_EMIT dateEntered(date);
    });
}

void DateField::setDate(const QDate &date)
{
    m_date = date;
    m_edit->setText(date.toString(Qt::ISODate));
    m_edit->setStyleSheet(QString());
    m_edit->setToolTip(m_tip);
    m_calendar->setSelectedDate(date);
}

void DateField::setDateRange(const QDate &first, const QDate &last)
{
    m_calendar->setDateRange(first, last);
}

void DateField::enter()
{
    const TypedDate typed = parseTypedDate(m_edit->text());
    if (!typed.date.isValid()) {
        showRefusal(typed.reason);
        return;
    }
    if (typed.date == m_date && m_edit->styleSheet().isEmpty()) {
        setDate(typed.date); // written the usual way
        return;
    }
    setDate(typed.date);
    Q_EMIT dateEntered(typed.date);
}

void DateField::showRefusal(const QString &reason)
{
    // Red until a date is entered or shown; the reason where the pointer and the status bar are.
    m_edit->setStyleSheet(QStringLiteral("QLineEdit { background: #f8d7da; color: #58151c; }"));
    m_edit->setToolTip(reason);
    Q_EMIT refused(reason);
}

} // namespace indexlens
