// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliFixture.h"

#include "cli/CommandLine.h"

#include <QTextStream>

namespace indexlens::test {

namespace {

const QByteArray kIwm = "Date,Open,High,Low,Close,Adj Close,Volume\n"
                        "2023-12-29,200,201,199,202,200,10\n"
                        "2024-01-02,196,197,195,198,196,10\n"
                        "2024-01-03,194,195,193,196.02,194.04,10\n"
                        "2024-01-04,200,201,199,202,200,10\n";
const QByteArray kSpy = "Date,Close\n2023-12-29,400\n2024-01-02,400\n2024-01-03,404\n"
                        "2024-01-04,402\n";
const QByteArray kDgs10 = "observation_date,DGS10\n2023-12-29,3.88\n2024-01-01,\n2024-01-02,3.95\n"
                          "2024-01-04,3.99\n";

} // namespace

CommandRun runCommand(const QStringList &args)
{
    CommandRun r;
    QTextStream out(&r.out), err(&r.err);
    r.status = runCommandLine(QStringList{QStringLiteral("indexlens")} + args, out, err);
    out.flush();
    err.flush();
    return r;
}

CliFixture::CliFixture()
{
    files = {temp.writeFile(QStringLiteral("IWM.csv"), kIwm),
             temp.writeFile(QStringLiteral("SPY.csv"), kSpy),
             temp.writeFile(QStringLiteral("fred.csv"), kDgs10)};
}

} // namespace indexlens::test
