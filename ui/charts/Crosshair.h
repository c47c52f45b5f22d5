// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QObject>
#include <QPoint>

#include <functional>

class QGraphicsLineItem;
class QGraphicsSimpleTextItem;
class QGraphicsRectItem;

namespace indexlens {

class ChartView;

// A vertical line that follows the mouse, with the date and every series' value there (the text
// comes from `describe`, which asks the model layer).
class Crosshair : public QObject {
    Q_OBJECT
public:
    using Describe = std::function<QString(const QDate &date)>;
    Crosshair(ChartView *view, Describe describe);

    QString text() const;
    // Describes the date under the mouse again (the range, the rebase day or the pair changed
    // while the mouse stood still): the read-out never shows the previous state.
    void refresh();
    QDate date() const { return m_date; }
    // The line alone at `date`, following the mouse on another chart of the stack; release()
    // takes it away. The mouse on this chart wins over both.
    void follow(const QDate &date);
    void release();
    // Whether the vertical line shows, and where (viewport x), for tests.
    bool lineVisible() const;
    int lineX() const;

Q_SIGNALS:
    void hovered(const QDate &date);
    void left();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void moveTo(const QPoint &pos);
    void hide();

    ChartView *m_view;
    Describe m_describe;
    QGraphicsLineItem *m_line;
    QGraphicsRectItem *m_box;
    QGraphicsSimpleTextItem *m_label;
    QDate m_date;
    QPoint m_pos;
    bool m_mouseHere = false;
};

} // namespace indexlens
