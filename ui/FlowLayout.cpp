// SPDX-License-Identifier: GPL-3.0-or-later
#include "FlowLayout.h"

#include <QWidget>

#include <algorithm>

namespace indexlens {

FlowLayout::FlowLayout(QWidget *parent, int spacing) : QLayout(parent)
{
    setSpacing(spacing);
    setContentsMargins(spacing, spacing / 2, spacing, spacing / 2);
}

FlowLayout::~FlowLayout()
{
    while (QLayoutItem *item = takeAt(0))
        delete item;
}

void FlowLayout::addItem(QLayoutItem *item)
{
    m_items.append(item);
}

QLayoutItem *FlowLayout::takeAt(int index)
{
    return index >= 0 && index < m_items.size() ? m_items.takeAt(index) : nullptr;
}

int FlowLayout::heightForWidth(int width) const
{
    return arrange(QRect(0, 0, width, 0), false);
}

QSize FlowLayout::minimumSize() const
{
    // The widest item alone on a row: anything narrower would cut it.
    QSize size;
    for (const QLayoutItem *item : m_items)
        size = size.expandedTo(item->minimumSize());
    const QMargins m = contentsMargins();
    return size + QSize(m.left() + m.right(), m.top() + m.bottom());
}

QSize FlowLayout::sizeHint() const
{
    // Everything on one row.
    int width = 0;
    int height = 0;
    for (const QLayoutItem *item : m_items) {
        if (item->isEmpty()) continue;
        width += item->sizeHint().width() + spacing();
        height = std::max(height, item->sizeHint().height());
    }
    const QMargins m = contentsMargins();
    return {width - spacing() + m.left() + m.right(), height + m.top() + m.bottom()};
}

void FlowLayout::setGeometry(const QRect &rect)
{
    QLayout::setGeometry(rect);
    arrange(rect, true);
}

int FlowLayout::arrange(const QRect &rect, bool apply) const
{
    const QRect area = rect.marginsRemoved(contentsMargins());
    int y = area.y();
    std::vector<QLayoutItem *> row;
    int rowWidth = 0;
    int rowHeight = 0;
    const auto placeRow = [&] {
        int x = area.x();
        for (QLayoutItem *item : row) {
            const QSize size = item->sizeHint();
            if (apply)
                item->setGeometry(QRect(QPoint(x, y + (rowHeight - size.height()) / 2), size));
            x += size.width() + spacing();
        }
        y += rowHeight + spacing();
        row.clear();
        rowWidth = rowHeight = 0;
    };
    for (QLayoutItem *item : m_items) {
        if (item->isEmpty()) continue;
        const QSize size = item->sizeHint();
        if (!row.empty() && rowWidth + spacing() + size.width() > area.width()) placeRow();
        rowWidth += (row.empty() ? 0 : spacing()) + size.width();
        rowHeight = std::max(rowHeight, size.height());
        row.push_back(item);
    }
    if (!row.empty()) placeRow();
    const QMargins m = contentsMargins();
    return y - spacing() - rect.y() + m.bottom() + (y == area.y() ? spacing() : 0);
}

} // namespace indexlens
