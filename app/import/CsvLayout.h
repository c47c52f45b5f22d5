// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CsvImporter.h"

#include <QString>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// What a CSV file's header says about its rows: the format, where the date, the symbol and each
// symbol's fields sit. The importer reads the rows (CsvImporter.cpp); this half only reads the
// header, so each format's header rules stand in one place.
namespace indexlens::csv {

enum Field { Date, Open, High, Low, Close, AdjClose, Volume, FieldCount };
extern const char *const kFieldNames[FieldCount];

struct Line {
    std::string_view text;
    int number = 0;
};

// Lines without their CR/LF ends, numbered from 1, blank lines dropped.
std::vector<Line> splitLines(std::string_view data);

// Where one symbol's fields sit in a row.
struct Group {
    QString symbol; // empty: taken from the symbol column of each row
    std::array<int, FieldCount> column{};
    Group() { column.fill(-1); }
    bool has(Field f) const { return column[f] >= 0; }
};

struct Layout {
    CsvFormat format = CsvFormat::Auto;
    int headerLines = 1;
    int fieldCount = 0;
    int dateColumn = 0;
    int symbolColumn = -1;
    bool closeIsAdjusted = false; // no raw close in the file: record the close as adjusted too
    bool rate = false;            // the format itself says "rate" (FRED)
    std::vector<Group> groups;
};

QString qs(std::string_view text);
// 'text' for a message, cut at 40 characters.
QString quoted(std::string_view text);
bool validSymbol(const QString &symbol);

// Reads the header lines of a file into a Layout, and applies --format-in. On a refusal it fills
// `error` (file, line, reason) and returns false.
class LayoutReader {
public:
    LayoutReader(const QString &path, CsvFormat asked, ImportError *error)
        : m_path(path), m_asked(asked), m_error(error)
    {
    }
    bool read(const std::vector<Line> &lines, Layout &layout);

private:
    bool fail(int line, const QString &reason);
    bool readMultiIndex(const std::vector<Line> &lines, const std::vector<std::string_view> &header,
                        Layout &layout);
    bool readSymbolColumn(const std::vector<std::string_view> &header, int line, Layout &layout);
    bool readTwoColumns(const std::vector<std::string_view> &header, int line, Layout &layout);
    bool readFlat(const std::vector<std::string_view> &header, int line, Layout &layout);
    bool mapFlatHeader(const std::vector<std::string_view> &header, int lineNumber, int firstColumn,
                       Layout &layout);
    bool checkOverride(const Layout &detected, int lineNumber);

    QString m_path;
    CsvFormat m_asked;
    ImportError *m_error;
};

} // namespace indexlens::csv
