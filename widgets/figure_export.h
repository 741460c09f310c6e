#pragma once
// Figure and data export. Every writer is atomic (QSaveFile, or a temp file renamed into place),
// so a failed export leaves no partial file and never clobbers the old one. Functions return
// false and set *error (a translated sentence naming the file) on failure.
#include <QByteArray>
#include <QImage>
#include <QString>
#include <QStringList>
#include <vector>

class QCustomPlot;
class QWidget;

namespace vp {

// By suffix: .png/.jpg (rendered at dpi/96 scale), .svg (vector, QSvgGenerator), .pdf (vector,
// QPdfWriter at dpi). A QCustomPlot, or a widget that is one QCustomPlot filling it (ParetoPlot,
// KeptTokensChart), goes through exportPlot so that plots stay vector in SVG/PDF.
bool exportWidgetFigure(QWidget* w, const QString& path, int dpi, QString* error);

// widthPx×heightPx is the plot's layout size (0 = its current size); PNG/JPG pixels are that
// times dpi/96. SVG goes through QSvgGenerator + QCPPainter, PDF through QCustomPlot::savePdf.
bool exportPlot(QCustomPlot* p, const QString& path, int widthPx, int heightPx, int dpi, QString* error);

// .png, .jpg/.jpeg or .bmp through QImageWriter.
bool exportImage(const QImage& image, const QString& path, QString* error);

// Bytes as they are (CSV, JSON).
bool exportText(const QByteArray& data, const QString& path, QString* error);

// "All layers" figure: tiles row by row in `columns` columns (<= 0: about square; clamped to the
// tile count), white background, each caption centred under its tile. Every cell has the size of
// the largest tile plus padding and caption, so the image is columns × rows cells exactly.
// An empty tile list gives a null image.
QImage composeOverlayGrid(const std::vector<QImage>& tiles, const QStringList& captions, int columns);

}  // namespace vp
