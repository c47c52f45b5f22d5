// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QWidget>

class QCalendarWidget;
class QLineEdit;
class QToolButton;

namespace indexlens {

// A date a user types, pastes or picks (issue #24): a text field that takes 2023-06-30, 20230630
// or 2023/06/30 from any cursor position or selection (QDateEdit's sections turned "2023-06-30"
// typed over a selection into 2025-06-30), and a button with a calendar. Enter or leaving the
// field enters the date; one that is not a date keeps the field red, with the reason in its
// tooltip and `refused`, and changes nothing.
class DateField : public QWidget {
    Q_OBJECT
public:
    explicit DateField(const QString &name, const QString &tip, QWidget *parent = nullptr);

    QDate date() const { return m_date; }
    // Shows `date` (not an entry: no signal), the field no longer red.
    void setDate(const QDate &date);
    // The calendar's bounds.
    void setDateRange(const QDate &first, const QDate &last);
    QLineEdit *lineEdit() const { return m_edit; }

Q_SIGNALS:
    void dateEntered(const QDate &date);
    void refused(const QString &reason);

protected:
    // A theme switch: the calendar button's style sheet kept the palette it was polished with
    // (dark after Dark → Light, a user trial); polish it again with the new one.
    void changeEvent(QEvent *event) override;

private:
    void enter();
    void showRefusal(const QString &reason);

    QLineEdit *m_edit;
    QToolButton *m_pick;
    QCalendarWidget *m_calendar;
    QDate m_date;
    QString m_tip;
};

} // namespace indexlens
