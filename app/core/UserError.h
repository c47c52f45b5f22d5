// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <stdexcept>

namespace indexlens {

// A request that cannot be answered as asked (unknown symbol, date outside the data, malformed
// period). The message is written for the user; the command line maps it to exit status 2.
class UserError : public std::runtime_error {
public:
    explicit UserError(const QString &message)
        : std::runtime_error(message.toStdString()), m_message(message)
    {
    }
    const QString &message() const { return m_message; }

private:
    QString m_message;
};

} // namespace indexlens
