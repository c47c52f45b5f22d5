// SPDX-License-Identifier: GPL-3.0-or-later
// The pair view's state and rules without a widget (issue #11): presets, snapping to trading
// days, clamping, zoom, pan, Back, "Rebase here", periods, save and restore, and the one symbol
// resolver. Every date below is checked by hand against the synthetic calendar.
#include "analysis/PeriodText.h"
#include "core/UserError.h"
#include "document/Study.h"
#include "import/ImportBatch.h"
#include "session/AvailablePick.h"
#include "session/PairSession.h"
#include "storage/PriceStore.h"
#include "storage/SymbolResolver.h"
#include "TestCommon.h"

#include <QSignalSpy>
#include <QTest>

using namespace indexlens;
using namespace indexlens::test;

namespace {

// Weekdays from 2023-01-02 to `last`, without 2024-01-01, 2024-07-04 and 2025-01-01.
// A grows 0.1 % a day from 100, B stays at 50; the 10-year runs to 2025-04-17 only.
struct Market {
    QDate last = QDate(2025, 6, 30);
    int loads = 0;

    std::vector<QDate> days() const
    {
        std::vector<QDate> out;
        for (QDate d(2023, 1, 2); d <= last; d = d.addDays(1))
            if (d.dayOfWeek() <= 5 && d != QDate(2024, 1, 1) && d != QDate(2024, 7, 4) &&
                d != QDate(2025, 1, 1))
                out.push_back(d);
        return out;
    }

    PairData load(const PairPick &pick)
    {
        ++loads;
        auto series = [&](const QString &symbol) {
            const QString s = symbol.toUpper();
            if (s != QLatin1String("IWM") && s != QLatin1String("SPY") && s != QLatin1String("IWB"))
                throw UserError(QStringLiteral("unknown symbol %1").arg(symbol));
            SymbolSeries out{s, {}};
            double v = s == QLatin1String("SPY") ? 50.0 : 100.0;
            for (const QDate &d : days()) {
                out.series.push_back({d, v});
                if (s != QLatin1String("SPY")) v *= 1.001;
            }
            return out;
        };
        std::vector<SymbolSeries> rates;
        for (const QString &r : pick.rates) {
            SymbolSeries rate{r, {}};
            for (const QDate &d : days())
                if (d <= QDate(2025, 4, 17)) rate.series.push_back({d, 4.0});
            rates.push_back(rate);
        }
        return PairData::fromSeries(series(pick.a), series(pick.b), rates);
    }
};

} // namespace

class TestSession : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void issue24PeriodTextIsReadOnce();
    void init();
    void issue21AvailablePickFallsBackToTheCache();
    void presetsSnapToTradingDays();
    void issue24TypedRangeIsRefusedOrClamped();
    void issue24ZoomingOutRetracesZoomingIn();
    void presetRollsOnAfterReload();
    void presetSurvivesRestarts();
    void datesRestoredElseOneYear();
    void setRangeSnapsAndClamps();
    void zoomPanAndBack();
    void issue12KeyboardStepsPanAndZoom();
    void rebaseSnapsToATradingDayInTheRange();
    void periodsAreKeptPerPairOnce();
    void failedPickKeepsTheState();
    void restoreOnAnEmptyCacheKeepsThePick();
    void signalsSayWhatChanged();
    void resolverIsCaseInsensitiveWithOneMessage();
    void issue13SensitivityChartIsAnOptionKept();

private:
    std::unique_ptr<PairSession> makeSession();
    Market m_market;
    std::unique_ptr<QTemporaryDir> m_dir;
    // The state a study keeps (issue #23): written to a study file and read back.
    void save(const PairSession &s);
    std::optional<QString> restore(PairSession &s);
    Study m_saved;
};

void TestSession::init()
{
    m_market = Market();
    m_dir = std::make_unique<QTemporaryDir>();
}

void TestSession::save(const PairSession &s)
{
    m_saved.view = s.figure();
    writeStudy(m_dir->filePath(QStringLiteral("s.indexlens")), m_saved);
}

std::optional<QString> TestSession::restore(PairSession &s)
{
    m_saved = readStudy(m_dir->filePath(QStringLiteral("s.indexlens")));
    return s.applyFigure(m_saved.view);
}

std::unique_ptr<PairSession> TestSession::makeSession()
{
    return std::make_unique<PairSession>([this](const PairPick &p) { return m_market.load(p); });
}

void TestSession::presetsSnapToTradingDays()
{
    auto s = makeSession();
    s->pick({});
    // First range: one year to the last day, from the last trading day on or before 2024-06-30
    // (a Sunday): Friday 2024-06-28, the base (issue #22; it was Monday 07-01, from the 28th).
    QCOMPARE(s->preset(), QStringLiteral("1Y"));
    QCOMPARE(s->from(), QDate(2024, 6, 28));
    QCOMPARE(s->baseDay(), QDate(2024, 6, 28));
    QCOMPARE(s->to(), QDate(2025, 6, 30));
    // YTD: from the last trading day of the previous year, 2024-12-31, its base.
    s->applyPreset(QStringLiteral("YTD"));
    QCOMPARE(s->from(), QDate(2024, 12, 31));
    QCOMPARE(s->baseDay(), QDate(2024, 12, 31));
    // 1M: the same date a month earlier, Friday 2025-05-30.
    s->applyPreset(QStringLiteral("1M"));
    QCOMPARE(s->from(), QDate(2025, 5, 30));
    s->applyPreset(QStringLiteral("Max"));
    QCOMPARE(s->from(), QDate(2023, 1, 2));
    QCOMPARE(s->preset(), QStringLiteral("Max"));
    // 10Y is longer than the data: the whole history, still called 10Y.
    s->applyPreset(QStringLiteral("10Y"));
    QCOMPARE(s->from(), QDate(2023, 1, 2));
    QCOMPARE(s->preset(), QStringLiteral("10Y"));
}

void TestSession::presetRollsOnAfterReload()
{
    auto s = makeSession();
    s->pick({});
    s->applyPreset(QStringLiteral("3M"));
    QCOMPARE(s->from(), QDate(2025, 3, 28)); // on or before Sunday 2025-03-30
    m_market.last = QDate(2025, 7, 15);      // an update brought two more weeks
    s->reload();
    QCOMPARE(s->preset(), QStringLiteral("3M"));
    QCOMPARE(s->to(), QDate(2025, 7, 15));
    QCOMPARE(s->from(), QDate(2025, 4, 15));
}

void TestSession::presetSurvivesRestarts()
{
    // Issue #11, 1: YTD, quit, start, quit without touching anything, start: still YTD.
    {
        auto s = makeSession();
        s->pick({});
        s->applyPreset(QStringLiteral("YTD"));
        save(*s);
    }
    for (int restart = 0; restart < 3; ++restart) {
        auto s = makeSession();
        QVERIFY(!restore(*s));
        QCOMPARE(s->preset(), QStringLiteral("YTD"));
        QCOMPARE(s->from(), QDate(2024, 12, 31));
        save(*s);
    }
    // The file keeps the preset, not its dates.
    QCOMPARE(m_saved.view.range.preset, QStringLiteral("YTD"));
    QVERIFY(!m_saved.view.range.from.isValid());
    QVERIFY(!readFile(m_dir->filePath(QStringLiteral("s.indexlens"))).contains("2024-12-31"));
    // The next year's data: YTD is the new year's.
    m_market.last = QDate(2026, 2, 27);
    auto s = makeSession();
    QVERIFY(!restore(*s));
    QCOMPARE(s->from(), QDate(2025, 12, 31));
}

void TestSession::datesRestoredElseOneYear()
{
    {
        auto s = makeSession();
        s->pick({});
        QVERIFY(s->setRange(QDate(2023, 3, 1), QDate(2023, 9, 29)));
        save(*s);
    }
    auto s = makeSession();
    QVERIFY(!restore(*s));
    QCOMPARE(s->preset(), QString());
    QCOMPARE(s->from(), QDate(2023, 3, 1));
    QCOMPARE(s->to(), QDate(2023, 9, 29));
    // Dates the data cannot show: one year.
    m_saved.view.range.from = QDate(1990, 1, 2);
    m_saved.view.range.to = QDate(1990, 6, 29);
    writeStudy(m_dir->filePath(QStringLiteral("s.indexlens")), m_saved);
    auto t = makeSession();
    QVERIFY(!restore(*t));
    QCOMPARE(t->preset(), QStringLiteral("1Y"));
}

// Issue #24, 2: From after To changes nothing and says so; outside the data is clamped, and said.
void TestSession::issue24TypedRangeIsRefusedOrClamped()
{
    auto s = makeSession();
    s->pick({});
    QVERIFY(s->setRange(QDate(2024, 1, 2), QDate(2024, 6, 28)));
    QCOMPARE(s->setTypedRange(QDate(2024, 8, 15), QDate(2024, 7, 23)),
             QStringLiteral("From 2024-08-15 is after To 2024-07-23: the range stays 2024-01-02 "
                            "to 2024-06-28"));
    QCOMPARE(s->from(), QDate(2024, 1, 2));
    QCOMPARE(s->setTypedRange(QDate(2024, 2, 1), QDate(2024, 3, 28)), QString());
    QCOMPARE(s->from(), QDate(2024, 2, 1));
    const QString note = s->setTypedRange(QDate(1990, 1, 2), QDate(2024, 3, 28));
    QVERIFY2(note.startsWith(QStringLiteral("From 1990-01-02 is before the common data of IWM and "
                                            "SPY begin (")),
             qPrintable(note));
    QCOMPARE(s->from(), s->pair()->first());
}

// Issue #24, 5b: + then - restores the range exactly (it came back as ...07-31 for ...08-03).
void TestSession::issue24ZoomingOutRetracesZoomingIn()
{
    auto s = makeSession();
    s->pick({});
    QVERIFY(s->setRange(QDate(2023, 8, 3), QDate(2024, 8, 2)));
    for (int i = 0; i < 3; ++i)
        QVERIFY(s->zoomStep(+1));
    QVERIFY(s->from() > QDate(2023, 8, 3));
    for (int i = 0; i < 3; ++i)
        QVERIFY(s->zoomStep(-1));
    QCOMPARE(s->from(), QDate(2023, 8, 3));
    QCOMPARE(s->to(), QDate(2024, 8, 2));
    // Out from there widens as before.
    QVERIFY(s->zoomStep(-1));
    QVERIFY(s->from() < QDate(2023, 8, 3));
}

void TestSession::setRangeSnapsAndClamps()
{
    auto s = makeSession();
    s->pick({});
    // Saturday to Sunday -> the last trading days on or before them (issue #22): Friday
    // 2024-03-01 (the base) to Friday 2024-03-15.
    QVERIFY(s->setRange(QDate(2024, 3, 2), QDate(2024, 3, 17)));
    QCOMPARE(s->from(), QDate(2024, 3, 1));
    QCOMPARE(s->to(), QDate(2024, 3, 15));
    QCOMPARE(s->preset(), QString());
    // Clamped to the data.
    QVERIFY(s->setRange(QDate(2020, 1, 1), QDate(2030, 1, 1)));
    QCOMPARE(s->from(), QDate(2023, 1, 2));
    QCOMPARE(s->to(), QDate(2025, 6, 30));
    // A weekend alone has no two trading days: refused, nothing changes.
    QVERIFY(!s->setRange(QDate(2024, 3, 9), QDate(2024, 3, 10)));
    QVERIFY(!s->setRange(QDate(2024, 3, 15), QDate(2024, 3, 4)));
    QCOMPARE(s->from(), QDate(2023, 1, 2));
}

void TestSession::zoomPanAndBack()
{
    auto s = makeSession();
    s->pick({});
    QVERIFY(s->setRange(QDate(2023, 7, 3), QDate(2024, 6, 28)));
    // Zoom in by 0.8 around 2024-01-02: 183 days left, 178 right -> 146 and 142.
    QVERIFY(s->zoom(QDate(2024, 1, 2), 0.8));
    QCOMPARE(s->from(), QDate(2023, 8, 9)); // 2024-01-02 - 146 days (a Wednesday)
    QCOMPARE(s->to(), QDate(2024, 5, 23));  // 2024-01-02 + 142 days (a Thursday)
    // Pan 5 trading days later, then past the end: it stops at the last day, same length.
    QVERIFY(s->pan(5));
    QCOMPARE(s->from(), QDate(2023, 8, 16));
    QCOMPARE(s->to(), QDate(2024, 5, 30));
    const auto &days = s->pair()->dates();
    const auto count = [&] {
        return std::count_if(days.begin(), days.end(),
                             [&](const QDate &d) { return d >= s->from() && d <= s->to(); });
    };
    const auto length = count();
    QVERIFY(s->pan(10000));
    QCOMPARE(s->to(), QDate(2025, 6, 30));
    QCOMPARE(count(), length);
    QVERIFY(!s->pan(1)); // already at the end
    // Back walks the history: pan, pan, zoom, setRange.
    QVERIFY(s->back());
    QCOMPARE(s->from(), QDate(2023, 8, 16));
    QVERIFY(s->back());
    QVERIFY(s->back());
    QCOMPARE(s->from(), QDate(2023, 7, 3));
    QVERIFY(s->back()); // the first 1Y
    QVERIFY(!s->canGoBack());
    QVERIFY(!s->back());
}

// Issue #12, keyboard: an arrow pans by a tenth of the range in trading days, + and - zoom around
// its middle by the wheel's factors.
void TestSession::issue12KeyboardStepsPanAndZoom()
{
    auto s = makeSession();
    s->pick({});
    QVERIFY(s->setRange(QDate(2024, 1, 2), QDate(2024, 6, 28)));
    // 129 trading days (128 steps between the ends): a tenth is 12 trading days.
    QVERIFY(s->panStep(-1));
    QCOMPARE(s->from(), QDate(2023, 12, 14));
    QCOMPARE(s->to(), QDate(2024, 6, 12));
    QVERIFY(s->panStep(+1));
    QCOMPARE(s->from(), QDate(2024, 1, 2));
    QCOMPARE(s->to(), QDate(2024, 6, 28));
    // Zoom in around 2024-03-31 (89 days each side): 71 days each side, 2024-01-20 (a Saturday,
    // snapped to Friday 2024-01-19, issue #22) to 2024-06-10.
    QVERIFY(s->zoomStep(+1));
    QCOMPARE(s->from(), QDate(2024, 1, 19));
    QCOMPARE(s->to(), QDate(2024, 6, 10));
    QVERIFY(s->zoomStep(-1));
    QVERIFY(s->from() < QDate(2024, 1, 19) && s->to() > QDate(2024, 6, 10));
    QVERIFY(!s->panStep(0));
}

void TestSession::rebaseSnapsToATradingDayInTheRange()
{
    auto s = makeSession();
    s->pick({});
    // Issue #11, 3: hovering a Saturday offers the Friday before.
    QCOMPARE(s->tradingDayOnOrBefore(QDate(2025, 3, 15)), QDate(2025, 3, 14));
    QVERIFY(s->rebaseAt(QDate(2025, 3, 15)));
    QCOMPARE(*s->rebase(), QDate(2025, 3, 14));
    QCOMPARE(s->baseDay(), QDate(2025, 3, 14));
    QVERIFY(!s->rebaseAt(QDate(2023, 5, 1))); // outside the range
    QCOMPARE(*s->rebase(), QDate(2025, 3, 14));
    // Zooming around it keeps it; a range without it drops it.
    QVERIFY(s->setRange(QDate(2025, 3, 3), QDate(2025, 4, 30)));
    QCOMPARE(*s->rebase(), QDate(2025, 3, 14));
    QVERIFY(s->setRange(QDate(2025, 4, 1), QDate(2025, 4, 30)));
    QVERIFY(!s->rebase());
    QCOMPARE(s->baseDay(), QDate(2025, 4, 1)); // the range's first day (issue #22)
}

void TestSession::periodsAreKeptPerPairOnce()
{
    auto s = makeSession();
    s->pick({});
    QVERIFY(s->setRange(QDate(2024, 1, 2), QDate(2024, 4, 30)));
    s->addCurrentPeriod();
    QCOMPARE(s->periods().size(), std::size_t(1));
    // From the close of the range's first day (issue #22; it was the close before, 12-29).
    QCOMPARE(s->periods()[0].start, QDate(2024, 1, 2));
    QCOMPARE(s->periods()[0].end, QDate(2024, 4, 30));
    // Issue #11, 4: the same range twice is refused.
    QVERIFY_THROWS_EXCEPTION(UserError, s->addCurrentPeriod());
    QCOMPARE(s->periods().size(), std::size_t(1));
    s->addPeriod({QDate(2024, 5, 1), QDate(2024, 6, 28)});
    // Swap and the basis keep the list; another pair has its own.
    s->swap();
    QCOMPARE(s->currentPick().a, QStringLiteral("SPY"));
    QCOMPARE(s->periods().size(), std::size_t(2));
    s->setBasis(ReturnBasis::Price);
    QCOMPARE(s->periods().size(), std::size_t(2));
    PairPick other;
    other.b = QStringLiteral("IWB");
    s->pick(other);
    QCOMPARE(s->periods().size(), std::size_t(0));
    s->pick({});
    s->removePeriod(0);
    QCOMPARE(s->periods().size(), std::size_t(1));
    QCOMPARE(s->periods()[0].start, QDate(2024, 5, 1));
    save(*s);
    auto t = makeSession();
    QVERIFY(!restore(*t));
    QCOMPARE(t->periods().size(), std::size_t(1));
    QCOMPARE(t->periods()[0].end, QDate(2024, 6, 28));
}

void TestSession::failedPickKeepsTheState()
{
    auto s = makeSession();
    s->pick({});
    s->applyPreset(QStringLiteral("YTD"));
    PairPick bad;
    bad.a = QStringLiteral("NOPE");
    QVERIFY_THROWS_EXCEPTION(UserError, s->pick(bad));
    QCOMPARE(s->currentPick().a, QStringLiteral("IWM"));
    QCOMPARE(s->pair()->symbolA(), QStringLiteral("IWM"));
    QCOMPARE(s->preset(), QStringLiteral("YTD"));
    // Lower case comes back in the loader's spelling.
    PairPick lower;
    lower.a = QStringLiteral("spy");
    lower.b = QStringLiteral("iwm");
    s->pick(lower);
    QCOMPARE(s->currentPick().a, QStringLiteral("SPY"));
    QCOMPARE(s->currentPick().b, QStringLiteral("IWM"));
}

void TestSession::restoreOnAnEmptyCacheKeepsThePick()
{
    Figure saved;
    saved.a = QStringLiteral("IWB");
    PairSession s([](const PairPick &) -> PairData {
        throw UserError(QStringLiteral("unknown symbol IWB"));
    });
    const auto error = s.applyFigure(saved);
    QVERIFY(error);
    QVERIFY(!s.pair());
    QCOMPARE(s.currentPick().a, QStringLiteral("IWB"));
}

void TestSession::signalsSayWhatChanged()
{
    auto s = makeSession();
    QSignalSpy pair(s.get(), &PairSession::pairChanged);
    QSignalSpy range(s.get(), &PairSession::rangeChanged);
    QSignalSpy periods(s.get(), &PairSession::periodsChanged);
    s->pick({});
    QCOMPARE(pair.count(), 1);
    QCOMPARE(range.count(), 0); // one redraw for a new pair, not two
    s->applyPreset(QStringLiteral("3M"));
    QCOMPARE(range.count(), 1);
    QVERIFY(s->rebaseAt(QDate(2025, 5, 15)));
    QCOMPARE(range.count(), 2);
    s->addCurrentPeriod();
    QCOMPARE(periods.count(), 1);
    QCOMPARE(pair.count(), 1);
}

void TestSession::resolverIsCaseInsensitiveWithOneMessage()
{
    TempDatabase temp;
    PriceStore store(temp.db());
    const QString iwm = temp.writeFile(QStringLiteral("IWM.csv"),
                                       yahooCsv(syntheticBars(QDate(2024, 1, 2), 30, 200, 1)));
    const QString dgs = temp.writeFile(QStringLiteral("DGS10.csv"),
                                       "DATE,DGS10\n2024-01-02,3.95\n2024-01-03,3.91\n");
    for (const auto &r : importFiles(store, {iwm, dgs}, {}))
        QVERIFY(!r.error);
    QCOMPARE(resolveSymbol(store, QStringLiteral("iwm")).symbol, QStringLiteral("IWM"));
    QCOMPARE(resolveSymbol(store, QStringLiteral(" IWM \u2014 iShares Russell 2000 ETF")).symbol,
             QStringLiteral("IWM"));
    QCOMPARE(loadRateSeries(store, QStringLiteral("dgs10")).series.size(), std::size_t(2));
    auto messageOf = [&](const QString &text, SymbolRole role) {
        try {
            resolveSymbol(store, text, role);
        } catch (const UserError &e) {
            return e.message();
        }
        return QString();
    };
    QCOMPARE(messageOf(QStringLiteral("xyz"), SymbolRole::Any),
             QStringLiteral("unknown symbol xyz: it is not in the cache (import or update it "
                            "first)"));
    QCOMPARE(messageOf(QStringLiteral("dgs10"), SymbolRole::Price),
             QStringLiteral("DGS10 is a rate, not a price"));
    QCOMPARE(messageOf(QStringLiteral("IWM"), SymbolRole::Rate),
             QStringLiteral("IWM is a price (etf), not a rate"));
}

// Issue #13: the rate sensitivity chart in the pair stack is off by default, an option like the
// marks (optionsChanged), with a window of 20, 60, 120 or 250 days, both kept over a restart.
void TestSession::issue13SensitivityChartIsAnOptionKept()
{
    {
        auto s = makeSession();
        s->pick({});
        QVERIFY(!s->sensitivityChart());
        QCOMPARE(s->sensitivityWindow(), 60);
        QSignalSpy options(s.get(), &PairSession::optionsChanged);
        s->setSensitivityChart(true);
        s->setSensitivityWindow(120);
        s->setSensitivityWindow(45); // not one of the windows: ignored
        s->setSensitivityWindow(120);
        QCOMPARE(options.count(), 2);
        QCOMPARE(s->sensitivityWindow(), 120);
        save(*s);
    }
    auto s = makeSession();
    QVERIFY(!restore(*s));
    QVERIFY(s->sensitivityChart());
    QCOMPARE(s->sensitivityWindow(), 120);
    m_saved.view.window = 7; // hand-edited
    writeStudy(m_dir->filePath(QStringLiteral("s.indexlens")), m_saved);
    auto again = makeSession();
    QVERIFY(!restore(*again));
    QCOMPARE(again->sensitivityWindow(), 60);
}

// Issue #21: a first run that starts with Import CSV shows what the cache holds, and says what of
// the default (IWM vs SPY with DGS10) is missing, in one line.
void TestSession::issue21AvailablePickFallsBackToTheCache()
{
    const PairPick wanted; // IWM vs SPY, DGS10
    const QStringList prices = {QStringLiteral("IWB"), QStringLiteral("IWM"),
                                QStringLiteral("SPY")};
    // All there: the pick itself, nothing said.
    auto got = availablePick(wanted, prices, {QStringLiteral("DGS10"), QStringLiteral("DGS2")});
    QVERIFY(got);
    QCOMPARE(got->pick.a, QStringLiteral("IWM"));
    QCOMPARE(got->pick.b, QStringLiteral("SPY"));
    QCOMPARE(got->pick.rates, QStringList{QStringLiteral("DGS10")});
    QVERIFY(got->message().isEmpty());
    // No rate cached: the pair without it.
    got = availablePick(wanted, prices, {});
    QCOMPARE(got->pick.rates, QStringList());
    QCOMPARE(got->message(), QStringLiteral("DGS10 is not in the cache, so the charts show IWM vs "
                                            "SPY without a rate; Update or import it"));
    // SPY missing: the first cached series that is not A takes its place; the cache's spelling.
    PairPick lower = wanted;
    lower.a = QStringLiteral("iwm");
    got = availablePick(lower, {QStringLiteral("IWM"), QStringLiteral("QQQ")},
                        {QStringLiteral("DGS10")});
    QCOMPARE(got->pick.a, QStringLiteral("IWM"));
    QCOMPARE(got->pick.b, QStringLiteral("QQQ"));
    QCOMPARE(got->message(),
             QStringLiteral("SPY is not in the cache, so the charts show IWM vs QQQ "
                            "with DGS10; Update or import it"));
    // Neither: the first two.
    got = availablePick(wanted, {QStringLiteral("^GSPC"), QStringLiteral("^IXIC")}, {});
    QCOMPARE(got->pick.a, QStringLiteral("^GSPC"));
    QCOMPARE(got->pick.b, QStringLiteral("^IXIC"));
    QCOMPARE(got->missing,
             (QStringList{QStringLiteral("IWM"), QStringLiteral("SPY"), QStringLiteral("DGS10")}));
    // Fewer than two price series: nothing to show.
    QVERIFY(!availablePick(wanted, {QStringLiteral("IWM")}, {QStringLiteral("DGS10")}));
}

// Issue #24, 5 (and #26's one period parser): --period, a study's periods and the Periods tab read
// START:END alike, each date as a date field takes it.
void TestSession::issue24PeriodTextIsReadOnce()
{
    const Period ftse{QDate(2023, 6, 30), QDate(2023, 10, 31)};
    for (const QString &text :
         {QStringLiteral("2023-06-30:2023-10-31"), QStringLiteral("20230630:20231031"),
          QStringLiteral(" 2023/06/30 : 2023.10.31 "),
          QStringLiteral("2023-06-30 to 2023-10-31")}) {
        const TypedPeriod p = parseTypedPeriod(text);
        QVERIFY2(p.ok(), qPrintable(text + QStringLiteral(": ") + p.reason));
        QCOMPARE(p.period, ftse);
    }
    QCOMPARE(periodText(ftse), QStringLiteral("2023-06-30:2023-10-31"));
    QVERIFY(parseTypedPeriod(QStringLiteral("2023-10-31:2023-06-30")).reversed);
    QCOMPARE(parseTypedPeriod(QStringLiteral("2023-06-30")).reason,
             QStringLiteral("expected START:END, e.g. 2023-12-29:2024-04-30"));
    QVERIFY(!parseTypedPeriod(QStringLiteral("2023-02-30:2023-03-31")).reason.isEmpty());
    const TypedPeriods list = parsePeriodList(QStringLiteral(
        "2023-06-30:2023-10-31\r\n2023-10-31:2024-03-28; x:y,\n2024-07-23:2024-06-28"));
    QCOMPARE(list.periods.size(), std::size_t(2));
    QCOMPARE(list.refused.size(), std::size_t(2));
    QCOMPARE(list.refused[0].text, QStringLiteral("x:y"));
    QCOMPARE(list.refused[1].message(),
             QStringLiteral("2024-07-23:2024-06-28: ends before it starts"));
}

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
