// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session/PairSession.h"

#include <QWidget>

class QComboBox;
class QCheckBox;
class QListWidget;
class QRadioButton;

namespace indexlens {

class PriceStore;

// The picker column: series A and B (type-ahead over symbol and name: "Russ" finds ^RUT, IWM,
// IWB), the rate overlays, total or price return, Swap and the log scale. It shows the session's
// pick and emits what the user asks for; an entry that is not a known symbol, or Escape, puts
// the current symbol back.
class PickerPanel : public QWidget {
    Q_OBJECT
public:
    explicit PickerPanel(QWidget *parent = nullptr);

    // Fills the lists from the cache, then the catalog's symbols Update can fetch.
    void fill(const PriceStore &store);
    // The price entries the pickers offer ("IWM — iShares Russell 2000 ETF"), cached first.
    QStringList priceEntries() const;
    // Shows `pick` (and the log option) without emitting anything.
    void show(const PairPick &pick, bool logScale);
    // The log-scale box alone, as View > Log scale and Undo leave it (one state, two controls).
    void showLogScale(bool on);
    bool hasPrices() const { return m_priceCount >= 2; }
    // The cache's symbols, as the last fill() read them.
    const QStringList &cachedPrices() const { return m_cachedPrices; }
    const QStringList &cachedRates() const { return m_cachedRates; }

Q_SIGNALS:
    void pickRequested(const PairPick &pick);
    void swapRequested();
    void logScaleToggled(bool on);
    // A typed series that is not one (or names several); the typed text stays for correction.
    void refused(const QString &reason);

private:
    QComboBox *makeCombo(const QString &name);
    void commit(QComboBox *combo);
    QStringList checkedRates() const;
    PairPick requested() const;

    QComboBox *m_a;
    QComboBox *m_b;
    QListWidget *m_rates;
    QRadioButton *m_total;
    QRadioButton *m_price;
    QCheckBox *m_log;
    PairPick m_shown;
    int m_priceCount = 0;
    QStringList m_cachedPrices;
    QStringList m_cachedRates;
    bool m_quiet = false;
};

} // namespace indexlens
