// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QHash>
#include <QWidget>

class QLabel;
class QPushButton;

namespace indexlens {

class DateField;
class PairSession;

// The range controls above the charts: the presets (the active one checked), Back, "Add range to
// periods", From and To date fields with a calendar, and the base close. It shows the session's
// range and emits what the user asks for. Its groups wrap to a second row in a narrow window
// (FlowLayout), so every control stays reachable down to the window's minimum size.
class RangeBar : public QWidget {
    Q_OBJECT
public:
    explicit RangeBar(QWidget *parent = nullptr);

    void show(const PairSession &session);
    QPushButton *presetButton(const QString &preset) const { return m_presets.value(preset); }

Q_SIGNALS:
    void presetRequested(const QString &preset);
    void backRequested();
    void addPeriodRequested();
    void rangeRequested(const QDate &from, const QDate &to);
    void refused(const QString &reason); // a typed date that is not one

private:
    QHash<QString, QPushButton *> m_presets;
    QPushButton *m_back;
    DateField *m_from;
    DateField *m_to;
    QLabel *m_base;
    bool m_quiet = false;
};

} // namespace indexlens
