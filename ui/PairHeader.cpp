// SPDX-License-Identifier: GPL-3.0-or-later
#include "PairHeader.h"

#include "chart/MarkLabels.h"
#include "session/PairSession.h"

#include <QLabel>
#include <QVBoxLayout>

namespace indexlens {

PairHeader::PairHeader(QWidget *parent)
    : QWidget(parent), m_headline(new QLabel), m_marksKey(new QLabel)
{
    m_headline->setObjectName(QStringLiteral("headline"));
    m_headline->setTextFormat(Qt::RichText);
    // Its text changes at every range: it must not resize the window each time; in a narrow
    // window it takes a second line rather than run past the edge (issue #24, 16).
    for (QLabel *label : {m_headline, m_marksKey}) {
        label->setWordWrap(true);
        label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    }
    m_marksKey->setObjectName(QStringLiteral("marksKey"));
    m_marksKey->setForegroundRole(QPalette::PlaceholderText);
    m_marksKey->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_headline);
    layout->addWidget(m_marksKey);
}

void PairHeader::showPair(const PairSession &session, const ChartMarks &marks, bool pairShown)
{
    const PairData *pair = session.pair();
    if (!pair) return;
    m_headline->setText(
        QStringLiteral("<b>%1</b> &nbsp; %2")
            .arg(pair->pairTitle().toHtmlEscaped(),
                 pair->headline(session.from(), session.to(), session.rebase()).toHtmlEscaped()));
    // An entry breaks only between entries (non-breaking spaces inside: "4: IWB − IWM +9.4" /
    // "pp, 10y +91 bp" read as two).
    QStringList entries = marksKey(marks);
    for (QString &entry : entries)
        entry.replace(QLatin1Char(' '), QChar(0x00a0));
    m_marksKey->setText(entries.join(QStringLiteral("     ")));
    m_marksKey->setVisible(!marks.empty() && pairShown);
}

} // namespace indexlens
