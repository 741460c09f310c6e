// PatchOverlayView renders kept patches clear and dropped ones dimmed (and hatched).
#include <QApplication>
#include <QImage>
#include <QtTest>

#include "widgets/patch_overlay_view.h"

using vp::PatchFate;

namespace {

double meanLuma(const QImage& img, const QRect& r) {
    double sum = 0;
    int n = 0;
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x, ++n) sum += qGray(img.pixel(x, y));
    return sum / n;
}

// A fake trace: one sample, 2×2 grid, one layer; patch 0 dropped, 1 kept, 2 merged, 3 kept.
vp::TokenTrace fakeTrace() {
    vp::TokenTrace t;
    t.batch = 1;
    t.patches = 4;
    t.gridH = t.gridW = 2;
    vp::LayerTrace l;
    l.layer = 0;
    l.fate = {PatchFate::Dropped, PatchFate::Kept, PatchFate::Merged, PatchFate::Kept};
    l.patchToken = {-1, 1, 2, 3};
    t.layers.push_back(l);
    return t;
}

}  // namespace

class TestPatchOverlay : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void droppedPatchIsDarker() {
        vp::PatchOverlayView view;
        QImage grey(16, 16, QImage::Format_RGB888);
        grey.fill(QColor(180, 180, 180));
        view.setImage(grey);
        view.setTrace(fakeTrace(), 0);
        QCOMPARE(view.patchCount(), 4);
        QCOMPARE(view.keptCount(), 3);

        const QImage out = view.renderOverlay(200);
        QCOMPARE(out.size(), QSize(200, 200));
        // Inner parts of patch 0 (top left, dropped) and patch 1 (top right, kept), away from grid lines.
        const double dropped = meanLuma(out, QRect(10, 10, 80, 80));
        const double kept = meanLuma(out, QRect(110, 10, 80, 80));
        QVERIFY2(kept > 170, qPrintable(QString("kept patch luma %1").arg(kept)));
        QVERIFY2(dropped < kept * 0.6, qPrintable(QString("dropped %1 vs kept %2").arg(dropped).arg(kept)));
        // Hatched: the dropped patch is not one flat colour.
        QSet<QRgb> colours;
        for (int x = 10; x < 90; ++x) colours.insert(out.pixel(x, 50));
        QVERIFY(colours.size() >= 2);
        // Merged patches are tinted, not dimmed.
        const double merged = meanLuma(out, QRect(10, 110, 80, 80));
        QVERIFY(merged > dropped);
    }

    void widgetPaintsTheSame() {
        vp::PatchOverlayView view;
        QImage grey(16, 16, QImage::Format_RGB888);
        grey.fill(QColor(180, 180, 180));
        view.setImage(grey);
        view.setTrace(fakeTrace(), 0);
        view.resize(200, 200);
        const QImage shot = view.grab().toImage();
        QVERIFY(meanLuma(shot, QRect(10, 10, 60, 60)) < meanLuma(shot, QRect(130, 10, 60, 60)) * 0.6);
    }

    void traceWithoutFatesShowsAllKept() {
        vp::TokenTrace t = fakeTrace();
        t.layers[0].fate.clear();  // TraceLevel::Counts
        vp::PatchOverlayView view;
        view.setTrace(t, 5);       // out-of-range layer is clamped
        QCOMPARE(view.keptCount(), 4);
    }
};

QTEST_MAIN(TestPatchOverlay)
#include "test_patch_overlay.moc"
