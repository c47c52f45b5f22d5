// SPDX-License-Identifier: GPL-3.0-or-later
#include "SensitivityPanel.h"

#include "chart/SeriesBasis.h"

#include "ChartMenu.h"

#include "charts/ChartView.h"
#include "core/UserError.h"
#include "session/PairSession.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

namespace indexlens {

SensitivityPanel::SensitivityPanel(const PairSession &session, QWidget *parent)
    : QWidget(parent), m_session(session), m_window(new QComboBox), m_view(new ChartView),
      m_scatter(new ChartView)
{
    m_scatter->setObjectName(QStringLiteral("scatterChart"));
    m_window->setObjectName(QStringLiteral("sensitivityWindow"));
    m_window->setToolTip(QStringLiteral("The rolling window, in days with a rate observation"));
    for (const int days : PairSession::sensitivityWindows())
        m_window->addItem(QStringLiteral("%1 days").arg(days), days);
    m_window->setCurrentIndex(m_window->findData(m_session.sensitivityWindow()));
    // The session keeps the window (the pair view's sensitivity chart uses it too); its
    // optionsChanged redraws both.
    connect(m_window, &QComboBox::activated, this,
            [this] { Q_EMIT windowChosen(m_window->currentData().toInt()); });
    m_view->setObjectName(QStringLiteral("sensitivityChart"));
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(QStringLiteral("Window")));
    top->addWidget(m_window);
    top->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    auto *charts = new QSplitter(Qt::Vertical);
    charts->setChildrenCollapsible(false);
    charts->addWidget(m_view);
    charts->addWidget(m_scatter);
    layout->addWidget(charts, 1);
    for (ChartView *view : {m_view, m_scatter}) {
        const ChartKind kind = view == m_view ? ChartKind::Sensitivity : ChartKind::Scatter;
        view->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(view, &QWidget::customContextMenuRequested, this,
                [this, view, kind](const QPoint &pos) {
                    QMenu menu;
                    addCopyExportEntries(
                        menu, this, [this, kind] { Q_EMIT copyRequested(kind); },
                        [this, kind] { Q_EMIT exportRequested(kind); });
                    menu.exec(view->mapToGlobal(pos));
                });
    }
}

ChartExports::ViewChart SensitivityPanel::viewChart(ChartKind kind) const
{
    const PairData *pair = m_session.pair();
    const QString a = pair ? pair->symbolA() : QString(), b = pair ? pair->symbolB() : QString();
    return {kind, QStringLiteral("%1-%2-%3").arg(a, b, chartKindName(kind)), {}};
}

ChartContent SensitivityPanel::content(ChartKind kind, int widthPx) const
{
    const QDate from = m_session.from(), to = m_session.to();
    if (kind == ChartKind::Scatter) return m_session.pair()->scatterChart(from, to);
    return m_session.pair()->sensitivityChart(from, to, widthPx, window());
}

int SensitivityPanel::window() const
{
    return m_session.sensitivityWindow();
}

void SensitivityPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    QMetaObject::invokeMethod(this, &SensitivityPanel::draw, Qt::QueuedConnection);
}

void SensitivityPanel::draw()
{
    if (!isVisible() || !m_session.pair()) return;
    m_window->setCurrentIndex(m_window->findData(window()));
    const QDate from = m_session.from(), to = m_session.to();
    try {
        const int width = std::max(200, int(m_view->plotArea().width()));
        m_view->setContent(content(ChartKind::Sensitivity, width), from, to);
        m_view->setHeadline(QString());
        m_scatter->setContent(content(ChartKind::Scatter, width), from, to);
        m_error.clear();
    } catch (const UserError &e) {
        m_error = e.message();
        m_view->setHeadline(m_error);
    }
}

} // namespace indexlens
