// CostHistogram: one bar per bin at the bin's centre and width, the mean and dense lines where
// they belong (pixels checked), a title with mean ± std, a single bar for a fixed-count method
// that is still drawn visibly next to a distant dense line, and bins under the mouse.
#include <QtTest>

#include "widgets/cost_histogram.h"
#include "widgets/figure_export.h"
#include "widgets/plot_palette.h"
#include "widgets/qcp.h"

namespace {

void layOut(vp::CostHistogram& h) {
    h.resize(640, 360);
    h.show();
    QVERIFY(QTest::qWaitForWindowExposed(&h));
    h.plot()->replot();
}

bool near(QRgb a, QColor b, int tol = 16) {
    return std::abs(qRed(a) - b.red()) <= tol && std::abs(qGreen(a) - b.green()) <= tol &&
           std::abs(qBlue(a) - b.blue()) <= tol;
}

// Does column x of the axis rect hold a pixel of colour c (anywhere between its top and bottom)?
bool columnHas(const QImage& img, const QCPAxisRect* rect, int x, QColor c) {
    for (int y = rect->top() + 2; y < rect->bottom() - 2; ++y)
        if (near(img.pixel(x, y), c, 30)) return true;
    return false;
}

}  // namespace

class TestCostHistogram : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void barsAtBinCentres() {
        vp::CostHistogram h;
        h.setHistogram(0.06, 0.01, {3, 10, 7, 0, 1});
        QCOMPARE(h.binCount(), 5);
        QCOMPARE(h.imageCount(), qint64(21));
        QCOMPARE(h.bars()->data()->size(), 5);
        for (int i = 0; i < 5; ++i) QVERIFY(qAbs(h.bars()->data()->at(i)->key - (0.065 + 0.01 * i)) < 1e-12);
        QCOMPARE(h.bars()->data()->at(1)->value, 10.0);
        QVERIFY(qAbs(h.bars()->width() - 0.01) < 1e-15);
        // The axis shows every bin.
        QVERIFY(h.axisLow() <= 0.06);
        QVERIFY(h.axisHigh() >= 0.11);
        h.clear();
        QCOMPARE(h.binCount(), 0);
        QCOMPARE(h.bars()->data()->size(), 0);
        QVERIFY(!h.meanLine()->visible());
    }

    void titleAndLinesAtMeanAndDense() {
        vp::CostHistogram h;
        h.setSubject(QStringLiteral("LTP, theta=1"));
        h.setHistogram(0.06, 0.01, {3, 10, 7, 0, 1});
        h.setSummary(0.0812, 0.0093, 21);
        h.setDense(0.126);
        QVERIFY2(h.title().contains(QStringLiteral("LTP, theta=1")), qPrintable(h.title()));
        QVERIFY2(h.title().contains(QStringLiteral("0.0812 ± 0.0093")), qPrintable(h.title()));
        QVERIFY2(h.title().contains(QStringLiteral("21")), qPrintable(h.title()));
        QVERIFY(h.meanLine()->visible());
        QVERIFY(h.denseLine()->visible());
        QCOMPARE(h.meanLine()->point1->coords().x(), 0.0812);
        QCOMPARE(h.denseLine()->point1->coords().x(), 0.126);
        QVERIFY(h.axisHigh() > 0.126);  // dense is on the axis even when no image is near it

        layOut(h);
        const QImage img = h.plot()->toPixmap().toImage();
        const QCPAxisRect* rect = h.plot()->axisRect();
        const int meanX = qRound(h.plot()->xAxis->coordToPixel(0.0812));
        const int denseX = qRound(h.plot()->xAxis->coordToPixel(0.126));
        bool meanSeen = false, denseSeen = false;
        for (int dx = -1; dx <= 1; ++dx) {
            meanSeen = meanSeen || columnHas(img, rect, meanX + dx, vp::palette::seriesColour(1));
            denseSeen = denseSeen || columnHas(img, rect, denseX + dx, Qt::black);
        }
        QVERIFY2(meanSeen, "no mean line at the mean");
        QVERIFY2(denseSeen, "no dense line at dense");
        // The tallest bar is filled with the series colour just under its top.
        const QPoint inBar = (h.barTop(1) + QPointF(0, 6)).toPoint();
        QVERIFY2(near(img.pixel(inBar), vp::palette::seriesColour(0)), qPrintable(QColor(img.pixel(inBar)).name()));
        QCOMPARE(h.binAtPixel(h.barTop(1) + QPointF(0, 6)), 1);
        QCOMPARE(h.binAtPixel(QPointF(h.plot()->xAxis->coordToPixel(0.0555), h.barTop(1).y() + 6)), -1);
        QCOMPARE(h.binAtPixel(QPointF(-5, -5)), -1);
    }

    void singleBarForAFixedCountMethod() {
        vp::CostHistogram h;
        // Every image 0.0903 GMACs: one bin 1% of the value wide, dense far to the right.
        h.setHistogram(0.0903 - 0.0004515, 0.000903, {1000});
        h.setSummary(0.0903, 0.0, 1000);
        h.setDense(0.126);
        QCOMPARE(h.binCount(), 1);
        QCOMPARE(h.imageCount(), qint64(1000));
        layOut(h);
        // Drawn at least 1/80 of the axis wide, so it is a bar, not a hairline.
        const double px = h.plot()->xAxis->coordToPixel(h.bars()->data()->at(0)->key + h.bars()->width() / 2) -
                          h.plot()->xAxis->coordToPixel(h.bars()->data()->at(0)->key - h.bars()->width() / 2);
        QVERIFY2(px >= 5, qPrintable(QString::number(px)));
        QCOMPARE(h.binAtPixel(h.barTop(0) + QPointF(0, 5)), 0);
        QVERIFY(h.title().contains(QStringLiteral("0.0903 ± 0")));
    }

    void exportsVectorAndRaster() {
        vp::CostHistogram h;
        h.setHistogram(0.06, 0.01, {3, 10, 7, 0, 1});
        h.setSummary(0.0812, 0.0093, 21);
        h.setDense(0.126);
        layOut(h);
        QTemporaryDir dir;
        for (const char* name : {"h.png", "h.svg", "h.pdf"}) {
            const QString path = dir.filePath(QString::fromLatin1(name));
            QString error;
            QVERIFY2(vp::exportPlot(h.plot(), path, 900, 480, 192, &error), qPrintable(error));
            QVERIFY(QFileInfo(path).size() > 1000);
        }
        QImage png(dir.filePath(QStringLiteral("h.png")));
        QCOMPARE(png.size(), QSize(1800, 960));  // 192 dpi = 2× the layout size
    }
};

QTEST_MAIN(TestCostHistogram)
#include "test_cost_histogram.moc"
