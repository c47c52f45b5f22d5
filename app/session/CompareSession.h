// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chart/CompareData.h"
#include "chart/RotationData.h"
#include "core/Catalog.h"
#include "document/Figure.h"

#include <QObject>
#include <QStringList>

#include <functional>
#include <optional>

class QSettings;

namespace indexlens {

// The state of the compare view and its rules, without a widget (issue #13), as PairSession is
// the pair view's: the list of series, the groups that fill it, the days and periods its returns
// table and bars measure, and the series read from the cache. The view shares the pair view's
// range, rebase day and first rate; tst_compare checks every rule headless.
//
// Rules: 2 to 8 series, each once (symbols in upper case); a group of the catalog cannot be
// replaced or removed, the user's own groups can; a day is the trading day on or before the one
// asked (of any of the series), a period is listed once, and both are kept in date order.
class CompareSession : public QObject {
    Q_OBJECT
public:
    using Loader = std::function<CompareData(const QStringList &symbols, const QString &rate)>;
    explicit CompareSession(Loader loader, QObject *parent = nullptr);

    const QStringList &symbols() const { return m_symbols; }
    // Each symbol's colour slot (ChartPalette::compare): a symbol keeps its colour while others
    // are added or removed (issue #24, 7).
    const std::vector<int> &colourSlots() const { return m_slots; }
    // Upper-cased, each once, the first eight kept.
    void setSymbols(const QStringList &symbols);
    // Adds it, or says why not (listed already, the list full): empty when added.
    QString addSymbol(const QString &symbol);
    void removeSymbols(const QStringList &symbols);

    // The catalog's groups, then the user's (Settings > Compare groups).
    std::vector<SeriesGroup> groups() const;
    const std::vector<SeriesGroup> &userGroups() const { return m_userGroups; }
    // Fills the list with the group named `name`; false when there is none.
    bool applyGroup(const QString &name);
    // The current list as a group of the user's (replacing one of that name); throws UserError
    // for an empty name or a catalog group's.
    void saveGroup(const QString &name);
    void setUserGroups(std::vector<SeriesGroup> groups);
    // "Name: SYM, SYM, ..." a line each (the settings dialog's text), and back; throws UserError
    // naming the line that is not a group.
    static std::vector<SeriesGroup> parseGroups(const QString &text);
    static QString formatGroups(const std::vector<SeriesGroup> &groups);

    // What the rotation view shows the list against (issue #25): the benchmark (upper case) and
    // the tails' length and definition. Kept here, with the list they rotate, so that a study's
    // rotation figure saves, undoes and restores them like the list.
    const QString &benchmark() const { return m_benchmark; }
    const RotationView &rotation() const { return m_rotation; }
    void setBenchmark(const QString &symbol);
    // Refused (UserError naming the field) outside 1 to 1000 periods, or a tail under 1.
    void setRotation(const RotationView &view);

    const ReturnMeasures &measures() const { return m_measures; }
    // False when the day is listed already. Snapped to a trading day once the series are loaded.
    bool addDay(const QDate &day);
    bool addPeriod(const Period &period);
    // The index-th measure, days first then periods (their columns' order after YTD and 1 year).
    void removeMeasure(int index);
    void clearMeasures();

    // The series of the list with `rate` as the overlay: read once per list and rate (not at each
    // range change of a drag). Throws UserError (fewer than two series, an unknown symbol).
    const CompareData &data(const QString &rate);
    // Forgets what was read: new data in the cache, another basis.
    void reload();

    // The list and the measures as a study's figure keeps them (issue #23): symbols, days and
    // returnPeriods. applyFigure() keeps the list when the figure has none.
    void fillFigure(Figure &figure) const;
    void applyFigure(const Figure &figure);

    // The user's groups are an application preference, kept in the settings file.
    void saveGroups(QSettings &settings) const;
    // Returns the error of a user group line that does not parse (those groups are left out).
    std::optional<QString> restoreGroups(const QSettings &settings);

Q_SIGNALS:
    void symbolsChanged();
    void measuresChanged();
    void rotationChanged();
    void groupsChanged();

private:
    QDate snapped(const QDate &day) const;

    Loader m_loader;
    QStringList m_symbols;
    QString m_benchmark = QStringLiteral("SPY");
    RotationView m_rotation;
    std::vector<int> m_slots; // each symbol's colour, kept while others come and go
    std::vector<SeriesGroup> m_userGroups;
    ReturnMeasures m_measures;
    std::optional<CompareData> m_data; // read for m_loadedSymbols and m_loadedRate
    QStringList m_loadedSymbols;
    QString m_loadedRate;
};

} // namespace indexlens
