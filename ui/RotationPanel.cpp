// SPDX-License-Identifier: GPL-3.0-or-later
#include "RotationPanel.h"

#include "ChartMenu.h"
#include "charts/ChartView.h"
#include "core/UserError.h"
#include "models/ResultTableModel.h"
#include "ResultTableView.h"
#include "session/CompareSession.h"
#include "session/PairSession.h"
#include "tables/RotationTable.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMouseEvent>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

namespace indexlens {

RotationPanel::RotationPanel(const PairSession &pair, CompareSession &compare, Loader loader,
                             QWidget *parent)
    : QWidget(parent), m_pair(pair), m_compare(compare), m_loader(std::move(loader)),
      m_view(new ChartView), m_reading(new QLabel), m_model(new ResultTableModel(this))
{
    m_view->setObjectName(QStringLiteral("rotationChart"));
    m_view->setMinimumHeight(260);
    m_view->setMouseTracking(true);
    m_view->viewport()->setMouseTracking(true);
    m_view->viewport()->installEventFilter(this);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu menu;
        addCopyExportEntries(
            menu, this, [this] { Q_EMIT copyRequested(ChartKind::Rotation); },
            [this] { Q_EMIT exportRequested(ChartKind::Rotation); });
        menu.exec(m_view->mapToGlobal(pos));
    });
    m_reading->setObjectName(QStringLiteral("rotationReading"));
    m_reading->setText(QStringLiteral("Point at a dot to read its date and values."));
    m_table = new ResultTableView(m_model, QStringLiteral("rotationTable"));
    m_table->setAccessibleName(QStringLiteral("Rotation table"));
    connect(m_table, &ResultTableView::copied, this,
            [this] { Q_EMIT status(QStringLiteral("Rotation table copied as CSV"), 3000); });
    auto *chartColumn = new QWidget;
    auto *chartLayout = new QVBoxLayout(chartColumn);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    chartLayout->addWidget(m_view, 1);
    chartLayout->addWidget(m_reading);
    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(chartColumn);
    splitter->addWidget(m_table);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({820, 600}); // the table's six columns whole beside the graph
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(makeControls());
    layout->addWidget(splitter, 1);
    m_timer.setInterval(250);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_replay->value() >= m_replay->maximum()) return togglePlay();
        m_replay->setValue(m_replay->value() + 1);
    });
    connect(&m_compare, &CompareSession::rotationChanged, this, &RotationPanel::draw);
    connect(&m_compare, &CompareSession::symbolsChanged, this, &RotationPanel::draw);
}

QWidget *RotationPanel::makeControls()
{
    auto *bar = new QWidget;
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_benchmark = new QComboBox;
    m_benchmark->setObjectName(QStringLiteral("rotationBenchmark"));
    m_benchmark->setEditable(true);
    m_benchmark->setInsertPolicy(QComboBox::NoInsert);
    m_benchmark->setToolTip(QStringLiteral("What the compare list rotates against"));
    connect(m_benchmark, &QComboBox::activated, this, &RotationPanel::applyBenchmark);
    connect(m_benchmark->lineEdit(), &QLineEdit::returnPressed, this,
            &RotationPanel::applyBenchmark);
    m_tail = new QSpinBox;
    m_tail->setObjectName(QStringLiteral("rotationTail"));
    m_tail->setRange(1, 52);
    m_tail->setToolTip(QStringLiteral("Points per tail, ending on the range's last day"));
    m_step = new QComboBox;
    m_step->setObjectName(QStringLiteral("rotationStep"));
    m_step->addItems({QStringLiteral("Weeks"), QStringLiteral("Days")});
    connect(m_tail, &QSpinBox::valueChanged, this, &RotationPanel::applyView);
    connect(m_step, &QComboBox::activated, this, &RotationPanel::applyView);
    m_play = new QPushButton(QStringLiteral("Play"));
    m_play->setObjectName(QStringLiteral("rotationPlay"));
    m_play->setToolTip(QStringLiteral("Replay the tails period by period through the range"));
    connect(m_play, &QPushButton::clicked, this, &RotationPanel::togglePlay);
    m_replay = new QSlider(Qt::Horizontal);
    m_replay->setObjectName(QStringLiteral("rotationReplay"));
    m_replay->setToolTip(QStringLiteral("The day the tails end on"));
    connect(m_replay, &QSlider::valueChanged, this, [this](int i) {
        if (i >= 0 && std::size_t(i) < m_steps.size()) drawAt(m_steps[std::size_t(i)]);
    });
    m_replayDate = new QLabel;
    m_replayDate->setObjectName(QStringLiteral("rotationReplayDate"));
    row->addWidget(new QLabel(QStringLiteral("Benchmark")));
    row->addWidget(m_benchmark);
    row->addWidget(new QLabel(QStringLiteral("Tail")));
    row->addWidget(m_tail);
    row->addWidget(m_step);
    row->addWidget(m_play);
    row->addWidget(m_replay, 1);
    row->addWidget(m_replayDate);
    return bar;
}

void RotationPanel::setInstruments(const QStringList &entries)
{
    const QString current = m_compare.benchmark();
    m_benchmark->clear();
    for (const QString &entry : entries) // "SPY — SPDR S&P 500 ETF": the symbol first
        m_benchmark->addItem(entry.section(QLatin1Char(' '), 0, 0));
    m_benchmark->setCurrentText(current);
}

void RotationPanel::reload()
{
    m_data.reset();
    m_dataKey.clear();
    draw();
}

const RotationData &RotationPanel::data()
{
    const QString key =
        m_compare.symbols().join(QLatin1Char(',')) + QLatin1Char('|') + m_compare.benchmark();
    if (!m_data || key != m_dataKey) {
        m_data.reset();
        m_data = m_loader(m_compare.symbols(), m_compare.benchmark());
        m_dataKey = key;
    }
    return *m_data;
}

void RotationPanel::applyBenchmark()
{
    const QString typed = m_benchmark->currentText().section(QLatin1Char(' '), 0, 0);
    try {
        m_loader({typed}, typed); // refused here, before the session keeps it
        m_compare.setBenchmark(typed);
    } catch (const UserError &e) {
        const QString message = QStringLiteral("Benchmark %1: %2").arg(typed, e.message());
        Q_EMIT status(message, 8000);
        m_benchmark->setCurrentText(m_compare.benchmark());
    }
}

void RotationPanel::applyView()
{
    RotationView v = m_compare.rotation();
    v.tail = m_tail->value();
    v.settings.step = m_step->currentIndex() == 1 ? RotationStep::Day : RotationStep::Week;
    m_compare.setRotation(v);
}

void RotationPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    QMetaObject::invokeMethod(this, &RotationPanel::draw, Qt::QueuedConnection);
}

void RotationPanel::draw()
{
    if (!isVisible() || !m_pair.pair()) return;
    const QSignalBlocker quietTail(m_tail), quietStep(m_step), quietReplay(m_replay);
    m_tail->setValue(m_compare.rotation().tail);
    m_step->setCurrentIndex(m_compare.rotation().settings.step == RotationStep::Day ? 1 : 0);
    if (!m_benchmark->hasFocus()) m_benchmark->setCurrentText(m_compare.benchmark());
    try {
        const std::vector<QDate> steps =
            data().steps(m_pair.from(), m_pair.to(), m_compare.rotation());
        if (steps.empty())
            throw UserError(QStringLiteral("no period of %1 from %2 to %3")
                                .arg(m_compare.benchmark(), m_pair.from().toString(Qt::ISODate),
                                     m_pair.to().toString(Qt::ISODate)));
        // A new range or step starts the replay at its end: the tails end on the range's last day.
        if (steps != m_steps) {
            m_steps = steps;
            m_replay->setRange(0, int(m_steps.size()) - 1);
            m_replay->setValue(m_replay->maximum());
        }
        drawAt(m_steps[std::size_t(m_replay->value())]);
    } catch (const UserError &e) {
        showError(e.message());
    }
}

void RotationPanel::drawAt(const QDate &to)
{
    try {
        const RotationData &d = data();
        const RotationView &v = m_compare.rotation();
        m_tails = d.tails(to, v);
        m_reading->setText(QStringLiteral("Point at a dot to read its date and values."));
        m_view->setContent(d.chart(m_tails, to, v, m_compare.colourSlots()), m_pair.from(), to);
        m_view->setHeadline(d.shortfalls(m_tails, to, v).join(QStringLiteral("; ")));
        m_model->setTable(rotationSummaryTable(m_tails));
        m_replayDate->setText(QStringLiteral("%1 (%2 of %3)")
                                  .arg(to.toString(Qt::ISODate))
                                  .arg(m_replay->value() + 1)
                                  .arg(m_steps.size()));
        m_error.clear();
    } catch (const UserError &e) {
        showError(e.message());
    }
}

void RotationPanel::showError(const QString &message)
{
    m_error = message;
    m_tails.clear();
    ChartContent empty;
    empty.kind = ChartKind::Rotation;
    empty.title = QStringLiteral("Rotation");
    m_view->setContent(empty, m_pair.from(), m_pair.to());
    m_view->setHeadline(m_error);
    m_model->setTable(ResultTable());
}

void RotationPanel::togglePlay()
{
    if (m_timer.isActive()) {
        m_timer.stop();
        m_play->setText(QStringLiteral("Play"));
        return;
    }
    if (m_replay->value() >= m_replay->maximum()) m_replay->setValue(0);
    m_play->setText(QStringLiteral("Pause"));
    m_timer.start();
}

QDate RotationPanel::shownTo() const
{
    const int i = m_replay->value();
    return i >= 0 && std::size_t(i) < m_steps.size() ? m_steps[std::size_t(i)] : m_pair.to();
}

ChartExports::ViewChart RotationPanel::viewChart() const
{
    return {ChartKind::Rotation, QStringLiteral("rotation-%1").arg(m_compare.benchmark()),
            shownTo()};
}

QString RotationPanel::reading() const
{
    return m_reading->text();
}

bool RotationPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::MouseMove)
        readAt(static_cast<QMouseEvent *>(event)->position().toPoint());
    return QWidget::eventFilter(watched, event);
}

// The dot nearest the pointer, within 12 px, read as "IWM 2024-07-26: RS-Ratio 98.64, ...".
void RotationPanel::readAt(const QPoint &pos)
{
    double best = 12 * 12;
    QString text;
    for (const RotationTail &tail : m_tails)
        for (const RotationPoint &p : tail.points) {
            const QPointF at = m_view->pixelOf({p.rsRatio, p.rsMomentum});
            const double dx = at.x() - pos.x(), dy = at.y() - pos.y();
            if (dx * dx + dy * dy <= best) {
                best = dx * dx + dy * dy;
                text = RotationData::pointText(tail.symbol, p);
            }
        }
    if (!text.isEmpty()) m_reading->setText(text);
}

} // namespace indexlens
