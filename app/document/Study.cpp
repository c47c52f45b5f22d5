// SPDX-License-Identifier: GPL-3.0-or-later
#include "Study.h"

#include "analysis/PeriodText.h"
#include "chart/CompareData.h"
#include "core/TextFields.h"
#include "core/UserError.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <cmath>
#include <set>

namespace indexlens {

namespace {

// Reads the fields of one JSON object, remembering which it knew, so that the others can be
// kept (a study written by a newer build keeps its new fields through an older one's save).
class FieldReader {
public:
    FieldReader(const QJsonObject &object, QString where, bool nested = true)
        : m_object(object), m_where(std::move(where)), m_nested(nested)
    {
    }

    UserError fail(const QString &key, const QString &why) const
    {
        // "s.indexlens: version: ..." at the top, "s.indexlens: figures[2].range.from: ..." inside.
        return UserError((m_nested ? QStringLiteral("%1.%2: %3") : QStringLiteral("%1: %2: %3"))
                             .arg(m_where, key, why));
    }
    bool has(const QString &key)
    {
        m_known.insert(key);
        return m_object.contains(key) && !m_object.value(key).isNull();
    }
    QString text(const QString &key, const QString &fallback = {})
    {
        if (!has(key)) return fallback;
        const QJsonValue v = m_object.value(key);
        if (!v.isString()) throw fail(key, QStringLiteral("expected a string"));
        return v.toString();
    }
    bool flag(const QString &key, bool fallback)
    {
        if (!has(key)) return fallback;
        const QJsonValue v = m_object.value(key);
        if (!v.isBool()) throw fail(key, QStringLiteral("expected true or false"));
        return v.toBool();
    }
    int integer(const QString &key, int fallback, int lo, int hi)
    {
        if (!has(key)) return fallback;
        const QJsonValue v = m_object.value(key);
        const double d = v.toDouble(-1e300);
        // The range first: casting 1e63 to int is undefined (found by fuzz_study).
        if (!v.isDouble() || d < lo || d > hi || d != std::floor(d))
            throw fail(key,
                       QStringLiteral("expected a whole number from %1 to %2").arg(lo).arg(hi));
        return int(d);
    }
    QDate date(const QString &key)
    {
        if (!has(key)) return {};
        return dateOf(key, m_object.value(key));
    }
    QDate dateOf(const QString &key, const QJsonValue &v) const
    {
        const QByteArray bytes = v.toString().toLatin1();
        const auto d = v.isString() && bytes.size() == 10
                           ? parseIsoDate(std::string_view(bytes.constData(), 10))
                           : std::nullopt;
        if (!d)
            throw fail(key,
                       QStringLiteral("%1 is not a date (expected YYYY-MM-DD)")
                           .arg(QString::fromUtf8(
                                    QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact))
                                    .mid(1)
                                    .chopped(1)));
        return *d;
    }
    QStringList texts(const QString &key, const QStringList &fallback = {})
    {
        if (!has(key)) return fallback;
        const QJsonValue v = m_object.value(key);
        if (!v.isArray()) throw fail(key, QStringLiteral("expected a list of strings"));
        QStringList out;
        const QJsonArray items = v.toArray();
        for (const auto &item : items) {
            if (!item.isString()) throw fail(key, QStringLiteral("expected a list of strings"));
            out << item.toString();
        }
        return out;
    }
    std::vector<int> integers(const QString &key, int lo, int hi)
    {
        const QJsonValue v = m_object.value(key);
        const QString expected =
            QStringLiteral("expected a list of whole numbers from %1 to %2").arg(lo).arg(hi);
        if (!v.isArray()) throw fail(key, expected);
        std::vector<int> out;
        for (const auto &item : v.toArray()) {
            const double d = item.toDouble(-1e300);
            if (!item.isDouble() || d < lo || d > hi || d != std::floor(d))
                throw fail(key, expected);
            out.push_back(int(d));
        }
        return out;
    }
    QJsonObject object(const QString &key)
    {
        if (!has(key)) return {};
        const QJsonValue v = m_object.value(key);
        if (!v.isObject()) throw fail(key, QStringLiteral("expected an object"));
        return v.toObject();
    }
    QString where() const { return m_where; }
    QJsonObject unknown() const
    {
        QJsonObject out;
        for (auto it = m_object.begin(); it != m_object.end(); ++it)
            if (!m_known.count(it.key())) out.insert(it.key(), it.value());
        return out;
    }

private:
    QJsonObject m_object;
    QString m_where;
    bool m_nested;
    std::set<QString> m_known;
};

FigureRange rangeFrom(FieldReader &r)
{
    const QJsonObject object = r.object(QStringLiteral("range"));
    FieldReader range(object, r.where() + QStringLiteral(".range"));
    FigureRange out;
    // {}: a returns figure measures its days and periods only.
    if (object.isEmpty()) return out;
    out.preset = range.text(QStringLiteral("preset"));
    out.from = range.date(QStringLiteral("from"));
    out.to = range.date(QStringLiteral("to"));
    if (!out.preset.isEmpty()) {
        if (!rangePresets().contains(out.preset))
            throw range.fail(QStringLiteral("preset"),
                             QStringLiteral("%1 is not a preset (expected %2)")
                                 .arg(out.preset, rangePresets().join(QStringLiteral(", "))));
        out.from = out.to = QDate();
    } else if (!out.from.isValid() || !out.to.isValid()) {
        throw r.fail(QStringLiteral("range"),
                     QStringLiteral("expected {\"preset\": \"1Y\"} or {\"from\": DATE, \"to\": "
                                    "DATE}"));
    } else if (out.to < out.from) {
        throw range.fail(QStringLiteral("to"),
                         QStringLiteral("%1 is before from %2")
                             .arg(out.to.toString(Qt::ISODate), out.from.toString(Qt::ISODate)));
    }
    return out;
}

std::vector<Period> periodsFrom(FieldReader &r, const QString &key)
{
    std::vector<Period> out;
    for (const QString &text : r.texts(key)) {
        const TypedPeriod p = parseTypedPeriod(text);
        if (!p.ok())
            throw r.fail(key, QStringLiteral("%1 is not a period (expected START:END, e.g. "
                                             "2024-07-01:2024-07-23)")
                                  .arg(text));
        out.push_back(p.period);
    }
    return out;
}

std::vector<ChartKind> chartsFrom(FieldReader &r)
{
    std::vector<ChartKind> out;
    for (const QString &name : r.texts(QStringLiteral("charts"))) {
        const auto &kinds = pairChartKinds();
        const auto it = std::find_if(kinds.begin(), kinds.end(),
                                     [&](ChartKind k) { return chartKindName(k) == name; });
        if (it == kinds.end())
            throw r.fail(QStringLiteral("charts"),
                         QStringLiteral("%1 is not a chart (expected ratio, rebased, relative, "
                                        "spread or drawdown)")
                             .arg(name));
        out.push_back(*it);
    }
    return out;
}

template <typename Enum>
Enum named(FieldReader &r, const QString &key, Enum fallback,
           std::optional<Enum> (*byName)(const QString &), const QString &expected)
{
    const QString text = r.text(key);
    if (text.isEmpty()) return fallback;
    const auto value = byName(text);
    if (!value) throw r.fail(key, QStringLiteral("%1: expected %2").arg(text, expected));
    return *value;
}

void readSymbols(FieldReader &r, Figure &f)
{
    f.a = r.text(QStringLiteral("a"), f.a).toUpper();
    f.b = r.text(QStringLiteral("b"), f.b).toUpper();
    for (const QString &s : r.texts(QStringLiteral("symbols")))
        f.symbols << s.toUpper();
    if (r.has(QStringLiteral("colours"))) {
        f.colours = r.integers(QStringLiteral("colours"), 0, CompareData::kMaxSeries - 1);
        if (!validColourSlots(f.colours, f.symbols.size()))
            throw r.fail(QStringLiteral("colours"),
                         QStringLiteral("expected one colour (0 to %1) per symbol, each once")
                             .arg(CompareData::kMaxSeries - 1));
    }
    f.rates = r.texts(QStringLiteral("rates"), f.rates);
    const QString basis = r.text(QStringLiteral("basis"), QStringLiteral("total"));
    if (basis != QLatin1String("total") && basis != QLatin1String("price"))
        throw r.fail(QStringLiteral("basis"), basis + QStringLiteral(": expected total or price"));
    f.basis = basis == QLatin1String("price") ? ReturnBasis::Price : ReturnBasis::Total;
}

// A rotation figure's benchmark, tails and definition (issue #25).
void readRotation(FieldReader &r, Figure &f)
{
    f.benchmark = r.text(QStringLiteral("benchmark"), f.benchmark).toUpper();
    RotationView &v = f.rotation;
    v.tail = r.integer(QStringLiteral("tail"), v.tail, 1, 10000);
    v.settings.shortPeriods =
        r.integer(QStringLiteral("rsShort"), v.settings.shortPeriods, 1, 1000);
    v.settings.longPeriods = r.integer(QStringLiteral("rsLong"), v.settings.longPeriods, 1, 1000);
    v.settings.momentumPeriods =
        r.integer(QStringLiteral("rsMomentum"), v.settings.momentumPeriods, 1, 1000);
    const QString step = r.text(QStringLiteral("rotationStep"), QStringLiteral("week"));
    if (step != QLatin1String("week") && step != QLatin1String("day"))
        throw r.fail(QStringLiteral("rotationStep"),
                     step + QStringLiteral(": expected week or day"));
    v.settings.step = step == QLatin1String("day") ? RotationStep::Day : RotationStep::Week;
}

void readView(FieldReader &r, Figure &f)
{
    f.charts = chartsFrom(r);
    f.logScale = r.flag(QStringLiteral("log"), false);
    f.periodBands = r.flag(QStringLiteral("periodBands"), false);
    f.regimeBands = r.flag(QStringLiteral("regimeBands"), false);
    f.markedMoves = r.integer(QStringLiteral("markMoves"), 0, 0, 50);
    f.moveRanking = named(r, QStringLiteral("moveRanking"), MoveRanking::ByA, &rankingNamed,
                          QStringLiteral("a, b or spread"));
    f.moveDirection = named(r, QStringLiteral("moveDirection"), MoveDirection::Both,
                            &directionNamed, QStringLiteral("up, down or both"));
    f.drawdownChart = r.flag(QStringLiteral("drawdownChart"), false);
    f.sensitivityChart = r.flag(QStringLiteral("sensitivityChart"), false);
    f.window = r.integer(QStringLiteral("window"), 60, 5, 1000);
    f.top = r.integer(QStringLiteral("top"), 10, 1, 1000);
    readRotation(r, f);
    f.width = r.integer(QStringLiteral("width"), 1600, 320, 8000);
    f.height = r.integer(QStringLiteral("height"), 900, 200, 8000);
    f.scale = r.integer(QStringLiteral("scale"), 1, 1, 3);
    const QString theme = r.text(QStringLiteral("theme"), QStringLiteral("light"));
    if (theme != QLatin1String("light") && theme != QLatin1String("dark"))
        throw r.fail(QStringLiteral("theme"), theme + QStringLiteral(": expected light or dark"));
    f.dark = theme == QLatin1String("dark");
}

QJsonArray stringArray(const QStringList &list)
{
    QJsonArray out;
    for (const QString &s : list)
        out.append(s);
    return out;
}

QJsonValue rangeJson(const FigureRange &range)
{
    if (!range.preset.isEmpty()) return QJsonObject{{QStringLiteral("preset"), range.preset}};
    if (!range.from.isValid()) return QJsonObject();
    return QJsonObject{{QStringLiteral("from"), range.from.toString(Qt::ISODate)},
                       {QStringLiteral("to"), range.to.toString(Qt::ISODate)}};
}

// Line and column of a byte offset, as an editor counts them.
std::pair<int, int> lineAndColumn(const QByteArray &bytes, int offset)
{
    int line = 1, column = 1;
    for (int i = 0; i < offset && i < bytes.size(); ++i) {
        if (bytes[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

} // namespace

bool Study::operator==(const Study &o) const
{
    return title == o.title && figures == o.figures && view == o.view && current == o.current &&
           unknown == o.unknown;
}

Figure figureFromJson(const QJsonObject &object, const QString &where)
{
    FieldReader r(object, where);
    Figure f;
    const QString kind = r.text(QStringLiteral("kind"), QStringLiteral("pair"));
    const auto k = figureKindNamed(kind);
    if (!k) {
        QStringList names;
        for (FigureKind each : figureKinds())
            names << figureKindName(each);
        throw r.fail(QStringLiteral("kind"),
                     QStringLiteral("%1: expected %2").arg(kind, names.join(QStringLiteral(", "))));
    }
    f.kind = *k;
    f.title = r.text(QStringLiteral("title"));
    f.caption = r.text(QStringLiteral("caption"));
    readSymbols(r, f);
    f.range = r.has(QStringLiteral("range")) ? rangeFrom(r) : f.range;
    const bool measuresOnly = f.range.preset.isEmpty() && !f.range.from.isValid();
    if (measuresOnly && (isPairKind(f.kind) || f.kind == FigureKind::Compare))
        throw r.fail(QStringLiteral("range"),
                     QStringLiteral("a %1 figure needs {\"preset\": \"1Y\"} or {\"from\": "
                                    "DATE, \"to\": DATE}")
                         .arg(figureKindName(f.kind)));
    if (const QDate d = r.date(QStringLiteral("rebase")); d.isValid()) f.rebase = d;
    f.periods = periodsFrom(r, QStringLiteral("periods"));
    for (const QString &text : r.texts(QStringLiteral("days")))
        f.days.push_back(r.dateOf(QStringLiteral("days"), text));
    std::sort(f.days.begin(), f.days.end());
    f.days.erase(std::unique(f.days.begin(), f.days.end()), f.days.end());
    f.returnPeriods = periodsFrom(r, QStringLiteral("returnPeriods"));
    readView(r, f);
    f.unknown = r.unknown();
    return f;
}

QJsonObject figureToJson(const Figure &f)
{
    QJsonObject o = f.unknown;
    o.insert(QStringLiteral("kind"), figureKindName(f.kind));
    if (!f.title.isEmpty()) o.insert(QStringLiteral("title"), f.title);
    if (!f.caption.isEmpty()) o.insert(QStringLiteral("caption"), f.caption);
    o.insert(QStringLiteral("a"), f.a);
    o.insert(QStringLiteral("b"), f.b);
    if (!f.symbols.isEmpty()) o.insert(QStringLiteral("symbols"), stringArray(f.symbols));
    if (!f.colours.empty()) {
        QJsonArray colours;
        for (int slot : f.colours)
            colours.append(slot);
        o.insert(QStringLiteral("colours"), colours);
    }
    o.insert(QStringLiteral("rates"), stringArray(f.rates));
    o.insert(QStringLiteral("basis"),
             f.basis == ReturnBasis::Price ? QStringLiteral("price") : QStringLiteral("total"));
    o.insert(QStringLiteral("range"), rangeJson(f.range));
    if (f.rebase) o.insert(QStringLiteral("rebase"), f.rebase->toString(Qt::ISODate));
    QStringList periods, days, charts, returnPeriods;
    for (const Period &p : f.periods)
        periods << periodText(p);
    for (const Period &p : f.returnPeriods)
        returnPeriods << periodText(p);
    for (const QDate &d : f.days)
        days << d.toString(Qt::ISODate);
    for (ChartKind k : f.charts)
        charts << chartKindName(k);
    if (!periods.isEmpty()) o.insert(QStringLiteral("periods"), stringArray(periods));
    if (!days.isEmpty()) o.insert(QStringLiteral("days"), stringArray(days));
    if (!returnPeriods.isEmpty())
        o.insert(QStringLiteral("returnPeriods"), stringArray(returnPeriods));
    if (!charts.isEmpty()) o.insert(QStringLiteral("charts"), stringArray(charts));
    o.insert(QStringLiteral("log"), f.logScale);
    o.insert(QStringLiteral("periodBands"), f.periodBands);
    o.insert(QStringLiteral("regimeBands"), f.regimeBands);
    o.insert(QStringLiteral("markMoves"), f.markedMoves);
    o.insert(QStringLiteral("moveRanking"), rankingName(f.moveRanking));
    o.insert(QStringLiteral("moveDirection"), directionName(f.moveDirection));
    o.insert(QStringLiteral("drawdownChart"), f.drawdownChart);
    o.insert(QStringLiteral("sensitivityChart"), f.sensitivityChart);
    o.insert(QStringLiteral("window"), f.window);
    o.insert(QStringLiteral("top"), f.top);
    if (f.kind == FigureKind::Rotation) {
        const RotationSettings &rs = f.rotation.settings;
        o.insert(QStringLiteral("benchmark"), f.benchmark);
        o.insert(QStringLiteral("tail"), f.rotation.tail);
        o.insert(QStringLiteral("rsShort"), rs.shortPeriods);
        o.insert(QStringLiteral("rsLong"), rs.longPeriods);
        o.insert(QStringLiteral("rsMomentum"), rs.momentumPeriods);
        o.insert(QStringLiteral("rotationStep"),
                 rs.step == RotationStep::Day ? QStringLiteral("day") : QStringLiteral("week"));
    }
    o.insert(QStringLiteral("width"), f.width);
    o.insert(QStringLiteral("height"), f.height);
    o.insert(QStringLiteral("scale"), f.scale);
    o.insert(QStringLiteral("theme"), f.dark ? QStringLiteral("dark") : QStringLiteral("light"));
    return o;
}

QByteArray studyToJson(const Study &study)
{
    QJsonObject o = study.unknown;
    o.insert(QStringLiteral("version"), Study::kVersion);
    o.insert(QStringLiteral("title"), study.title);
    QJsonArray figures;
    for (const Figure &f : study.figures)
        figures.append(figureToJson(f));
    o.insert(QStringLiteral("figures"), figures);
    o.insert(QStringLiteral("view"), figureToJson(study.view));
    o.insert(QStringLiteral("current"), study.current);
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

Study studyFromJson(const QByteArray &bytes, const QString &fileName)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        // Qt's offset is one past the character where the parser stopped.
        const auto [line, column] = lineAndColumn(bytes, std::max(0, error.offset - 1));
        throw UserError(QStringLiteral("%1, line %2, column %3: %4 (not a study's JSON)")
                            .arg(fileName)
                            .arg(line)
                            .arg(column)
                            .arg(error.errorString()));
    }
    if (!doc.isObject())
        throw UserError(QStringLiteral("%1: expected a JSON object with \"version\" and "
                                       "\"figures\"")
                            .arg(fileName));
    FieldReader r(doc.object(), fileName, false);
    const int version = r.integer(QStringLiteral("version"), 0, 0, 1000000);
    if (version < 1)
        throw r.fail(QStringLiteral("version"), QStringLiteral("missing: not a study"));
    if (version > Study::kVersion)
        throw UserError(QStringLiteral("%1: a study of version %2, newer than this build of "
                                       "IndexLens reads (%3); update IndexLens to open it (the "
                                       "file is left as it is)")
                            .arg(fileName)
                            .arg(version)
                            .arg(Study::kVersion));
    Study study;
    study.title = r.text(QStringLiteral("title"));
    const QJsonValue figures = doc.object().value(QStringLiteral("figures"));
    r.has(QStringLiteral("figures"));
    if (!figures.isUndefined() && !figures.isArray())
        throw r.fail(QStringLiteral("figures"), QStringLiteral("expected a list of figures"));
    const QJsonArray list = figures.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString where = QStringLiteral("%1: figures[%2]").arg(fileName).arg(i + 1);
        if (!list[i].isObject()) throw UserError(where + QStringLiteral(": expected an object"));
        study.figures.push_back(figureFromJson(list[i].toObject(), where));
    }
    if (r.has(QStringLiteral("view")))
        study.view =
            figureFromJson(r.object(QStringLiteral("view")), fileName + QStringLiteral(": view"));
    else if (!study.figures.empty())
        study.view = study.figures.front();
    study.current = r.integer(QStringLiteral("current"), study.figures.empty() ? -1 : 0, -1,
                              int(study.figures.size()) - 1);
    study.unknown = r.unknown();
    return study;
}

Study readStudy(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw UserError(QStringLiteral("%1: cannot read (%2)").arg(path, file.errorString()));
    return studyFromJson(file.readAll(), path);
}

void writeStudy(const QString &path, const Study &study, bool keepBackup)
{
    const QByteArray bytes = studyToJson(study);
    if (keepBackup && QFileInfo::exists(path)) {
        QFile old(path);
        const QString backup = path + QStringLiteral(".bak");
        QSaveFile bak(backup);
        if (!old.open(QIODevice::ReadOnly) || !bak.open(QIODevice::WriteOnly) ||
            bak.write(old.readAll()) < 0 || !bak.commit())
            throw UserError(QStringLiteral("%1: cannot keep the previous version as %2 (%3); "
                                           "nothing was written")
                                .arg(path, backup, bak.errorString()));
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        throw UserError(QStringLiteral("%1: cannot save (%2); the file is as it was")
                            .arg(path, file.errorString()));
}

QString figureName(const Figure &figure)
{
    if (!figure.title.isEmpty()) return figure.title;
    // "pair IWM/SPY, 1Y": figures of one pair told apart by their ranges.
    const bool measuresOnly = figure.range.preset.isEmpty() && !figure.range.from.isValid();
    return measuresOnly ? figure.subject()
                        : figure.subject() + QStringLiteral(", ") + figure.rangeText();
}

int findFigure(const Study &study, const QString &key)
{
    bool number = false;
    const int n = key.toInt(&number);
    if (number) return n >= 1 && n <= int(study.figures.size()) ? n - 1 : -1;
    for (std::size_t i = 0; i < study.figures.size(); ++i)
        if (study.figures[i].title.compare(key.trimmed(), Qt::CaseInsensitive) == 0) return int(i);
    return -1;
}

} // namespace indexlens
