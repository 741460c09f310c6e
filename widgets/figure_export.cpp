#include "widgets/figure_export.h"
#include "widgets/overlay_grid_figure.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QImageWriter>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QTemporaryFile>
#include <QWidget>
#include <cmath>
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "widgets/qcp.h"

namespace vp {
namespace {

bool fail(QString* error, const QString& message) {
    if (error) *error = message;
    return false;
}

QString shown(const QString& path) { return QDir::toNativeSeparators(path); }

QString suffixOf(const QString& path) { return QFileInfo(path).suffix().toLower(); }

bool unknownSuffix(const QString& path, QString* error) {
    const QString suffix = suffixOf(path);
    if (suffix.isEmpty())
        return fail(
            error, QCoreApplication::translate("vp::FigureExport",
                                               "Cannot export %1: the file name has no type suffix (.png, .svg, .pdf…)")
                       .arg(shown(path)));
    return fail(error, QCoreApplication::translate("vp::FigureExport", "Cannot export %1: unknown file type \".%2\"")
                           .arg(shown(path), suffix));
}

bool cannotWrite(const QString& path, const QString& why, QString* error) {
    return fail(error, QCoreApplication::translate("vp::FigureExport", "Cannot write %1: %2").arg(shown(path), why));
}

bool openSave(QSaveFile& file, QString* error) {
    return file.open(QIODevice::WriteOnly) || cannotWrite(file.fileName(), file.errorString(), error);
}

bool commit(QSaveFile& file, QString* error) {
    return file.commit() || cannotWrite(file.fileName(), file.errorString(), error);
}

// The QCustomPlot a widget is, or the one that fills it edge to edge (the plot wrappers).
QCustomPlot* plotOf(QWidget* w) {
    if (auto* p = qobject_cast<QCustomPlot*>(w)) return p;
    const QList<QCustomPlot*> plots = w->findChildren<QCustomPlot*>(Qt::FindDirectChildrenOnly);
    return plots.size() == 1 && plots.front()->geometry() == w->rect() ? plots.front() : nullptr;
}

// QCustomPlot writes to a file name: write a hidden temp file beside the target, then rename it
// over the target (atomic on POSIX), so readers never see a half-written figure.
template <typename Write>
bool viaTempFile(const QString& path, QString* error, Write write) {
    const QFileInfo info(path);
    QTemporaryFile tmp(
        info.absoluteDir().filePath(QStringLiteral(".%1.XXXXXX.%2").arg(info.completeBaseName(), info.suffix())));
    if (!tmp.open()) return cannotWrite(path, tmp.errorString(), error);
    tmp.close();
    if (!write(tmp.fileName()))
        return cannotWrite(path, QCoreApplication::translate("vp::FigureExport", "rendering failed"), error);
    tmp.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                       QFileDevice::ReadOther);
    if (std::rename(QFile::encodeName(tmp.fileName()).constData(),
                    QFile::encodeName(info.absoluteFilePath()).constData()) != 0)
        return cannotWrite(path, QString::fromLocal8Bit(std::strerror(errno)), error);
    tmp.setAutoRemove(false);  // it is the target now
    return true;
}

double scaleFor(int dpi) { return (dpi > 0 ? dpi : 96) / 96.0; }

}  // namespace

bool exportImage(const QImage& image, const QString& path, QString* error) {
    const QString suffix = suffixOf(path);
    QByteArray format;
    if (suffix == QLatin1String("png"))
        format = "png";
    else if (suffix == QLatin1String("jpg") || suffix == QLatin1String("jpeg"))
        format = "jpeg";
    else if (suffix == QLatin1String("bmp"))
        format = "bmp";
    else
        return unknownSuffix(path, error);
    if (image.isNull())
        return fail(
            error,
            QCoreApplication::translate("vp::FigureExport", "Cannot export %1: the image is empty").arg(shown(path)));
    QSaveFile file(path);
    if (!openSave(file, error)) return false;
    QImageWriter writer(&file, format);
    if (format == "jpeg") writer.setQuality(92);
    // JPEG has no alpha: flatten onto white rather than black.
    QImage out = image;
    if (format != "png" && out.hasAlphaChannel()) {
        out = QImage(image.size(), QImage::Format_RGB32);
        out.fill(Qt::white);
        QPainter(&out).drawImage(0, 0, image);
        out.setDotsPerMeterX(image.dotsPerMeterX());
        out.setDotsPerMeterY(image.dotsPerMeterY());
    }
    if (!writer.write(out)) {
        file.cancelWriting();
        return cannotWrite(path, writer.errorString(), error);
    }
    return commit(file, error);
}

bool exportText(const QByteArray& data, const QString& path, QString* error) {
    QSaveFile file(path);
    if (!openSave(file, error)) return false;
    if (file.write(data) != data.size()) {
        file.cancelWriting();
        return cannotWrite(path, file.errorString(), error);
    }
    return commit(file, error);
}

bool exportPlot(QCustomPlot* p, const QString& path, int widthPx, int heightPx, int dpi, QString* error) {
    if (!p)
        return fail(error,
                    QCoreApplication::translate("vp::FigureExport", "Cannot export %1: no plot").arg(shown(path)));
    const int w = widthPx > 0 ? widthPx : p->width();
    const int h = heightPx > 0 ? heightPx : p->height();
    const QString suffix = suffixOf(path);
    const int res = dpi > 0 ? dpi : 96;
    if (suffix == QLatin1String("png"))
        return viaTempFile(path, error,
                           [&](const QString& tmp) { return p->savePng(tmp, w, h, scaleFor(dpi), -1, res); });
    if (suffix == QLatin1String("jpg") || suffix == QLatin1String("jpeg"))
        return viaTempFile(path, error,
                           [&](const QString& tmp) { return p->saveJpg(tmp, w, h, scaleFor(dpi), 92, res); });
    if (suffix == QLatin1String("pdf"))
        return viaTempFile(path, error, [&](const QString& tmp) { return p->savePdf(tmp, w, h); });
    if (suffix != QLatin1String("svg")) return unknownSuffix(path, error);

    QSaveFile file(path);
    if (!openSave(file, error)) return false;
    QSvgGenerator svg;
    svg.setOutputDevice(&file);
    svg.setSize(QSize(w, h));
    svg.setViewBox(QRect(0, 0, w, h));
    svg.setResolution(96);  // logical pixels: the SVG's physical size matches the screen size
    svg.setTitle(QFileInfo(path).completeBaseName());
    QCPPainter painter;
    if (!painter.begin(&svg)) {
        file.cancelWriting();
        return cannotWrite(path, QCoreApplication::translate("vp::FigureExport", "cannot start the SVG painter"),
                           error);
    }
    painter.setMode(QCPPainter::pmVectorized);
    p->toPainter(&painter, w, h);
    painter.end();
    return commit(file, error);
}

bool exportWidgetFigure(QWidget* w, const QString& path, int dpi, QString* error) {
    if (!w)
        return fail(
            error,
            QCoreApplication::translate("vp::FigureExport", "Cannot export %1: nothing to export").arg(shown(path)));
    if (QCustomPlot* plot = plotOf(w)) return exportPlot(plot, path, plot->width(), plot->height(), dpi, error);
    const QString suffix = suffixOf(path);
    const QSize size = w->size().expandedTo(QSize(1, 1));
    const QWidget::RenderFlags flags = QWidget::DrawWindowBackground | QWidget::DrawChildren;

    if (suffix == QLatin1String("png") || suffix == QLatin1String("jpg") || suffix == QLatin1String("jpeg")) {
        const double scale = scaleFor(dpi);
        QImage image(QSize(std::ceil(size.width() * scale), std::ceil(size.height() * scale)),
                     QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        image.setDevicePixelRatio(scale);  // the widget paints in its own logical pixels
        if (auto* figure = qobject_cast<OverlayGridFigure*>(w)) {
            // Painted straight at the export's scale: QWidget::render would paint a 96-dpi pixmap
            // and smooth it up, blurring small inputs that must stay crisp pixels.
            QPainter painter(&image);
            figure->paintFigure(painter);
        } else {
            w->render(&image, QPoint(), QRegion(), flags);
        }
        image.setDevicePixelRatio(1.0);
        const int dpm = static_cast<int>(std::lround((dpi > 0 ? dpi : 96) / 0.0254));
        image.setDotsPerMeterX(dpm);
        image.setDotsPerMeterY(dpm);
        return exportImage(image, path, error);
    }
    if (suffix != QLatin1String("svg") && suffix != QLatin1String("pdf")) return unknownSuffix(path, error);

    QSaveFile file(path);
    if (!openSave(file, error)) return false;
    bool painted = false;
    if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(), size));
        svg.setResolution(96);
        svg.setTitle(QFileInfo(path).completeBaseName());
        QPainter painter;
        if ((painted = painter.begin(&svg))) {
            w->render(&painter, QPoint(), QRegion(), flags);
            painter.end();
        }
    } else {
        QPdfWriter pdf(&file);
        pdf.setResolution(dpi > 0 ? dpi : 96);
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setPageSize(QPageSize(QSizeF(size) * 72.0 / 96.0, QPageSize::Point));  // true size at 96 px/in
        pdf.setTitle(QFileInfo(path).completeBaseName());
        QPainter painter;
        if ((painted = painter.begin(&pdf))) {
            const double s = pdf.width() / static_cast<double>(size.width());
            painter.scale(s, s);
            w->render(&painter, QPoint(), QRegion(), flags);
            painter.end();
        }
    }
    if (!painted) {
        file.cancelWriting();
        return cannotWrite(path, QCoreApplication::translate("vp::FigureExport", "cannot start the painter"), error);
    }
    return commit(file, error);
}

QImage composeOverlayGrid(const std::vector<QImage>& tiles, const QStringList& captions, int columns) {
    const int n = static_cast<int>(tiles.size());
    if (n == 0) return {};
    const int cols = std::clamp(columns > 0 ? columns : static_cast<int>(std::ceil(std::sqrt(n))), 1, n);
    const int rows = (n + cols - 1) / cols;
    int tileW = 1, tileH = 1;
    for (const QImage& t : tiles) {
        tileW = std::max(tileW, t.width());
        tileH = std::max(tileH, t.height());
    }
    constexpr int pad = 8;
    QFont font;
    font.setPixelSize(std::clamp(tileW / 12, 11, 28));
    const QFontMetrics fm(font);
    const bool anyCaption =
        std::any_of(captions.begin(), captions.end(), [](const QString& c) { return !c.isEmpty(); });
    const int captionH = anyCaption ? fm.height() + 4 : 0;
    const int cellW = tileW + 2 * pad, cellH = tileH + captionH + 2 * pad;

    QImage out(cols * cellW, rows * cellH, QImage::Format_RGB32);
    out.fill(Qt::white);
    QPainter p(&out);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.setFont(font);
    p.setPen(QColor(30, 30, 30));
    for (int i = 0; i < n; ++i) {
        const QPoint cell((i % cols) * cellW, (i / cols) * cellH);
        const QImage& t = tiles[i];
        p.drawImage(cell + QPoint(pad + (tileW - t.width()) / 2, pad + (tileH - t.height()) / 2), t);
        if (i < captions.size() && !captions[i].isEmpty()) {
            const QRect box(cell.x() + 2, cell.y() + pad + tileH + 2, cellW - 4, captionH);
            p.drawText(box, Qt::AlignHCenter | Qt::AlignTop, fm.elidedText(captions[i], Qt::ElideRight, box.width()));
        }
    }
    return out;
}

}  // namespace vp
