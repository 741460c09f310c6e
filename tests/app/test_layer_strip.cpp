// LayerStrip: one thumbnail per layer, kept counts in the labels, the current layer framed,
// layerSelected on clicks and Left/Right/Home/End, and blocks without attention marked (with the
// context menu's remove/keep toggle where allowed).
#include <QMenu>
#include <QSignalSpy>
#include <QtTest>

#include "widgets/layer_strip.h"
#include "widgets/plot_palette.h"

using vp::PatchFate;

namespace {

// 12 layers over a 4×4 grid of a light image; layer l has dropped patches 0..l-1 (16 - l kept).
vp::TokenTrace shrinkingTrace() {
    vp::TokenTrace t;
    t.batch = 1;
    t.patches = 16;
    t.gridH = t.gridW = 4;
    for (int l = 0; l < 12; ++l) {
        vp::LayerTrace lt;
        lt.layer = l;
        for (int i = 0; i < 16; ++i) lt.fate.push_back(i < l ? PatchFate::Dropped : PatchFate::Kept);
        lt.mlpTokens = {17 - l};
        t.layers.push_back(lt);
    }
    return t;
}

QImage lightImage() {
    QImage img(32, 32, QImage::Format_RGB32);
    img.fill(QColor(200, 210, 220));
    return img;
}

double meanLuma(const QImage& img, const QRect& r) {
    double sum = 0;
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x) sum += qGray(img.pixel(x, y));
    return sum / (r.width() * r.height());
}

// Columns holding highlight-coloured pixels.
QSet<int> highlightColumns(const QImage& img) {
    QSet<int> xs;
    const QRgb hl = vp::LayerStrip::highlightColour().rgb();
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x)
            if ((img.pixel(x, y) & 0xffffff) == (hl & 0xffffff)) xs.insert(x);
    return xs;
}

}  // namespace

class TestLayerStrip : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void countsAndThumbnails() {
        vp::LayerStrip strip;
        QCOMPARE(strip.layerCount(), 0);
        strip.setImage(lightImage());
        strip.setTrace(shrinkingTrace());
        QCOMPARE(strip.layerCount(), 12);
        QCOMPARE(strip.keptCount(0), 16);
        QCOMPARE(strip.keptCount(11), 5);
        QCOMPARE(strip.keptCount(12), -1);
        // 0-based block numbers, as the knobs, --layer and the JSON (issue 18, item 1).
        QCOMPARE(strip.layerLabel(0), QString("0 · 16"));
        QCOMPARE(strip.layerLabel(11), QString("11 · 5"));
        QVERIFY2(strip.layerToolTip(11).startsWith("Block 11: 5/16 kept · 11 dropped"),
                 qPrintable(strip.layerToolTip(11)));

        const QImage img = strip.renderStrip(40);
        QVERIFY(img.width() >= 12 * 40);
        // More dropped patches → darker thumbnail.
        const double first = meanLuma(img, strip.stripThumbRect(0, 40));
        const double last = meanLuma(img, strip.stripThumbRect(11, 40));
        QVERIFY2(last < first - 30, qPrintable(QString("L1 %1, L12 %2").arg(first).arg(last)));

        // Counts-only traces label with token counts (prefix excluded).
        vp::TokenTrace counts = shrinkingTrace();
        for (auto& lt : counts.layers) lt.fate.clear();
        strip.setTrace(counts);
        QCOMPARE(strip.keptCount(3), 13);

        strip.clear();
        QCOMPARE(strip.layerCount(), 0);
        QCOMPARE(strip.keptCount(0), -1);
    }

    void currentLayerIsFramed() {
        vp::LayerStrip strip;
        strip.setImage(lightImage());
        strip.setTrace(shrinkingTrace());
        for (int current : {0, 5, 11}) {
            strip.setCurrentLayer(current);
            const QImage img = strip.renderStrip(40);
            const QRect r = strip.stripThumbRect(current, 40);
            const QRgb hl = vp::LayerStrip::highlightColour().rgb();
            QCOMPARE(img.pixel(r.left() - 2, r.center().y()), hl);
            QCOMPARE(img.pixel(r.center().x(), r.top() - 2), hl);
            QCOMPARE(img.pixel(r.right() + 2, r.center().y()), hl);
            QCOMPARE(img.pixel(r.center().x(), r.bottom() + 2), hl);
            // The frame surrounds only the current thumbnail.
            const QSet<int> cols = highlightColumns(img);
            QVERIFY(!cols.isEmpty());
            for (int x : cols) QVERIFY2(x >= r.left() - 3 && x <= r.right() + 3, qPrintable(QString::number(x)));
            const QRect other = strip.stripThumbRect(current == 0 ? 1 : 0, 40);
            QVERIFY(img.pixel(other.left() - 2, other.center().y()) != hl);
        }
    }

    void clickAndKeysSelect() {
        vp::LayerStrip strip;
        strip.setImage(lightImage());
        strip.setTrace(shrinkingTrace());
        strip.resize(strip.sizeHint());
        strip.show();
        QVERIFY(QTest::qWaitForWindowExposed(&strip));
        QSignalSpy spy(&strip, &vp::LayerStrip::layerSelected);

        // At sizeHint the widget lays out like renderStrip at its default thumbnail size (72).
        const QPoint onSeven = strip.stripThumbRect(7, 72).center();
        QCOMPARE(strip.layerAt(onSeven), 7);
        QTest::mouseClick(&strip, Qt::LeftButton, Qt::NoModifier, onSeven);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.last().at(0).toInt(), 7);
        QCOMPARE(strip.currentLayer(), 7);
        // The widget's own pixels frame layer 7 too.
        const QImage shot = strip.grab().toImage();
        const QRect r7 = strip.stripThumbRect(7, 72);
        QCOMPARE(shot.pixel(r7.left() - 2, r7.center().y()), vp::LayerStrip::highlightColour().rgb());

        QTest::keyClick(&strip, Qt::Key_Right);
        QCOMPARE(spy.last().at(0).toInt(), 8);
        QTest::keyClick(&strip, Qt::Key_Left);
        QTest::keyClick(&strip, Qt::Key_Left);
        QCOMPARE(spy.last().at(0).toInt(), 6);
        QTest::keyClick(&strip, Qt::Key_End);
        QCOMPARE(spy.last().at(0).toInt(), 11);
        const int before = spy.count();
        QTest::keyClick(&strip, Qt::Key_Right);  // already last: nothing to select
        QCOMPARE(spy.count(), before);
        QTest::keyClick(&strip, Qt::Key_Home);
        QCOMPARE(spy.last().at(0).toInt(), 0);
        QCOMPARE(strip.currentLayer(), 0);

        // Programmatic changes do not echo back as user selections.
        const int count = spy.count();
        strip.setCurrentLayer(4);
        QCOMPARE(strip.currentLayer(), 4);
        strip.setCurrentLayer(99);
        QCOMPARE(strip.currentLayer(), 11);
        QCOMPARE(spy.count(), count);
    }

    void removedAttentionIsMarked() {
        vp::LayerStrip strip;
        strip.setImage(lightImage());
        strip.setTrace(shrinkingTrace());
        std::vector<bool> removed(12, false);
        removed[1] = removed[4] = true;
        strip.setAttentionState(removed);
        QVERIFY(strip.attentionRemoved(1));
        QVERIFY(strip.attentionRemoved(4));
        QVERIFY(!strip.attentionRemoved(0));
        QVERIFY(!strip.attentionRemoved(12));
        QVERIFY2(strip.layerToolTip(1).contains("Attention removed"), qPrintable(strip.layerToolTip(1)));
        QVERIFY(!strip.layerToolTip(0).contains("Attention removed"));
        QCOMPARE(strip.layerLabel(1), QString("1 · 15"));  // the label still counts the patches

        // The badge: vermillion pixels on the marked thumbnails only.
        const QRgb badge = vp::palette::seriesColour(1).rgb();
        auto badgePixels = [&](const QImage& img, int layer) {
            const QRect r = strip.stripThumbRect(layer, 60);
            int n = 0;
            for (int y = r.top(); y <= r.bottom(); ++y)
                for (int x = r.left(); x <= r.right(); ++x) n += (img.pixel(x, y) & 0xffffff) == (badge & 0xffffff);
            return n;
        };
        QImage img = strip.renderStrip(60);
        QVERIFY(badgePixels(img, 1) > 20);
        QVERIFY(badgePixels(img, 4) > 20);
        QCOMPARE(badgePixels(img, 0), 0);
        QCOMPARE(badgePixels(img, 2), 0);
        // A new trace keeps the marks (the page sets both per result); clear() drops them.
        strip.setTrace(shrinkingTrace());
        QVERIFY(strip.attentionRemoved(4));
        strip.clear();
        QVERIFY(!strip.attentionRemoved(4));
    }

    void contextMenuTogglesAttention() {
        vp::LayerStrip strip;
        strip.setImage(lightImage());
        strip.setTrace(shrinkingTrace());
        std::vector<bool> removed(12, false), toggleable(12, true);
        removed[3] = true;
        toggleable[7] = false;
        strip.setAttentionState(removed, toggleable);
        QSignalSpy spy(&strip, &vp::LayerStrip::attentionToggled);

        std::unique_ptr<QMenu> keep(strip.contextMenu(3, nullptr));
        QVERIFY(keep);
        QCOMPARE(keep->actions().size(), 1);
        QCOMPARE(keep->actions().first()->text(), QString("Keep attention of block 3"));
        keep->actions().first()->trigger();
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.last().at(0).toInt(), 3);
        QCOMPARE(spy.last().at(1).toBool(), false);

        std::unique_ptr<QMenu> remove(strip.contextMenu(5, nullptr));
        QVERIFY(remove);
        QCOMPARE(remove->actions().first()->text(), QString("Remove attention of block 5"));
        remove->actions().first()->trigger();
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy.last().at(0).toInt(), 5);
        QCOMPARE(spy.last().at(1).toBool(), true);
        QVERIFY(strip.layerToolTip(5).contains("Right-click to remove its attention"));

        // Not offered: a block the method cannot toggle, or none at all.
        QVERIFY(!strip.contextMenu(7, nullptr));
        QVERIFY(!strip.contextMenu(-1, nullptr));
        strip.setAttentionState(removed);
        QVERIFY(!strip.contextMenu(3, nullptr));
        QVERIFY(!strip.layerToolTip(3).contains("Right-click"));
    }
};

QTEST_MAIN(TestLayerStrip)
#include "test_layer_strip.moc"
