// SPDX-License-Identifier: GPL-3.0-or-later
// Issue #22, 5: an oracle that keeps the window honest. Every number the window shows for a state
// (the pair's headline, Returns, Periods and Largest moves tabs; the compare view's returns table,
// its bars, its legend and end tags) is compared with the command line's JSON for the same
// request, run in-process: equal to 1e-9, and n/a exactly where the JSON has null (or the command
// refuses the request). The states are seeded and random: pairs of ETFs, price indices, a series
// that starts late (IWD) and one that ends early (IWF, ^IXIC), rates, total or price return, a
// range by preset or by dates on weekends, holidays, before a series starts and after one ends;
// periods; moves by A, B or the spread, up or down; a compare list with days and periods. A
// failure names the seed and the state: INDEXLENS_ORACLE_SEED=N replays one.
#include "charts/ChartView.h"
#include "cli/CommandLine.h"
#include "ComparePanel.h"
#include "import/ImportBatch.h"
#include "MainWindow.h"
#include "models/ResultTableModel.h"
#include "session/CompareSession.h"
#include "storage/PriceStore.h"
#include "TestCommon.h"

#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QRegularExpression>
#include <QTest>
#include <QTextDocumentFragment>

#include <cmath>
#include <memory>
#include <random>

using namespace indexlens;
using namespace indexlens::test;

namespace {

const QStringList kSymbols = {QStringLiteral("IWM"),   QStringLiteral("SPY"),
                              QStringLiteral("^GSPC"), QStringLiteral("^IXIC"),
                              QStringLiteral("IWD"),   QStringLiteral("IWF")};
constexpr int kStates = 200;

QString iso(const QDate &d)
{
    return d.toString(Qt::ISODate);
}

// A date from 2021-12-20 to 2025-10-10: weekends, holidays, before every series and after them.
QDate randomDate(std::mt19937 &rng)
{
    const QDate first(2021, 12, 20);
    return first.addDays(
        std::uniform_int_distribution<int>(0, int(first.daysTo({2025, 10, 10})))(rng));
}

// The command's answer: its rows, or none when it refused the request (exit 2: nothing answers).
struct Cli {
    int status = 0;
    QJsonArray rows;
    QString err;
};

Cli runCli(const QString &db, const QStringList &args)
{
    QString out, err;
    QTextStream o(&out), e(&err);
    Cli r;
    r.status =
        runCommandLine(QStringList{QStringLiteral("indexlens"), QStringLiteral("--db"), db} + args +
                           QStringList{QStringLiteral("--format"), QStringLiteral("json")},
                       o, e);
    o.flush();
    e.flush();
    r.err = err;
    if (r.status == 0) r.rows = QJsonDocument::fromJson(out.toUtf8()).array();
    return r;
}

// A view's cell and the command's value agree: both n/a, or the same number.
bool same(const QVariant &shown, const QJsonValue &expected)
{
    if (expected.isNull() || expected.isUndefined()) return !shown.isValid();
    return shown.isValid() && std::abs(shown.toDouble() - expected.toDouble()) <=
                                  1e-9 * std::max(1.0, std::abs(expected.toDouble()));
}

QString shownText(const QVariant &v)
{
    return v.isValid() ? QString::number(v.toDouble(), 'g', 12) : QStringLiteral("n/a");
}

QString jsonText(const QJsonValue &v)
{
    return v.isDouble()   ? QString::number(v.toDouble(), 'g', 12)
           : v.isString() ? v.toString()
                          : QStringLiteral("null");
}

// The headline's rounding: "+3.6%", "−0.7%"; "+82 bp".
QString signedRounded(double v, int decimals)
{
    const QString digits = QString::number(std::abs(v), 'f', decimals);
    const bool zero = QString::number(0.0, 'f', decimals) == digits;
    return (v >= 0 || zero ? QStringLiteral("+") : QStringLiteral("\u2212")) + digits;
}

} // namespace

class TestOracle : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void issue22WindowAgreesWithTheCommandLine();

private:
    struct State {
        QString a, b;
        QStringList rates;
        bool price = false;
        QString preset;           // or the dates below
        QDate askedFrom, askedTo; // what was typed
        std::vector<Period> periods;
        MoveRanking ranking = MoveRanking::ByA;
        MoveDirection direction = MoveDirection::Both;
        QStringList compare;
        std::vector<QDate> days;
        std::vector<Period> comparePeriods;
        QString describe() const;
    };
    State randomState(std::mt19937 &rng) const;
    void apply(const State &s);
    // The request the range bar holds, as a command takes it: the dates asked, clamped to the
    // pair's data (the range bar clamps them), or the preset's start and the last day.
    std::pair<QDate, QDate> request(const State &s) const;
    QStringList pairArgs(const State &s) const;
    void checkPair(const State &s, const QString &where);
    void checkReturnsTab(const State &s, const QJsonArray &rows, const QString &where);
    void checkHeadline(const State &s, const QJsonArray &rows, const QString &where);
    void checkPeriodsTab(const State &s, const QString &where);
    void checkMovesTab(const State &s, const QString &where);
    void checkCompare(const State &s, const QString &where);
    void checkExtremes(const ResultTableModel &model, int r, int first, const Cli &extremes,
                       const QString &where);
    void checkLegend(const State &s, const std::vector<Cli> &answers, const ChartLine &line,
                     const QString &title, const QString &symbol, const QString &where);
    QJsonValue returnOf(const Cli &cli, const QString &symbol) const;

    std::unique_ptr<TempDatabase> m_temp;
    std::unique_ptr<MainWindow> m_window;
    bool m_setRangeTook = true;
    int m_compared = 0; // numbers compared, for the log
};

QString TestOracle::State::describe() const
{
    QStringList p;
    for (const Period &x : periods)
        p << iso(x.start) + QLatin1Char(':') + iso(x.end);
    QStringList d;
    for (const QDate &x : days)
        d << iso(x);
    for (const Period &x : comparePeriods)
        d << iso(x.start) + QLatin1Char(':') + iso(x.end);
    return QStringLiteral("pair %1/%2 rates [%3] %4 range %5 periods [%6] moves by %7 %8; compare "
                          "[%9] measures [%10]")
        .arg(a, b, rates.join(QLatin1Char(',')),
             price ? QStringLiteral("price") : QStringLiteral("total"),
             preset.isEmpty() ? iso(askedFrom) + QStringLiteral("..") + iso(askedTo) : preset,
             p.join(QLatin1Char(' ')), rankingName(ranking), directionName(direction),
             compare.join(QLatin1Char(',')))
        .arg(d.join(QLatin1Char(' ')));
}

void TestOracle::initTestCase()
{
    const QString dir = syntheticDataDir();
    m_temp = std::make_unique<TempDatabase>();
    qputenv("INDEXLENS_SETTINGS", (m_temp->dir() + QStringLiteral("/settings.ini")).toUtf8());
    qputenv("INDEXLENS_NO_DIALOGS", "1");
    PriceStore store(m_temp->db());
    QStringList files;
    for (const QString &symbol : kSymbols)
        files << dir +
                     (symbol == QLatin1String("^IXIC") ? QStringLiteral("/close-only/")
                                                       : QStringLiteral("/yahoo/")) +
                     symbol + QStringLiteral(".csv");
    files << dir + QStringLiteral("/fred/DGS10.csv") << dir + QStringLiteral("/fred/DGS2.csv");
    for (const auto &r : importFiles(store, files, {}))
        QVERIFY2(!r.error, qPrintable(r.path));
    m_window = std::make_unique<MainWindow>(m_temp->path());
    m_window->resize(1000, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

TestOracle::State TestOracle::randomState(std::mt19937 &rng) const
{
    State s;
    const auto pickOne = [&](const QStringList &from) {
        return from[std::uniform_int_distribution<int>(0, int(from.size()) - 1)(rng)];
    };
    s.a = pickOne(kSymbols);
    do
        s.b = pickOne(kSymbols);
    while (s.b == s.a);
    const int rates = std::uniform_int_distribution<int>(0, 2)(rng);
    if (rates > 0) s.rates << QStringLiteral("DGS10");
    if (rates > 1) s.rates << QStringLiteral("DGS2");
    s.price = rng() % 4 == 0;
    if (rng() % 3 == 0) {
        s.preset = pickOne(rangePresets());
    } else {
        s.askedFrom = randomDate(rng);
        s.askedTo = randomDate(rng);
        if (s.askedTo < s.askedFrom) std::swap(s.askedFrom, s.askedTo);
    }
    for (int n = int(rng() % 3); n > 0; --n) {
        Period p{randomDate(rng), randomDate(rng)};
        if (p.end < p.start) std::swap(p.start, p.end);
        s.periods.push_back(p);
    }
    s.ranking = MoveRanking(rng() % 3);
    s.direction = MoveDirection(rng() % 3);
    const int count = std::uniform_int_distribution<int>(2, 4)(rng);
    while (s.compare.size() < count) {
        const QString symbol = pickOne(kSymbols);
        if (!s.compare.contains(symbol)) s.compare << symbol;
    }
    for (int n = int(rng() % 3); n > 0; --n) {
        QDate d = randomDate(rng);
        while (d.dayOfWeek() > 5) // the view snaps a weekend; a holiday stays
            d = d.addDays(1);
        if (std::find(s.days.begin(), s.days.end(), d) == s.days.end()) s.days.push_back(d);
    }
    std::sort(s.days.begin(), s.days.end());
    if (rng() % 2 == 0) {
        Period p{randomDate(rng), randomDate(rng)};
        if (p.end < p.start) std::swap(p.start, p.end);
        s.comparePeriods.push_back(p);
    }
    return s;
}

void TestOracle::apply(const State &s)
{
    PairSession &session = m_window->session();
    m_window->pick(s.a, s.b, s.rates);
    session.setBasis(s.price ? ReturnBasis::Price : ReturnBasis::Total);
    if (!s.preset.isEmpty())
        session.applyPreset(s.preset);
    else
        m_setRangeTook = session.setRange(s.askedFrom, s.askedTo);
    while (!session.periods().empty())
        session.removePeriod(0);
    for (const Period &p : s.periods) {
        try {
            session.addPeriod(p);
        } catch (const UserError &) { // listed twice: once is enough
        }
    }
    session.setMoveRanking(s.ranking);
    session.setMoveDirection(s.direction);
    CompareSession &compare = m_window->compareSession();
    compare.setSymbols(s.compare);
    compare.clearMeasures();
    for (const QDate &d : s.days)
        compare.addDay(d);
    for (const Period &p : s.comparePeriods)
        compare.addPeriod(p);
    QApplication::processEvents();
}

std::pair<QDate, QDate> TestOracle::request(const State &s) const
{
    const PairData &pair = *m_window->pair();
    const PairSession &session = m_window->session();
    if (!s.preset.isEmpty()) {
        // The preset rule, written out here on its own: from the same date a year (months)
        // before the last day, YTD from the previous year's 31 December.
        const QDate last = pair.last();
        QDate start = pair.first();
        if (s.preset == QLatin1String("YTD"))
            start = QDate(last.year() - 1, 12, 31);
        else if (s.preset.endsWith(QLatin1Char('M')))
            start = last.addMonths(-s.preset.chopped(1).toInt());
        else if (s.preset != QLatin1String("Max"))
            start = last.addYears(-s.preset.chopped(1).toInt());
        if (start < pair.first() || pair.dayOnOrBefore(start) == last) start = pair.first();
        return {start, last};
    }
    if (!m_setRangeTook) return {session.from(), session.to()}; // refused: the range before
    return {std::max(s.askedFrom, pair.first()), std::min(s.askedTo, pair.last())};
}

QStringList TestOracle::pairArgs(const State &s) const
{
    QStringList args{QStringLiteral("--a"), s.a, QStringLiteral("--b"), s.b};
    if (!s.rates.isEmpty()) args << QStringLiteral("--rate") << s.rates.join(QLatin1Char(','));
    if (s.price) args << QStringLiteral("--price-return");
    return args;
}

void TestOracle::issue22WindowAgreesWithTheCommandLine()
{
    const QByteArray only = qgetenv("INDEXLENS_ORACLE_SEED");
    const int first = only.isEmpty() ? 1 : only.toInt();
    // The sanitized run (tests/run-sanitized.sh) takes fewer states: it is several times slower.
    const int states = qEnvironmentVariableIsSet("INDEXLENS_ORACLE_STATES")
                           ? qEnvironmentVariableIntValue("INDEXLENS_ORACLE_STATES")
                           : kStates;
    const int last = only.isEmpty() ? states : first;
    for (int seed = first; seed <= last; ++seed) {
        std::mt19937 rng(std::mt19937::result_type(seed) * 2654435761UL);
        const State s = randomState(rng);
        apply(s);
        const QString where =
            QStringLiteral("seed %1 (INDEXLENS_ORACLE_SEED=%1): %2").arg(seed).arg(s.describe());
        checkPair(s, where);
        if (QTest::currentTestFailed()) return;
        checkCompare(s, where);
        if (QTest::currentTestFailed()) return;
    }
    qInfo("oracle: %d states, %d numbers compared", last - first + 1, m_compared);
}

void TestOracle::checkPair(const State &s, const QString &where)
{
    m_window->showView(0);
    QApplication::processEvents();
    const PairSession &session = m_window->session();
    const auto [from, to] = request(s);
    // The Range column and the headline measure the range; YTD and one year are as of its last
    // day. `periods` on the same request is their command.
    const QDate end = session.to();
    Cli cli =
        runCli(m_temp->path(),
               QStringList{QStringLiteral("periods")} + pairArgs(s) +
                   QStringList{QStringLiteral("--period"), iso(from) + QLatin1Char(':') + iso(to),
                               QStringLiteral("--period"),
                               iso(QDate(end.year() - 1, 12, 31)) + QLatin1Char(':') + iso(end),
                               QStringLiteral("--period"),
                               iso(end.addYears(-1)) + QLatin1Char(':') + iso(end)});
    QVERIFY2(cli.status == 0 || cli.status == 2,
             qPrintable(where + QStringLiteral(": ") + cli.err));
    QVERIFY2(cli.status == 0,
             qPrintable(where + QStringLiteral(": the range itself refused: ") + cli.err));
    checkReturnsTab(s, cli.rows, where);
    checkHeadline(s, cli.rows, where);
    checkPeriodsTab(s, where);
    checkMovesTab(s, where);
}

void TestOracle::checkReturnsTab(const State &s, const QJsonArray &rows, const QString &where)
{
    ResultTableModel *returns = m_window->returnsModel();
    // A, B, A − B (issue #24, 17), then the rates.
    QCOMPARE(returns->rowCount(), 3 + int(s.rates.size()));
    const QStringList fields = {QStringLiteral("a_return_pct"), QStringLiteral("b_return_pct"),
                                QStringLiteral("diff_pct"), QStringLiteral("rate_change_bps"),
                                QStringLiteral("rate2_change_bps")};
    for (int r = 0; r < returns->rowCount(); ++r)
        for (int c = 0; c < 3; ++c) {
            const QJsonObject row = rows[c].toObject();
            const QString &field = fields[r];
            const QVariant shown = returns->index(r, c + 1).data(Qt::UserRole);
            QVERIFY2(same(shown, row.value(field)),
                     qPrintable(QStringLiteral("%1: Returns tab row %2 column %3: window %4, "
                                               "periods %5 %6")
                                    .arg(where)
                                    .arg(r)
                                    .arg(c + 1)
                                    .arg(shownText(shown), field, jsonText(row.value(field)))));
            QCOMPARE(returns->index(r, c + 1).data().toString() == QLatin1String("n/a"),
                     row.value(field).isNull());
            ++m_compared;
        }
}

void TestOracle::checkHeadline(const State &s, const QJsonArray &rows, const QString &where)
{
    // The line above the charts: "<b>pair title</b> &nbsp; headline", as it reads.
    const QString plain = QTextDocumentFragment::fromHtml(
                              m_window->findChild<QLabel *>(QStringLiteral("headline"))->text())
                              .toPlainText()
                              .simplified();
    const QString headline = plain.mid(m_window->pair()->pairTitle().size()).simplified();
    const QJsonObject range = rows[0].toObject();
    QString expected =
        QStringLiteral("%1 %2%  %3 %4%")
            .arg(s.a, signedRounded(range.value(QStringLiteral("a_return_pct")).toDouble(), 1), s.b,
                 signedRounded(range.value(QStringLiteral("b_return_pct")).toDouble(), 1));
    for (int k = 0; k < s.rates.size(); ++k) {
        const QJsonValue bp = range.value(k == 0 ? QStringLiteral("rate_change_bps")
                                                 : QStringLiteral("rate2_change_bps"));
        const QString label = rateLabel(s.rates[k]);
        if (bp.isNull()) {
            // No change: the headline leaves it out, or says why (its data end).
            QVERIFY2(
                !headline.contains(QRegularExpression(label + QStringLiteral(" [+\u2212]\\d+ bp"))),
                qPrintable(where + QStringLiteral(": headline ") + headline));
            continue;
        }
        expected += QStringLiteral("  %1 %2 bp").arg(label, signedRounded(bp.toDouble(), 0));
    }
    // Leave out what says why a change is missing, and a currency note.
    QString shown = headline;
    shown.remove(QRegularExpression(
        QStringLiteral(" \\S+ n/a \\((data ends [-0-9]+|data begin [-0-9]+|no data)\\)")));
    expected = expected.simplified();
    QVERIFY2(shown.section(QStringLiteral(" ("), 0, 0) == expected,
             qPrintable(QStringLiteral("%1: headline \"%2\", periods says \"%3\"")
                            .arg(where, headline, expected)));
    m_compared += 2 + int(s.rates.size());
}

void TestOracle::checkPeriodsTab(const State &s, const QString &where)
{
    ResultTableModel *model = m_window->periodsModel();
    const std::vector<Period> &periods = m_window->session().periods();
    QCOMPARE(model->rowCount(), int(periods.size()));
    if (periods.empty()) return;
    QStringList args = pairArgs(s);
    for (const Period &p : periods)
        args << QStringLiteral("--period") << iso(p.start) + QLatin1Char(':') + iso(p.end);
    const Cli cli = runCli(m_temp->path(), QStringList{QStringLiteral("periods")} + args);
    QVERIFY2(cli.status == 0 || cli.status == 2, qPrintable(where + cli.err));
    const ResultTable &table = model->table();
    for (int r = 0; r < model->rowCount(); ++r)
        for (int c = 2; c < int(table.columns().size()); ++c) {
            const QString field = table.columns()[std::size_t(c)].field;
            const QJsonValue expected =
                cli.status == 0 ? cli.rows[r].toObject().value(field) : QJsonValue();
            const QVariant shown = model->index(r, c).data(Qt::UserRole);
            QVERIFY2(same(shown, expected),
                     qPrintable(QStringLiteral("%1: Periods row %2 %3: window %4, periods %5 (%6)")
                                    .arg(where)
                                    .arg(r)
                                    .arg(field, shownText(shown), jsonText(expected), cli.err)));
            ++m_compared;
        }
}

void TestOracle::checkMovesTab(const State &s, const QString &where)
{
    const auto [from, to] = request(s);
    QStringList args = {QStringLiteral("moves"),
                        QStringLiteral("--a"),
                        s.a,
                        QStringLiteral("--b"),
                        s.b,
                        QStringLiteral("--from"),
                        iso(from),
                        QStringLiteral("--to"),
                        iso(to),
                        QStringLiteral("--top"),
                        QStringLiteral("20"),
                        QStringLiteral("--by"),
                        rankingName(s.ranking),
                        QStringLiteral("--direction"),
                        directionName(s.direction)};
    if (!s.rates.isEmpty()) args << QStringLiteral("--rate") << s.rates.front();
    if (s.price) args << QStringLiteral("--price-return");
    const Cli cli = runCli(m_temp->path(), args);
    QVERIFY2(cli.status == 0, qPrintable(where + QStringLiteral(": moves: ") + cli.err));
    ResultTableModel *model = m_window->movesModel();
    QVERIFY2(model->rowCount() == cli.rows.size(),
             qPrintable(QStringLiteral("%1: %2 moves in the window, %3 from moves")
                            .arg(where)
                            .arg(model->rowCount())
                            .arg(cli.rows.size())));
    const ResultTable &table = model->table();
    for (int r = 0; r < model->rowCount(); ++r)
        for (int c = 0; c < int(table.columns().size()); ++c) {
            const QString field = table.columns()[std::size_t(c)].field;
            const QJsonValue expected = cli.rows[r].toObject().value(field);
            const QVariant shown = model->index(r, c).data(Qt::UserRole);
            const bool ok =
                expected.isString()
                    ? shown.toDate() == QDate::fromString(expected.toString(), Qt::ISODate)
                    : same(shown, expected);
            QVERIFY2(ok, qPrintable(QStringLiteral("%1: moves row %2 %3: window %4, moves %5")
                                        .arg(where)
                                        .arg(r)
                                        .arg(field, shown.toString(), jsonText(expected))));
            ++m_compared;
        }
}

QJsonValue TestOracle::returnOf(const Cli &cli, const QString &symbol) const
{
    for (const auto &row : cli.rows)
        if (row.toObject().value(QStringLiteral("symbol")).toString() == symbol)
            return row.toObject().value(QStringLiteral("return_pct"));
    return QJsonValue(); // refused: nothing answers it
}

void TestOracle::checkCompare(const State &s, const QString &where)
{
    m_window->showView(1);
    QApplication::processEvents();
    ComparePanel *panel = m_window->compare();
    const PairSession &session = m_window->session();
    const QDate from = session.from(), to = session.to();
    QStringList base{QStringLiteral("returns"), QStringLiteral("--symbols"),
                     s.compare.join(QLatin1Char(','))};
    if (s.price) base << QStringLiteral("--price-return");
    // One command per column: the range, YTD, one year, then each day and period of the view.
    std::vector<QStringList> columns = {
        {QStringLiteral("--from"), iso(from), QStringLiteral("--to"), iso(to)},
        {QStringLiteral("--ytd-as-of"), iso(to)},
        {QStringLiteral("--period"), iso(to.addYears(-1)) + QLatin1Char(':') + iso(to)}};
    const ReturnMeasures &measures = m_window->compareSession().measures();
    for (const QDate &d : measures.days)
        columns.push_back({QStringLiteral("--day"), iso(d)});
    for (const Period &p : measures.periods)
        columns.push_back(
            {QStringLiteral("--period"), iso(p.start) + QLatin1Char(':') + iso(p.end)});
    ResultTableModel *model = panel->returnsModel();
    QCOMPARE(model->rowCount(), int(s.compare.size()));
    // Then the range's high and low (issue #25, 3), as `extremes` gives them.
    QCOMPARE(model->columnCount(), 1 + int(columns.size()) + 8);
    QStringList extremesArgs{QStringLiteral("extremes"),
                             QStringLiteral("--symbols"),
                             s.compare.join(QLatin1Char(',')),
                             QStringLiteral("--from"),
                             iso(from),
                             QStringLiteral("--to"),
                             iso(to)};
    if (s.price) extremesArgs << QStringLiteral("--price-return");
    // Refused (2) when no symbol's data cover the range, as `returns`: then the window's
    // columns are all empty.
    const Cli extremes = runCli(m_temp->path(), extremesArgs);
    QVERIFY2(extremes.status == 0 || extremes.status == 2, qPrintable(where + extremes.err));
    std::vector<Cli> answers;
    for (const QStringList &column : columns) {
        answers.push_back(runCli(m_temp->path(), base + column));
        QVERIFY2(answers.back().status == 0 || answers.back().status == 2,
                 qPrintable(where + answers.back().err));
    }
    const ChartContent &bars = panel->barsView()->content();
    const ChartContent &chart = panel->view()->content();
    const bool chosen = !measures.empty();
    for (int r = 0; r < model->rowCount(); ++r) {
        const QString symbol = model->index(r, 0).data().toString();
        std::vector<double> expectedBars;
        for (int c = 0; c < int(columns.size()); ++c) {
            const QJsonValue expected = returnOf(answers[std::size_t(c)], symbol);
            const QVariant shown = model->index(r, c + 1).data(Qt::UserRole);
            QVERIFY2(same(shown, expected),
                     qPrintable(QStringLiteral("%1: compare %2 column %3 (%4): window %5, returns "
                                               "%6")
                                    .arg(where, symbol)
                                    .arg(c + 1)
                                    .arg(columns[std::size_t(c)].join(QLatin1Char(' ')),
                                         shownText(shown), jsonText(expected))));
            ++m_compared;
            if (expected.isDouble() && (chosen ? c >= 3 : c < 3))
                expectedBars.push_back(expected.toDouble());
        }
        checkExtremes(*model, r, 1 + int(columns.size()), extremes, where);
        if (QTest::currentTestFailed()) return;
        // Its bars: the same values, one per column that has one (none where n/a).
        const ChartLine &line = bars.lines[std::size_t(r)];
        QVERIFY2(line.points.size() == expectedBars.size(),
                 qPrintable(QStringLiteral("%1: %2 has %3 bars, %4 values")
                                .arg(where, symbol)
                                .arg(line.points.size())
                                .arg(expectedBars.size())));
        for (std::size_t k = 0; k < expectedBars.size(); ++k)
            QVERIFY2(std::abs(line.points[k].y() - expectedBars[k]) < 1e-9,
                     qPrintable(where + QStringLiteral(": bar of ") + symbol));
        checkLegend(s, answers, chart.lines[std::size_t(r)], chart.title, symbol, where);
        // The end tag names the series where it has a line.
        if (!chart.lines[std::size_t(r)].points.empty())
            QVERIFY(chart.lines[std::size_t(r)].endLabel.startsWith(symbol + QLatin1Char(' ')));
    }
    m_window->showView(0);
}

void TestOracle::checkExtremes(const ResultTableModel &model, int r, int first, const Cli &extremes,
                               const QString &where)
{
    // The range's high and low columns (issue #25, 3) equal what `extremes` gives for the symbol.
    const QString symbol = model.index(r, 0).data().toString();
    QJsonObject high;
    for (const auto &row : extremes.rows)
        if (row[QStringLiteral("symbol")].toString() == symbol) high = row.toObject();
    const char *const fields[] = {"high", "low", "from_high_pct", "from_low_pct"};
    const int offsets[] = {1, 3, 4, 5};
    for (int k = 0; k < 4; ++k) {
        const QVariant shown = model.index(r, first + offsets[k]).data(Qt::UserRole);
        QVERIFY2(same(shown, high.value(QLatin1String(fields[k]))),
                 qPrintable(QStringLiteral("%1: %2 %3: window %4, extremes %5")
                                .arg(where, symbol, QLatin1String(fields[k]), shownText(shown),
                                     jsonText(high.value(QLatin1String(fields[k]))))));
        ++m_compared;
    }
    QCOMPARE(model.index(r, first + 6).data(Qt::UserRole).toString(),
             high.value(QStringLiteral("state")).toString());
}

void TestOracle::checkLegend(const State &s, const std::vector<Cli> &answers, const ChartLine &line,
                             const QString &title, const QString &symbol, const QString &where)
{
    // Its legend: "(ends D)" only for a series without a range return, D its last day;
    // "(price" for a price series beside total return ones, as the JSON's basis says.
    const QString name = line.name;
    const QJsonValue range = returnOf(answers[0], symbol);
    if (name.contains(QStringLiteral("ends ")))
        QVERIFY2(range.isNull() && line.endsEarly,
                 qPrintable(where + QStringLiteral(": legend ") + name));
    QString basis;
    for (const auto &row : answers[1].rows + answers[0].rows)
        if (row.toObject().value(QStringLiteral("symbol")).toString() == symbol)
            basis = row.toObject().value(QStringLiteral("basis")).toString();
    if (name.contains(QStringLiteral("(price")))
        QVERIFY2(basis.isEmpty() || basis == QLatin1String("price"),
                 qPrintable(where + QStringLiteral(": legend ") + name + QLatin1Char(' ') + basis));
    if (basis == QLatin1String("price") && !s.price)
        QVERIFY2(name.contains(QStringLiteral("price")) || title.contains(QStringLiteral("price")),
                 qPrintable(where + QStringLiteral(": ") + symbol + QStringLiteral(" is price: ") +
                            title));
}

QTEST_MAIN(TestOracle)
#include "tst_oracle.moc"
