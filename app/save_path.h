#pragma once
// The export file chooser every figure and table uses: remembers the last folder (QSettings
// "export/dir") and adds the chosen filter's suffix when the user typed none.
#include <QString>

class QWidget;

namespace vp {

inline constexpr int kFigureDpi = 300;
// "PDF (*.pdf);;SVG (*.svg);;PNG (*.png)"
QString figureFilters();
QString suffixOf(const QString& path);       // lower case, no dot
bool isFigureSuffix(const QString& suffix);  // png, svg, pdf

// "" when the user cancelled.
QString chooseSavePath(QWidget* parent, const QString& title, const QString& filters);

}  // namespace vp
