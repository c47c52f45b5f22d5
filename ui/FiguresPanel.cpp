// SPDX-License-Identifier: GPL-3.0-or-later
#include "FiguresPanel.h"

#include "core/UserError.h"
#include "session/StudySession.h"

#include <QAbstractItemModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace indexlens {

FiguresPanel::FiguresPanel(StudySession &study, QWidget *parent)
    : QWidget(parent), m_study(study), m_title(new QLineEdit), m_list(new QListWidget),
      m_caption(new QLineEdit), m_addTable(new QToolButton)
{
    setObjectName(QStringLiteral("figuresPanel"));
    m_title->setObjectName(QStringLiteral("studyTitle"));
    m_title->setPlaceholderText(QStringLiteral("Study title"));
    m_list->setObjectName(QStringLiteral("figures"));
    m_list->setDragDropMode(QAbstractItemView::InternalMove);
    m_list->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_list->setToolTip(QStringLiteral("Click to show, double-click to rename, drag to reorder, "
                                      "Delete to remove"));
    m_list->installEventFilter(this);
    // Long titles are elided, not scrolled sideways; the tooltip has the whole title.
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setMinimumWidth(200);
    m_caption->setObjectName(QStringLiteral("figureCaption"));
    m_caption->setPlaceholderText(QStringLiteral("Caption of the selected figure"));
    m_title->setToolTip(QStringLiteral("The study's title: the heading of render's index.md"));
    m_caption->setToolTip(QStringLiteral("The caption under the selected figure in index.md"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addWidget(new QLabel(QStringLiteral("<b>Figures of the study</b>")));
    layout->addWidget(m_title);
    layout->addWidget(m_list, 1);
    layout->addLayout(buildButtons());
    layout->addWidget(new QLabel(QStringLiteral("Caption")));
    layout->addWidget(m_caption);
    wireList();
    connect(m_caption, &QLineEdit::editingFinished, this,
            [this] { m_study.setCaption(m_list->currentRow(), m_caption->text()); });
    connect(m_title, &QLineEdit::editingFinished, this,
            [this] { m_study.setStudyTitle(m_title->text()); });
    connect(&m_study, &StudySession::changed, this, &FiguresPanel::refresh);
    connect(&m_study, &StudySession::opened, this, [this] { m_clicked = -1; });
    refresh();
}

QHBoxLayout *FiguresPanel::buildButtons()
{
    auto *add = new QPushButton(QStringLiteral("Add view"));
    add->setObjectName(QStringLiteral("addFigure"));
    add->setToolTip(QStringLiteral("Add the current view as a figure (Ctrl+D)"));
    m_addTable->setText(QStringLiteral("Add table"));
    m_addTable->setObjectName(QStringLiteral("addTable"));
    m_addTable->setPopupMode(QToolButton::InstantPopup);
    m_addTable->setToolTip(QStringLiteral("Add a table of the view to the study: its periods, its "
                                          "largest moves, or the compare view's returns"));
    auto *tables = new QMenu(m_addTable);
    const std::vector<std::pair<FigureKind, QString>> kinds{
        {FigureKind::PeriodsTable, QStringLiteral("Periods table")},
        {FigureKind::MovesTable, QStringLiteral("Largest moves table")},
        {FigureKind::ReturnsTable, QStringLiteral("Compare returns table")}};
    for (const auto &[kind, name] : kinds) {
        const FigureKind k = kind;
        tables->addAction(name, this, [this, k] { Q_EMIT addTableRequested(k); });
    }
    m_addTable->setMenu(tables);
    auto *remove = new QPushButton(QStringLiteral("Delete"));
    remove->setObjectName(QStringLiteral("removeFigure"));
    remove->setToolTip(QStringLiteral("Remove the selected figure from the study (Delete)"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(m_addTable);
    buttons->addWidget(remove);
    connect(add, &QPushButton::clicked, this, &FiguresPanel::addViewRequested);
    connect(remove, &QPushButton::clicked, this, &FiguresPanel::removeSelected);
    return buttons;
}

void FiguresPanel::wireList()
{
    connect(m_list, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        m_clicked = m_list->row(item);
        if (const auto note = m_study.showFigure(m_clicked)) Q_EMIT failed(*note);
    });
    connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        if (m_refreshing) return;
        m_study.renameFigure(m_list->row(item), item->text());
    });
    connect(m_list->model(), &QAbstractItemModel::rowsMoved, this,
            [this](const QModelIndex &, int start, int, const QModelIndex &, int row) {
                if (m_refreshing) return;
                // Qt's destination row counts the moved row itself when it moves down.
                m_study.moveFigure(start, row > start ? row - 1 : row);
            });
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        const auto &figures = m_study.study().figures;
        m_caption->setEnabled(row >= 0);
        m_caption->setText(row >= 0 && row < int(figures.size()) ? figures[std::size_t(row)].caption
                                                                 : QString());
    });
}

void FiguresPanel::refresh()
{
    m_refreshing = true;
    const Study &study = m_study.study();
    if (!m_title->hasFocus()) {
        m_title->setText(study.title);
        m_title->setCursorPosition(0); // the start of a long title, not its end
    }
    // Items are updated in place while the count stays (a rename commits from inside the item's
    // editor, which a cleared list would pull from under it).
    if (m_list->count() != int(study.figures.size())) {
        m_list->clear();
        for (std::size_t i = 0; i < study.figures.size(); ++i) {
            auto *item = new QListWidgetItem;
            item->setFlags(item->flags() | Qt::ItemIsEditable | Qt::ItemIsDragEnabled);
            m_list->addItem(item);
        }
    }
    for (std::size_t i = 0; i < study.figures.size(); ++i) {
        const Figure &f = study.figures[i];
        QListWidgetItem *item = m_list->item(int(i));
        item->setText(figureName(f));
        item->setToolTip(QStringLiteral("%1. %2\n%3, %4")
                             .arg(i + 1)
                             .arg(figureName(f), f.subject(), f.rangeText()));
    }
    // The exhibit the view edits; else the one clicked last (a table, shown but not edited),
    // while it is there.
    const int row = study.current >= 0                      ? study.current
                    : m_clicked < int(study.figures.size()) ? m_clicked
                                                            : -1;
    m_list->setCurrentRow(row);
    m_caption->setEnabled(row >= 0);
    m_caption->setText(row >= 0 ? study.figures[std::size_t(row)].caption : QString());
    m_caption->setCursorPosition(0);
    m_refreshing = false;
}

void FiguresPanel::removeSelected()
{
    const int row = m_list->currentRow();
    if (row >= 0) m_study.removeFigure(row);
}

bool FiguresPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Delete) { // (an editor takes its own)
        removeSelected();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace indexlens
