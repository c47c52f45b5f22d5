// SPDX-License-Identifier: GPL-3.0-or-later
#include "PngWriter.h"

#include <QFile>

#include <png.h>

#include <cstdio>
#include <memory>
#include <stdexcept>

namespace indexlens {

namespace {
[[noreturn]] void fail(const QString &path, const char *why)
{
    throw std::runtime_error("cannot write " + path.toStdString() + ": " + why);
}
} // namespace

void writeChartPng(const QString &path, const QImage &picture)
{
    const QImage image = picture.convertToFormat(QImage::Format_RGB888);
    std::unique_ptr<FILE, int (*)(FILE *)> file(
        std::fopen(QFile::encodeName(path).constData(), "wb"), &std::fclose);
    if (!file) fail(path, "the file cannot be opened");
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!info) {
        png_destroy_write_struct(&png, nullptr);
        fail(path, "libpng could not start");
    }
    if (setjmp(png_jmpbuf(png))) { // libpng's error path (a full disk, say)
        png_destroy_write_struct(&png, &info);
        fail(path, "libpng failed");
    }
    png_init_io(png, file.get());
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
    png_set_compression_level(png, 1);
    png_set_IHDR(png, info, png_uint_32(image.width()), png_uint_32(image.height()), 8,
                 PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE,
                 PNG_FILTER_TYPE_BASE);
    // The pixel density, so that a 2x export shows at its logical size where that is honoured.
    const auto perMetre = png_uint_32(image.dotsPerMeterX());
    if (perMetre > 0) png_set_pHYs(png, info, perMetre, perMetre, PNG_RESOLUTION_METER);
    png_write_info(png, info);
    for (int y = 0; y < image.height(); ++y)
        png_write_row(png, image.constScanLine(y));
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    if (std::fflush(file.get()) != 0) fail(path, "the disk refused the data");
}

} // namespace indexlens
