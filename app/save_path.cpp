#include "save_path.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>

namespace vp {

QString figureFilters() { return QStringLiteral("PDF (*.pdf);;SVG (*.svg);;PNG (*.png)"); }

QString suffixOf(const QString& path) { return QFileInfo(path).suffix().toLower(); }

bool isFigureSuffix(const QString& suffix) {
    return suffix == QLatin1String("png") || suffix == QLatin1String("svg") || suffix == QLatin1String("pdf");
}

QString chooseSavePath(QWidget* parent, const QString& title, const QString& filters) {
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("export/dir")).toString();
    QString selected;
    QString path = QFileDialog::getSaveFileName(parent, title, dir, filters, &selected);
    if (path.isEmpty()) return {};
    if (QFileInfo(path).suffix().isEmpty()) {  // take the suffix of the chosen filter
        const qsizetype star = selected.indexOf(QStringLiteral("*."));
        if (star >= 0) path += selected.mid(star + 1, selected.indexOf(QLatin1Char(')'), star) - star - 1);
    }
    settings.setValue(QStringLiteral("export/dir"), QFileInfo(path).absolutePath());
    return path;
}

}  // namespace vp
