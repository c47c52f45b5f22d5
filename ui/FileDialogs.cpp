// SPDX-License-Identifier: GPL-3.0-or-later
#include "FileDialogs.h"

#include <QAbstractFileIconProvider>
#include <QApplication>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QStyle>
#include <QTemporaryDir>

namespace indexlens {

namespace {

// Icons and types from the name alone. The icons are made once, on the GUI thread: the dialog's
// model asks for them from its gatherer thread.
class NameOnlyIconProvider : public QAbstractFileIconProvider {
public:
    NameOnlyIconProvider()
        : m_folder(QApplication::style()->standardIcon(QStyle::SP_DirIcon)),
          m_file(QApplication::style()->standardIcon(QStyle::SP_FileIcon))
    {
    }
    QIcon icon(IconType type) const override { return type == File ? m_file : m_folder; }
    QIcon icon(const QFileInfo &info) const override { return info.isDir() ? m_folder : m_file; }
    QString type(const QFileInfo &info) const override
    {
        if (info.isDir()) return QStringLiteral("Folder");
        return QMimeDatabase().mimeTypeForFile(info, QMimeDatabase::MatchExtension).comment();
    }

private:
    QIcon m_folder;
    QIcon m_file;
};

NameOnlyIconProvider &iconProvider()
{
    static NameOnlyIconProvider provider; // outlives every dialog
    return provider;
}

} // namespace

std::unique_ptr<QFileDialog> makeFileDialog(QWidget *parent, const QString &caption,
                                            const QString &path, const QString &filter)
{
    // The dialog starts listing its first folder as it is built, with Qt's own icon provider; an
    // empty folder gives it nothing to read before ours is in place.
    const QTemporaryDir empty;
    auto dialog = std::make_unique<QFileDialog>(parent, caption, empty.path(), filter);
    dialog->setOption(QFileDialog::DontUseNativeDialog);
    dialog->setIconProvider(&iconProvider());
    const QFileInfo info(path);
    if (path.isEmpty()) {
        dialog->setDirectory(QDir::currentPath());
    } else if (info.isDir()) {
        dialog->setDirectory(info.absoluteFilePath());
    } else {
        if (info.path() != QStringLiteral(".") || info.isAbsolute())
            dialog->setDirectory(info.absolutePath());
        else
            dialog->setDirectory(QDir::currentPath());
        dialog->selectFile(info.fileName());
    }
    return dialog;
}

QStringList chooseFilesToOpen(QWidget *parent, const QString &caption, const QString &filter)
{
    const auto dialog = makeFileDialog(parent, caption, QString(), filter);
    dialog->setFileMode(QFileDialog::ExistingFiles);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    if (dialog->exec() != QDialog::Accepted) return {};
    return dialog->selectedFiles();
}

QString chooseFileToSave(QWidget *parent, const QString &caption, const QString &path,
                         const QString &filter, bool confirmOverwrite)
{
    const auto dialog = makeFileDialog(parent, caption, path, filter);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setOption(QFileDialog::DontConfirmOverwrite, !confirmOverwrite);
    if (dialog->exec() != QDialog::Accepted || dialog->selectedFiles().isEmpty()) return {};
    return dialog->selectedFiles().constFirst();
}

} // namespace indexlens
