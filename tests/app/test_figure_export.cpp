// Figure export: PNG/SVG/PDF of widgets and plots are valid files with content; failures name the
// file and leave nothing behind; the overlay grid is columns × rows cells.
#include <QImageReader>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>
#include <unistd.h>

#include "widgets/figure_export.h"
#include "widgets/pareto_plot.h"
#include "widgets/patch_overlay_view.h"
#include "widgets/qcp.h"

namespace {

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

double lumaVariance(const QImage& img) {
    double sum = 0, sq = 0;
    const int n = img.width() * img.height();
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x) {
            const double g = qGray(img.pixel(x, y));
            sum += g;
            sq += g * g;
        }
    return sq / n - (sum / n) * (sum / n);
}

// A valid SVG document: parses as XML with an <svg> root, and Qt can render it.
void checkSvg(const QString& path) {
    const QByteArray data = readAll(path);
    QXmlStreamReader xml(data);
    QVERIFY(xml.readNextStartElement());
    QCOMPARE(xml.name().toString(), QString("svg"));
    while (!xml.atEnd()) xml.readNext();
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(QSvgRenderer(path).isValid());
}

void checkPdf(const QString& path) {
    const QByteArray data = readAll(path);
    QVERIFY2(data.startsWith("%PDF"), data.left(16).constData());
    QVERIFY(data.size() > 500);
    QVERIFY(data.trimmed().endsWith("%%EOF"));
}

vp::TokenTrace trace() {
    vp::TokenTrace t;
    t.batch = 1;
    t.patches = 4;
    t.gridH = t.gridW = 2;
    vp::LayerTrace l;
    l.fate = {vp::PatchFate::Dropped, vp::PatchFate::Kept, vp::PatchFate::Kept, vp::PatchFate::Merged};
    l.patchToken = {-1, 1, 2, 3};
    t.layers.push_back(l);
    return t;
}

void fillPareto(vp::ParetoPlot& plot) {
    std::vector<vp::ParetoPoint> pts(3);
    for (int i = 0; i < 3; ++i) {
        pts[i].cost = 1 + i;
        pts[i].accuracy = 60 + 7 * i;
    }
    plot.setSeries("evit", "EViT", pts);
    plot.setDense(4.6, 80);
    plot.resize(480, 320);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.plot()->replot();
}

}  // namespace

class TestFigureExport : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString path(const QString& name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void widgetToPngSvgPdf() {
        vp::PatchOverlayView view;
        QImage img(16, 16, QImage::Format_RGB32);
        img.fill(QColor(190, 120, 60));
        view.setImage(img);
        view.setTrace(trace(), 0);
        view.resize(200, 160);
        QString error;

        QVERIFY2(vp::exportWidgetFigure(&view, path("overlay.png"), 192, &error), qPrintable(error));
        QImageReader reader(path("overlay.png"));
        QCOMPARE(reader.format(), QByteArray("png"));
        const QImage png = reader.read();
        QCOMPARE(png.size(), QSize(400, 320));  // 192 dpi = 2× the widget
        QVERIFY(lumaVariance(png) > 100);       // not blank
        QVERIFY(std::abs(png.dotsPerMeterX() - 192 / 0.0254) < 2);

        QVERIFY2(vp::exportWidgetFigure(&view, path("overlay.svg"), 96, &error), qPrintable(error));
        checkSvg(path("overlay.svg"));
        QVERIFY(readAll(path("overlay.svg")).contains("<path") || readAll(path("overlay.svg")).contains("<polyline"));

        QVERIFY2(vp::exportWidgetFigure(&view, path("overlay.pdf"), 300, &error), qPrintable(error));
        checkPdf(path("overlay.pdf"));

        QVERIFY2(vp::exportWidgetFigure(&view, path("overlay.jpg"), 96, &error), qPrintable(error));
        QCOMPARE(QImageReader(path("overlay.jpg")).read().size(), QSize(200, 160));
    }

    void plotToPngSvgPdf() {
        vp::ParetoPlot plot;
        fillPareto(plot);
        QString error;
        QVERIFY2(vp::exportPlot(plot.plot(), path("pareto.png"), 400, 300, 144, &error), qPrintable(error));
        const QImage png = QImageReader(path("pareto.png")).read();
        QCOMPARE(png.size(), QSize(600, 450));
        QVERIFY(lumaVariance(png) > 100);

        QVERIFY2(vp::exportPlot(plot.plot(), path("pareto.svg"), 400, 300, 96, &error), qPrintable(error));
        checkSvg(path("pareto.svg"));
        QVERIFY(readAll(path("pareto.svg")).contains("GMACs"));  // axis label as vector text

        QVERIFY2(vp::exportPlot(plot.plot(), path("pareto.pdf"), 400, 300, 96, &error), qPrintable(error));
        checkPdf(path("pareto.pdf"));

        // The plot wrapper exports as its plot (vector text in SVG, not a screenshot).
        QVERIFY2(vp::exportWidgetFigure(&plot, path("wrapper.svg"), 96, &error), qPrintable(error));
        checkSvg(path("wrapper.svg"));
        QVERIFY(readAll(path("wrapper.svg")).contains("accuracy"));
        QVERIFY2(vp::exportWidgetFigure(&plot, path("wrapper.png"), 96, &error), qPrintable(error));
        QCOMPARE(QImageReader(path("wrapper.png")).read().size(), plot.plot()->size());

        // No temp files are left beside the figures.
        const QStringList hidden =
            QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden).filter(QRegularExpression("^\\."));
        QVERIFY2(hidden.isEmpty(), qPrintable(hidden.join(", ")));
    }

    void imageAndText() {
        QString error;
        QImage img(30, 20, QImage::Format_ARGB32);
        img.fill(QColor(10, 200, 30, 128));
        QVERIFY2(vp::exportImage(img, path("img.png"), &error), qPrintable(error));
        QCOMPARE(QImageReader(path("img.png")).read().size(), QSize(30, 20));
        QVERIFY2(vp::exportImage(img, path("img.jpeg"), &error), qPrintable(error));
        QCOMPARE(QImageReader(path("img.jpeg")).format(), QByteArray("jpeg"));
        QVERIFY(!vp::exportImage(QImage(), path("null.png"), &error));
        QVERIFY(!QFile::exists(path("null.png")));

        const QByteArray csv = "method,gmacs,acc\nevit,2.3,78.5\n";
        QVERIFY2(vp::exportText(csv, path("data.csv"), &error), qPrintable(error));
        QCOMPARE(readAll(path("data.csv")), csv);
        QVERIFY(vp::exportText("{}", path("data.csv"), &error));  // replaces
        QCOMPARE(readAll(path("data.csv")), QByteArray("{}"));
    }

    void failuresNameTheFileAndLeaveNothing() {
        vp::PatchOverlayView view;
        view.setTrace(trace(), 0);
        view.resize(100, 100);
        vp::ParetoPlot plot;
        fillPareto(plot);
        QString error;

        // Unknown suffix: named in the error, nothing written.
        QVERIFY(!vp::exportWidgetFigure(&view, path("figure.xyz"), 96, &error));
        QVERIFY2(error.contains("xyz") && error.contains("figure.xyz"), qPrintable(error));
        QVERIFY(!QFile::exists(path("figure.xyz")));
        QVERIFY(!vp::exportPlot(plot.plot(), path("plot.tiff"), 0, 0, 96, &error));
        QVERIFY2(error.contains("tiff"), qPrintable(error));
        QVERIFY(!vp::exportImage(QImage(4, 4, QImage::Format_RGB32), path("img.gif2"), &error));
        QVERIFY2(error.contains("gif2"), qPrintable(error));

        // A directory that cannot be created (its parent is a file): every writer fails cleanly.
        QVERIFY(vp::exportText("x", path("blocker"), &error));
        const QString dir = path("blocker/sub");
        for (const QString name : {"a.png", "a.svg", "a.pdf"}) {
            const QString target = dir + "/" + name;
            error.clear();
            QVERIFY(!vp::exportWidgetFigure(&view, target, 96, &error));
            QVERIFY2(error.contains(QDir::toNativeSeparators(target)), qPrintable(error));
            error.clear();
            QVERIFY(!vp::exportPlot(plot.plot(), target, 0, 0, 96, &error));
            QVERIFY2(error.contains(QDir::toNativeSeparators(target)), qPrintable(error));
        }
        QVERIFY(!vp::exportText("x", dir + "/d.csv", &error));
        QVERIFY2(error.contains("d.csv"), qPrintable(error));

        // A read-only directory (permissions do not bind root, so only checked for other users).
        if (geteuid() != 0) {
            QVERIFY(QDir(m_dir.path()).mkdir("ro"));
            QFile::setPermissions(path("ro"), QFileDevice::ReadOwner | QFileDevice::ExeOwner);
            QVERIFY(!vp::exportWidgetFigure(&view, path("ro/a.png"), 96, &error));
            QVERIFY2(error.contains("a.png"), qPrintable(error));
            QVERIFY(!vp::exportPlot(plot.plot(), path("ro/a.pdf"), 0, 0, 96, &error));
            QCOMPARE(QDir(path("ro")).entryList(QDir::Files | QDir::Hidden).size(), 0);
            QFile::setPermissions(path("ro"), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        }
    }

    void overlayGridIsColumnsByRows() {
        const QList<QColor> colours = {Qt::red, Qt::green, Qt::blue, Qt::magenta, Qt::cyan};
        std::vector<QImage> tiles;
        QStringList captions;
        for (int i = 0; i < colours.size(); ++i) {
            QImage t(40, 40, QImage::Format_RGB32);
            t.fill(colours[i]);
            tiles.push_back(t);
            captions << QString("L%1 · %2").arg(i + 1).arg(49 - 5 * i);
        }
        const QImage grid = vp::composeOverlayGrid(tiles, captions, 3);
        QVERIFY(!grid.isNull());
        QCOMPARE(grid.width() % 3, 0);
        QCOMPARE(grid.height() % 2, 0);  // 5 tiles in 3 columns: 2 rows
        const int cellW = grid.width() / 3, cellH = grid.height() / 2;
        QVERIFY(cellW > 40 && cellW < 80);
        QVERIFY(cellH > 40 + 8);  // room for the caption
        for (int i = 0; i < 5; ++i) {
            // The tile sits at the top of its cell, centred; its middle has the tile's colour.
            const int cx = (i % 3) * cellW + cellW / 2;
            const int tileTop = (i / 3) * cellH + 8;
            QCOMPARE(QColor(grid.pixel(cx, tileTop + 20)), colours[i]);
            // The caption below the tile puts dark pixels on white.
            int dark = 0;
            for (int y = tileTop + 41; y < (i / 3 + 1) * cellH; ++y)
                for (int x = (i % 3) * cellW; x < (i % 3 + 1) * cellW; ++x) dark += qGray(grid.pixel(x, y)) < 128;
            QVERIFY2(dark > 5, qPrintable(QString("caption %1: %2 dark pixels").arg(i).arg(dark)));
        }
        QCOMPARE(QColor(grid.pixel(2 * cellW + cellW / 2, cellH + cellH / 2)), QColor(Qt::white));  // empty sixth cell

        // Auto columns: about square; more columns than tiles are clamped.
        QCOMPARE(vp::composeOverlayGrid(tiles, {}, 0).width(), 3 * (40 + 16));
        QCOMPARE(vp::composeOverlayGrid(tiles, {}, 0).height(), 2 * (40 + 16));
        QCOMPARE(vp::composeOverlayGrid(tiles, {}, 9).width(), 5 * (40 + 16));
        QVERIFY(vp::composeOverlayGrid({}, {}, 3).isNull());
    }
};

QTEST_MAIN(TestFigureExport)
#include "test_figure_export.moc"
