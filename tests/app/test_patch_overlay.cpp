// PatchOverlayView renders kept patches clear and dropped ones dimmed (and hatched); its tooltip
// describes a patch; the wheel zooms about the cursor, dragging pans and a double click resets.
#include <QApplication>
#include <QImage>
#include <QSignalSpy>
#include <QtTest>
#include <cmath>

#include "widgets/fate_style.h"
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

// Four layers over a 2×2 grid: patch 0 dropped at block 3 (shown as block 3: 0-based), patch 1 merged into
// token 2 from block 1 on, patches 2 and 3 kept throughout. Scores on patches 0 and 1 only.
vp::TokenTrace fourLayerTrace() {
    vp::TokenTrace t;
    t.batch = 1;
    t.patches = 4;
    t.gridH = t.gridW = 2;
    for (int l = 0; l < 4; ++l) {
        vp::LayerTrace lt;
        lt.layer = l;
        const bool dropped = l >= 3, merged = l >= 1;
        lt.fate = {dropped ? PatchFate::Dropped : PatchFate::Kept, merged ? PatchFate::Merged : PatchFate::Kept,
                   merged ? PatchFate::Merged : PatchFate::Kept, PatchFate::Kept};
        lt.patchToken = {dropped ? -1 : 1, merged ? 2 : 2, merged ? 2 : 3, 4};
        lt.score = {0.25f, 0.5f, NAN, NAN};
        lt.tokenSize = {dropped ? 0.f : 1.f, merged ? 2.f : 1.f, merged ? 2.f : 1.f, 1.f};
        t.layers.push_back(lt);
    }
    return t;
}

QImage greyImage() {
    QImage grey(16, 16, QImage::Format_RGB888);
    grey.fill(QColor(180, 180, 180));
    return grey;
}

void sendWheel(QWidget* w, QPointF pos, int angle) {
    QWheelEvent e(pos, w->mapToGlobal(pos), QPoint(), QPoint(0, angle), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase,
                  false);
    QApplication::sendEvent(w, &e);
}

void sendMouse(QWidget* w, QEvent::Type type, QPointF pos, Qt::MouseButton button, Qt::MouseButtons buttons) {
    QMouseEvent e(type, pos, w->mapToGlobal(pos), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(w, &e);
}

}  // namespace

class TestPatchOverlay : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void droppedPatchIsDarker() {
        vp::PatchOverlayView view;
        view.setLegendVisible(false);  // the geometry below assumes the grid fills the view
        QImage grey(16, 16, QImage::Format_RGB888);
        grey.fill(QColor(180, 180, 180));
        view.setImage(grey);
        view.setTrace(fakeTrace(), 0);
        QCOMPARE(view.patchCount(), 4);
        // Merged patches are counted apart from kept ones.
        QCOMPARE(view.tally().of(PatchFate::Kept), 2);
        QCOMPARE(view.tally().of(PatchFate::Merged), 1);
        QCOMPARE(view.tally().of(PatchFate::Dropped), 1);

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
        view.setLegendVisible(false);  // the geometry below assumes the grid fills the view
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
        view.setLegendVisible(false);  // the geometry below assumes the grid fills the view
        view.setTrace(t, 5);           // out-of-range layer is clamped
        QCOMPARE(view.tally().of(PatchFate::Kept), 4);
    }

    // Issue 18 (2, 3): kept, merged, fused, dropped are counted apart, the on-canvas legend says
    // so, and EViT's fused patches are darker than the kept ones at every size.
    void legendCountsEachFateApart() {
        vp::TokenTrace t = fakeTrace();
        t.layers[0].fate = {PatchFate::Fused, PatchFate::Kept, PatchFate::Merged, PatchFate::Fused};
        const vp::FateTally tally = vp::tallyFates(t, 0);
        QCOMPARE(tally.of(PatchFate::Kept), 1);
        QCOMPARE(tally.of(PatchFate::Fused), 2);
        QCOMPARE(tally.of(PatchFate::Merged), 1);
        QCOMPARE(tally.total(), 4);
        QCOMPARE(vp::fateSummary(tally, true), QString("1/4 kept · 1 merged · 2 fused"));
        QCOMPARE(vp::tokenCountText(1), QString("1 token"));
        QCOMPARE(vp::tokenCountText(9), QString("9 tokens"));

        // The legend takes a strip under the image: the patches move up, and the strip has the
        // fate swatches (not the plain background) in it.
        vp::PatchOverlayView view;
        view.setImage(greyImage());
        view.setTrace(t, 0);
        view.resize(300, 300);
        QVERIFY(view.legendVisible());
        const QImage with = view.renderOverlay(300);
        view.setLegendVisible(false);
        const QImage without = view.renderOverlay(300);
        QVERIFY(with != without);
        QSet<QRgb> strip;
        for (int y = 285; y < 298; ++y)
            for (int x = 0; x < 300; ++x) strip.insert(with.pixel(x, y));
        QVERIFY2(strip.size() > 5, qPrintable(QString("legend strip colours: %1").arg(strip.size())));
        // The hovered patch agrees with what is drawn: with the legend the grid is smaller, so the
        // bottom row sits higher.
        view.setLegendVisible(true);
        QCOMPARE(view.patchAt(QPointF(100, 10)), 0);
        QVERIFY(view.patchAt(QPointF(100, 295)) < 0);  // the legend, not a patch
    }

    void fusedPatchesAreDarkerThanKeptAtEverySize() {
        vp::TokenTrace t = fakeTrace();
        t.layers[0].fate = {PatchFate::Fused, PatchFate::Kept, PatchFate::Fused, PatchFate::Fused};
        vp::PatchOverlayView view;
        view.setLegendVisible(false);
        view.setImage(greyImage());
        view.setTrace(t, 0);
        for (int size : {40, 120, 400}) {
            const QImage out = view.renderOverlay(size);
            const int q = size / 4, w = size / 3;
            const double fused = meanLuma(out, QRect(q - w / 2, q - w / 2, w, w));
            const double kept = meanLuma(out, QRect(3 * q - w / 2, q - w / 2, w, w));
            QVERIFY2(fused < kept * 0.8,
                     qPrintable(QString("size %1: fused %2, kept %3").arg(size).arg(fused).arg(kept)));
        }
    }

    void describeNamesFateScoreAndDropLayer() {
        vp::PatchOverlayView view;
        view.setLegendVisible(false);  // the geometry below assumes the grid fills the view
        view.setTrace(fourLayerTrace(), 3);
        const QString dropped = view.describePatch(0);
        QVERIFY2(dropped.contains("row 0, col 0"), qPrintable(dropped));
        QVERIFY2(dropped.contains("dropped"), qPrintable(dropped));
        QVERIFY2(dropped.contains("Dropped at block 3"), qPrintable(dropped));
        QVERIFY2(dropped.contains("Score: 0.25"), qPrintable(dropped));
        QVERIFY2(!dropped.contains("Token size"), qPrintable(dropped));  // size 0 once dropped

        const QString merged = view.describePatch(1);
        QVERIFY2(merged.contains("row 0, col 1"), qPrintable(merged));
        QVERIFY2(merged.contains("merged into token 2"), qPrintable(merged));
        QVERIFY2(merged.contains("Token size: 2"), qPrintable(merged));
        QVERIFY2(!merged.contains("Dropped"), qPrintable(merged));

        const QString kept = view.describePatch(3);
        QVERIFY2(kept.contains("Fate: kept") && kept.contains("row 1, col 1"), qPrintable(kept));
        QVERIFY2(!kept.contains("Score"), qPrintable(kept));  // NaN score is not shown
        QVERIFY(view.describePatch(4).isEmpty());
        QVERIFY(view.describePatch(-1).isEmpty());

        // Earlier layer: still kept, but the tooltip tells when it goes.
        view.setTrace(fourLayerTrace(), 0);
        const QString early = view.describePatch(0);
        QVERIFY2(early.contains("Fate: kept") && early.contains("Dropped later, at block 3"), qPrintable(early));

        // Explicit drop layers override; a wrong size clears them.
        view.setDropLayers({-1, 6, -1, -1});
        QVERIFY(!view.describePatch(0).contains("block 3"));
        QVERIFY(view.describePatch(1).contains("Dropped later, at block 6"));
        view.setDropLayers({1, 2});
        QVERIFY(!view.describePatch(1).contains("Dropped"));
    }

    void wheelZoomsAboutTheCursor() {
        vp::PatchOverlayView view;
        view.setLegendVisible(false);  // the geometry below assumes the grid fills the view
        view.setImage(greyImage());
        view.setTrace(fakeTrace(), 0);
        view.resize(200, 200);
        const QImage before = view.renderOverlay(120);
        QSignalSpy zoomSpy(&view, &vp::PatchOverlayView::zoomChanged);

        const QPointF cursor(150, 150);  // inside patch 3
        QCOMPARE(view.patchAt(cursor), 3);
        sendWheel(&view, cursor, 120);
        QVERIFY2(std::abs(view.zoom() - 1.25) < 1e-9, qPrintable(QString::number(view.zoom())));
        QCOMPARE(zoomSpy.count(), 1);
        QCOMPARE(view.patchAt(cursor), 3);             // content under the cursor stays put
        QCOMPARE(view.patchAt(QPointF(101, 101)), 3);  // the patch grew towards the top left...
        sendWheel(&view, cursor, 120 * 20);
        QCOMPARE(view.zoom(), 8.0);  // ...and zoom is capped at 8×
        QCOMPARE(view.patchAt(QPointF(1, 1)), 3);
        sendWheel(&view, cursor, -120);
        QVERIFY(view.zoom() < 8.0);

        // Exports ignore the view's zoom.
        QCOMPARE(view.renderOverlay(120), before);
        view.resetView();
        QCOMPARE(view.zoom(), 1.0);
        QCOMPARE(view.pan(), QPointF());
        QCOMPARE(view.patchAt(QPointF(1, 1)), 0);
    }

    void zoomedWidgetShowsOnePatch() {
        vp::PatchOverlayView view;
        view.setLegendVisible(false);  // the geometry below assumes the grid fills the view
        view.setImage(greyImage());
        view.setTrace(fakeTrace(), 0);
        view.resize(200, 200);
        view.zoomAt(8.0, QPointF(0, 0));  // top-left patch (dropped) fills the view
        const QImage shot = view.grab().toImage();
        QVERIFY(meanLuma(shot, QRect(0, 0, 200, 200)) < 100);
        view.zoomAt(8.0, QPointF(0, 0));
        view.resetView();
        const QImage whole = view.grab().toImage();
        QVERIFY(meanLuma(whole, QRect(110, 10, 80, 80)) > 170);  // the kept patch is back
    }

    void dragPansAndDoubleClickResets() {
        vp::PatchOverlayView view;
        view.setLegendVisible(false);  // the geometry below assumes the grid fills the view
        view.setImage(greyImage());
        view.setTrace(fakeTrace(), 0);
        view.resize(200, 200);
        // Not zoomed: dragging does nothing.
        sendMouse(&view, QEvent::MouseButtonPress, {100, 100}, Qt::LeftButton, Qt::LeftButton);
        sendMouse(&view, QEvent::MouseMove, {40, 40}, Qt::NoButton, Qt::LeftButton);
        sendMouse(&view, QEvent::MouseButtonRelease, {40, 40}, Qt::LeftButton, Qt::NoButton);
        QCOMPARE(view.pan(), QPointF());

        view.zoomAt(2.0, QPointF(0, 0));  // shows patch 0 only
        QCOMPARE(view.patchAt(QPointF(150, 150)), 0);
        sendMouse(&view, QEvent::MouseButtonPress, {150, 150}, Qt::LeftButton, Qt::LeftButton);
        sendMouse(&view, QEvent::MouseMove, {50, 50}, Qt::NoButton, Qt::LeftButton);
        sendMouse(&view, QEvent::MouseButtonRelease, {50, 50}, Qt::LeftButton, Qt::NoButton);
        QCOMPARE(view.pan(), QPointF(-100, -100));
        QCOMPARE(view.patchAt(QPointF(150, 150)), 3);  // dragged the content up and left
        // Panning cannot pull the content away from the edge.
        sendMouse(&view, QEvent::MouseButtonPress, {10, 10}, Qt::LeftButton, Qt::LeftButton);
        sendMouse(&view, QEvent::MouseMove, {190, 190}, Qt::NoButton, Qt::LeftButton);
        sendMouse(&view, QEvent::MouseButtonRelease, {190, 190}, Qt::LeftButton, Qt::NoButton);
        QCOMPARE(view.pan(), QPointF());

        sendMouse(&view, QEvent::MouseButtonDblClick, {100, 100}, Qt::LeftButton, Qt::LeftButton);
        QCOMPARE(view.zoom(), 1.0);
        QCOMPARE(view.pan(), QPointF());
    }

    void hoverReportsThePatch() {
        vp::PatchOverlayView view;
        view.setLegendVisible(false);  // the geometry below assumes the grid fills the view
        view.setTrace(fakeTrace(), 0);
        view.resize(200, 200);
        QSignalSpy spy(&view, &vp::PatchOverlayView::patchHovered);
        sendMouse(&view, QEvent::MouseMove, {150, 50}, Qt::NoButton, Qt::NoButton);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.last().at(0).toInt(), 1);
        sendMouse(&view, QEvent::MouseMove, {160, 60}, Qt::NoButton, Qt::NoButton);  // same patch
        QCOMPARE(spy.count(), 1);
        sendMouse(&view, QEvent::MouseMove, {50, 150}, Qt::NoButton, Qt::NoButton);
        QCOMPARE(spy.last().at(0).toInt(), 2);
    }
};

QTEST_MAIN(TestPatchOverlay)
#include "test_patch_overlay.moc"
