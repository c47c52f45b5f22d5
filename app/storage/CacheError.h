// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <stdexcept>

namespace indexlens {

// The cache could not be read (a damaged page SQLite found mid-query, an I/O error). Not the
// user's request: the command line exits 1, the window says so. Reads raise it rather than
// return a short series, which would draw and compute as if the data simply ended.
class CacheError : public std::runtime_error {
public:
    explicit CacheError(const QString &message, bool damaged = false)
        : std::runtime_error(message.toStdString()), m_message(message), m_damaged(damaged)
    {
    }
    const QString &message() const { return m_message; }
    // SQLite found a malformed page (not a busy or unreadable file): the window stops writing
    // to the file and offers to move it aside.
    bool damaged() const { return m_damaged; }

private:
    QString m_message;
    bool m_damaged = false;
};

} // namespace indexlens
