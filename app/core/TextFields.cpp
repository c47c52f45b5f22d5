// SPDX-License-Identifier: GPL-3.0-or-later
#include "TextFields.h"

#include <charconv>
#include <cmath>

namespace indexlens {

void splitCsvLine(std::string_view line, std::vector<std::string_view> &fields)
{
    fields.clear();
    std::size_t pos = 0;
    const std::size_t n = line.size();
    while (true) {
        if (pos < n && line[pos] == '"') {
            // Quoted field: runs to the next quote that is not doubled.
            const std::size_t start = pos + 1;
            std::size_t end = start;
            while (end < n) {
                if (line[end] == '"') {
                    if (end + 1 < n && line[end + 1] == '"') {
                        end += 2;
                        continue;
                    }
                    break;
                }
                ++end;
            }
            fields.push_back(line.substr(start, end - start));
            pos = end < n ? end + 1 : n;
            // Skip anything between the closing quote and the next comma.
            while (pos < n && line[pos] != ',')
                ++pos;
        } else {
            const std::size_t comma = line.find(',', pos);
            const std::size_t end = comma == std::string_view::npos ? n : comma;
            fields.push_back(line.substr(pos, end - pos));
            pos = end;
        }
        if (pos >= n) break;
        ++pos; // the comma
        if (pos == n) {
            fields.emplace_back(); // trailing comma: one more empty field
            break;
        }
    }
}

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

namespace {

bool readDigits(std::string_view text, std::size_t pos, std::size_t count, int &value)
{
    if (pos + count > text.size()) return false;
    value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9') return false;
        value = value * 10 + (c - '0');
    }
    return true;
}

std::optional<QDate> validDate(int y, int m, int d)
{
    const QDate date(y, m, d);
    if (!date.isValid()) return std::nullopt;
    return date;
}

} // namespace

std::optional<QDate> parseIsoDate(std::string_view text)
{
    text = trimmed(text);
    int y = 0, m = 0, d = 0;
    if (text.size() < 10 || text[4] != '-' || text[7] != '-' || !readDigits(text, 0, 4, y) ||
        !readDigits(text, 5, 2, m) || !readDigits(text, 8, 2, d))
        return std::nullopt;
    if (text.size() > 10 && text[10] != ' ' && text[10] != 'T') return std::nullopt;
    return validDate(y, m, d);
}

std::optional<QDate> parseUsDate(std::string_view text)
{
    text = trimmed(text);
    int y = 0, m = 0, d = 0;
    if (text.size() != 10 || text[2] != '/' || text[5] != '/' || !readDigits(text, 0, 2, m) ||
        !readDigits(text, 3, 2, d) || !readDigits(text, 6, 4, y))
        return std::nullopt;
    return validDate(y, m, d);
}

std::optional<double> parseNumber(std::string_view text)
{
    text = trimmed(text);
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    if (text.empty()) return std::nullopt;
    double value = 0.0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

} // namespace indexlens
