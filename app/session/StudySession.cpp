// SPDX-License-Identifier: GPL-3.0-or-later
#include "StudySession.h"

#include "analysis/Measure.h"
#include "CompareSession.h"
#include "core/UserError.h"
#include "PairSession.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace indexlens {

namespace {

constexpr std::size_t kMaxUndo = 500;

// The state the sessions hold with the fields that are `own`'s: the kind, title, caption, size,
// theme, the charts of a stack, the rows of a table and the fields this build does not know. The
// view keeps its own across changes, and an exhibit the view edits keeps its own.
Figure withOwnFields(Figure state, const Figure &own)
{
    state.kind = own.kind;
    state.title = own.title;
    state.caption = own.caption;
    state.charts = own.charts;
    state.width = own.width;
    state.height = own.height;
    state.scale = own.scale;
    state.dark = own.dark;
    state.top = own.top;
    state.unknown = own.unknown;
    return state;
}

// The tab an exhibit shows in: a table or bars in the view that holds them (a pair's tables in
// the pair view, returns in the compare view).
FigureKind tabOf(FigureKind kind)
{
    switch (kind) {
    case FigureKind::PeriodsTable:
    case FigureKind::MovesTable:
    case FigureKind::Scatter:
        return FigureKind::Pair;
    case FigureKind::ReturnsTable:
    case FigureKind::ReturnsBars:
        return FigureKind::Compare;
    default:
        return kind;
    }
}

// `study` with exhibit `index` in the view. One the view cannot edit (a table, bars: another
// kind than its tab) is shown but not current; a returns figure that measures only its days and
// periods shows their span, as render draws it.
Study showing(Study study, int index)
{
    study.current = index;
    Figure view = study.figures[std::size_t(index)];
    view.kind = tabOf(view.kind);
    if (view.range.preset.isEmpty() && !view.range.from.isValid()) {
        const auto [from, to] = measuresSpan(view.days, view.returnPeriods);
        view.range = FigureRange{QString(), from, to};
    }
    if (view.kind != study.figures[std::size_t(index)].kind) study.current = -1;
    study.view = view;
    return study;
}

// A new exhibit from the view: its own title and caption are still to be written (the view may
// show another exhibit's).
Figure untitled(Figure figure)
{
    figure.title.clear();
    figure.caption.clear();
    figure.unknown = QJsonObject();
    return figure;
}

} // namespace

StudySession::StudySession(PairSession &pair, CompareSession &compare, QObject *parent)
    : QObject(parent), m_pair(pair), m_compare(compare)
{
    m_study.view = viewFromSessions();
    m_saved = studyToJson(m_study);
    for (auto signal : {&PairSession::pairChanged, &PairSession::rangeChanged,
                        &PairSession::periodsChanged, &PairSession::optionsChanged})
        connect(&m_pair, signal, this, &StudySession::capture);
    connect(&m_compare, &CompareSession::symbolsChanged, this, &StudySession::capture);
    connect(&m_compare, &CompareSession::measuresChanged, this, &StudySession::capture);
    connect(&m_compare, &CompareSession::rotationChanged, this, &StudySession::capture);
    // The recovery copy is written once the changes of a gesture settle, not at each frame.
    m_recoveryTimer.setSingleShot(true);
    m_recoveryTimer.setInterval(250);
    connect(&m_recoveryTimer, &QTimer::timeout, this, &StudySession::writeRecovery);
}

StudySession::~StudySession()
{
    if (m_recoveryTimer.isActive()) writeRecovery();
}

QString StudySession::displayName() const
{
    return m_path.isEmpty() ? QStringLiteral("Untitled") : QFileInfo(m_path).fileName();
}

bool StudySession::modified() const
{
    return studyToJson(m_study) != m_saved;
}

bool StudySession::worthAsking() const
{
    return modified() && (!m_path.isEmpty() || !m_study.figures.empty());
}

Figure StudySession::viewFromSessions() const
{
    Figure view = m_pair.figure();
    m_compare.fillFigure(view);
    return withOwnFields(view, m_study.view);
}

void StudySession::capture()
{
    if (m_applying || !m_pair.pair()) return;
    Study next = m_study;
    next.view = viewFromSessions();
    if (next.current >= 0) {
        Figure &figure = next.figures[std::size_t(next.current)];
        figure = withOwnFields(next.view, figure);
    }
    commit(std::move(next), m_pair.continuesGesture());
}

void StudySession::commit(Study next, bool continues)
{
    if (next == m_study) return;
    // A change that continues a gesture replaces the step it continues.
    if (!continues || m_undo.empty()) {
        m_undo.push_back(m_study);
        if (m_undo.size() > kMaxUndo) m_undo.erase(m_undo.begin());
    }
    m_redo.clear();
    m_study = std::move(next);
    if (!m_recoveryPath.isEmpty()) m_recoveryTimer.start();
    Q_EMIT changed();
}

void StudySession::edit(const std::function<void(Study &)> &change)
{
    Study next = m_study;
    change(next);
    commit(std::move(next), false);
}

void StudySession::setViewKind(FigureKind kind)
{
    if (m_study.view.kind == kind || m_applying) return;
    edit([&](Study &s) {
        s.view.kind = kind;
        // Another tab leaves the exhibit: the view is a scratch figure again.
        if (s.current >= 0 && s.figures[std::size_t(s.current)].kind != kind) s.current = -1;
    });
}

std::optional<QString> StudySession::apply(const Study &study)
{
    m_applying = true;
    const FigureKind kind = m_study.view.kind;
    m_study = study;
    std::optional<QString> error;
    try {
        m_compare.applyFigure(study.view);
        error = m_pair.applyFigure(study.view);
    } catch (...) {
        m_applying = false;
        throw;
    }
    m_applying = false;
    if (kind != study.view.kind) Q_EMIT viewKindChanged();
    return error;
}

void StudySession::newStudy()
{
    Study fresh;
    fresh.view = m_study.view;
    m_path.clear();
    m_undo.clear();
    m_redo.clear();
    m_study = fresh;
    m_saved = studyToJson(m_study);
    if (!m_recoveryPath.isEmpty()) m_recoveryTimer.start();
    Q_EMIT opened();
    Q_EMIT changed();
}

std::optional<QString> StudySession::open(const QString &path)
{
    const Study study = readStudy(path); // throws: nothing changed yet
    return show(study, QFileInfo(path).absoluteFilePath(), false);
}

std::optional<QString> StudySession::show(const Study &study, const QString &path, bool modified)
{
    m_undo.clear();
    m_redo.clear();
    m_path = path;
    // A note opens on the exhibit it was left on (its first, for one written by hand).
    const int current = study.current;
    auto error = apply(current >= 0 && current < int(study.figures.size()) ? showing(study, current)
                                                                           : study);
    // What the sessions made of it (a preset's dates, a symbol's spelling) is the view now;
    // opening is not a change.
    Study shown = m_study;
    if (m_pair.pair()) shown.view = viewFromSessions();
    m_study = shown;
    m_saved = modified ? QByteArray() : studyToJson(m_study);
    if (!m_recoveryPath.isEmpty()) m_recoveryTimer.start();
    Q_EMIT opened();
    Q_EMIT changed();
    if (current >= 0) Q_EMIT figureShown(current);
    return error;
}

void StudySession::save()
{
    if (m_path.isEmpty()) throw UserError(QStringLiteral("the study has no file yet: Save as"));
    saveAs(m_path);
}

void StudySession::saveAs(const QString &path)
{
    writeStudy(path, m_study); // throws: everything as it was
    m_path = QFileInfo(path).absoluteFilePath();
    m_saved = studyToJson(m_study);
    writeRecovery();
    Q_EMIT changed();
}

int StudySession::addCurrentView()
{
    // A snapshot: the view goes on as a scratch figure (the next change does not edit the one
    // just added; clicking it does).
    edit([](Study &s) {
        s.figures.push_back(untitled(s.view));
        s.current = -1;
    });
    return int(m_study.figures.size()) - 1;
}

int StudySession::addTable(FigureKind kind, int rows)
{
    if (!isTableKind(kind)) throw UserError(QStringLiteral("not a table: ") + figureKindName(kind));
    edit([&](Study &s) {
        Figure table = untitled(s.view);
        table.kind = kind;
        table.charts.clear();
        table.top = rows;
        s.figures.push_back(table);
    });
    return int(m_study.figures.size()) - 1;
}

std::optional<QString> StudySession::showFigure(int index)
{
    if (index < 0 || index >= int(m_study.figures.size())) return std::nullopt;
    const Study before = m_study;
    auto error = apply(showing(m_study, index));
    if (m_pair.pair()) m_study.view = viewFromSessions();
    if (m_study.current >= 0)
        m_study.figures[std::size_t(index)] =
            withOwnFields(m_study.view, m_study.figures[std::size_t(index)]);
    if (m_study != before) {
        m_undo.push_back(before);
        m_redo.clear();
    }
    if (!m_recoveryPath.isEmpty()) m_recoveryTimer.start();
    Q_EMIT changed();
    Q_EMIT figureShown(index);
    return error;
}

void StudySession::setStudyTitle(const QString &title)
{
    edit([&](Study &s) { s.title = title.trimmed(); });
}

void StudySession::renameFigure(int index, const QString &title)
{
    if (index < 0 || index >= int(m_study.figures.size())) return;
    edit([&](Study &s) { s.figures[std::size_t(index)].title = title.trimmed(); });
}

void StudySession::setCaption(int index, const QString &caption)
{
    if (index < 0 || index >= int(m_study.figures.size())) return;
    edit([&](Study &s) { s.figures[std::size_t(index)].caption = caption.trimmed(); });
}

void StudySession::moveFigure(int from, int to)
{
    const int n = int(m_study.figures.size());
    if (from < 0 || from >= n || to < 0 || to >= n || from == to) return;
    edit([&](Study &s) {
        const Figure moved = s.figures[std::size_t(from)];
        s.figures.erase(s.figures.begin() + from);
        s.figures.insert(s.figures.begin() + to, moved);
        if (s.current == from)
            s.current = to;
        else if (s.current >= std::min(from, to) && s.current <= std::max(from, to))
            s.current += from < to ? -1 : 1;
    });
}

void StudySession::removeFigure(int index)
{
    if (index < 0 || index >= int(m_study.figures.size())) return;
    edit([&](Study &s) {
        s.figures.erase(s.figures.begin() + index);
        if (s.current == index)
            s.current = -1;
        else if (s.current > index)
            --s.current;
    });
}

bool StudySession::undo()
{
    if (m_undo.empty()) return false;
    Study previous = m_undo.back();
    m_undo.pop_back();
    m_redo.push_back(m_study);
    apply(previous);
    if (!m_recoveryPath.isEmpty()) m_recoveryTimer.start();
    Q_EMIT changed();
    return true;
}

bool StudySession::redo()
{
    if (m_redo.empty()) return false;
    Study next = m_redo.back();
    m_redo.pop_back();
    m_undo.push_back(m_study);
    apply(next);
    if (!m_recoveryPath.isEmpty()) m_recoveryTimer.start();
    Q_EMIT changed();
    return true;
}

void StudySession::setRecoveryPath(const QString &path)
{
    m_recoveryPath = path;
}

void StudySession::writeRecovery() const
{
    if (m_recoveryPath.isEmpty()) return;
    QJsonObject o{
        {QStringLiteral("path"), m_path},
        {QStringLiteral("modified"), modified()},
        {QStringLiteral("study"), QJsonDocument::fromJson(studyToJson(m_study)).object()}};
    QSaveFile file(m_recoveryPath);
    const QByteArray bytes = QJsonDocument(o).toJson(QJsonDocument::Indented);
    // A recovery copy that cannot be written costs nothing but the recovery; the study is intact.
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size()) file.commit();
}

bool StudySession::recover(QString *error)
{
    QFile file(m_recoveryPath);
    if (m_recoveryPath.isEmpty() || !file.open(QIODevice::ReadOnly)) return false;
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    try {
        const QByteArray bytes =
            QJsonDocument(o.value(QStringLiteral("study")).toObject()).toJson();
        const Study study = studyFromJson(bytes, m_recoveryPath);
        const auto note = show(study, o.value(QStringLiteral("path")).toString(),
                               o.value(QStringLiteral("modified")).toBool());
        if (note && error) *error = *note;
    } catch (const UserError &e) {
        if (error) *error = e.message();
        return false;
    }
    return true;
}

} // namespace indexlens
