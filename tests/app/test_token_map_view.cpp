// TokenMapView paints each patch in its token's colour (patches of one token alike and without a
// border between them), dropped patches dark, parked ones dark and outlined; it follows the block
// asked for, clamps it, and describes a patch in its tooltip. Widgets only, no Torch.
#include <QApplication>
#include <QImage>
#include <QtTest>

#include "widgets/token_map_view.h"

namespace {

double meanLuma(const QImage& img, const QRect& r) {
    double sum = 0;
    int n = 0;
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x, ++n) sum += qGray(img.pixel(x, y));
    return sum / n;
}

constexpr uint32_t kRed = 0xe02010, kTeal = 0x10a0a0, kGold = 0xd0b020;

// 3×3 grid, two blocks. Block 0: one token per patch, all distinct. Block 1: patches 0 and 1
// share token 5 (red), patch 4 dropped, patch 8 parked, the rest teal/gold single tokens.
vp::TokenMap fakeMap() {
    vp::TokenMap m;
    m.gridH = m.gridW = 3;
    vp::TokenMapLayer a;
    a.layer = 0;
    for (int p = 0; p < 9; ++p) {
        a.token.push_back(p + 1);
        a.rgb.push_back(vp::packRgb(static_cast<uint8_t>(20 * p), static_cast<uint8_t>(200 - 20 * p), 128));
    }
    vp::TokenMapLayer b;
    b.layer = 1;
    b.token = {5, 5, 2, 3, -1, 4, 6, 7, -2};
    b.rgb = {kRed, kRed, kTeal, kGold, 0, kTeal, kGold, kTeal, 0};
    m.layers = {a, b};
    return m;
}

QRect cellRect(int size, int patch) {  // interior of a cell of a 3×3 grid rendered size×size
    const int c = size / 3;
    return QRect((patch % 3) * c + 8, (patch / 3) * c + 8, c - 16, c - 16);
}

}  // namespace

class TestTokenMapView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void paintsTokenColoursAndMergedRegions() {
        vp::TokenMapView v;
        v.setImageOpacity(0);  // exact colours
        v.setMap(fakeMap());
        v.setLayer(1);
        QCOMPARE(v.layer(), 1);
        const QImage img = v.renderMap(300);
        const auto at = [&](int x, int y) { return img.pixel(x, y) & 0xffffff; };
        QCOMPARE(at(50, 50), kRed);
        QCOMPARE(at(150, 50), kRed);
        QCOMPARE(at(250, 50), kTeal);
        // Patches 0 and 1 are one token: no border at x = 100. Patches 1 and 2 are not: a border.
        QCOMPARE(at(100, 50), kRed);
        QVERIFY(qGray(img.pixel(200, 50)) < 40);
        // Dropped (4) and parked (8) are dark; the colours around are bright.
        QVERIFY(meanLuma(img, cellRect(300, 4)) < 70);
        QVERIFY(meanLuma(img, cellRect(300, 8)) < 90);
        QVERIFY(meanLuma(img, cellRect(300, 2)) > 90);
        QVERIFY(!v.patchColour(4).isValid());
        QCOMPARE(v.patchColour(1).rgb() & 0xffffff, kRed);
    }

    void followsTheBlockAndClampsIt() {
        vp::TokenMapView v;
        v.setImageOpacity(0);
        v.setMap(fakeMap());
        v.setLayer(0);
        const QImage first = v.renderMap(300);
        QCOMPARE(first.pixel(50, 50) & 0xffffff, fakeMap().layers[0].rgb[0]);
        QCOMPARE(first.pixel(150, 50) & 0xffffff, fakeMap().layers[0].rgb[1]);
        QVERIFY(qGray(first.pixel(100, 50)) < 40);  // distinct tokens: a border everywhere
        v.setLayer(42);
        QCOMPARE(v.layer(), 1);
        v.setLayer(-1);  // the last block
        QCOMPARE(v.layer(), 1);
    }

    void imageShowsThroughFaintly() {
        vp::TokenMapView v;
        QImage white(28, 28, QImage::Format_RGB888);
        white.fill(Qt::white);
        v.setImage(white);
        v.setImageOpacity(0.5);
        v.setMap(fakeMap());
        v.setLayer(1);
        const QRgb c = v.renderMap(300).pixel(50, 50);
        // Half red, half white.
        QVERIFY(qAbs(qRed(c) - (0xe0 + 255) / 2) <= 2);
        QVERIFY(qAbs(qGreen(c) - (0x20 + 255) / 2) <= 2);
    }

    void describesPatches() {
        vp::TokenMapView v;
        v.setMap(fakeMap());
        v.setLayer(1);
        QVERIFY(v.describePatch(0).contains(QStringLiteral("shared by 2 patches")));
        QVERIFY(v.describePatch(0).contains(QStringLiteral("#e02010")));
        QVERIFY(v.describePatch(4).contains(QStringLiteral("Dropped")));
        QVERIFY(v.describePatch(8).contains(QStringLiteral("Parked")));
        QVERIFY(v.describePatch(9).isEmpty());
        v.resize(300, 300);
        QCOMPARE(v.patchAt(QPointF(150, 150)), 4);
        QCOMPARE(v.patchAt(QPointF(299, 299)), 8);
    }

    void withoutAMapShowsThePlaceholder() {
        vp::TokenMapView v;
        v.setPlaceholderText(QStringLiteral("Computing the token map…"));
        QVERIFY(!v.hasMap());
        QCOMPARE(v.layer(), -1);
        QVERIFY(!v.renderMap(200).isNull());
        QVERIFY(v.describePatch(0).isEmpty());
        vp::TokenMap bad = fakeMap();
        bad.layers[1].rgb.pop_back();  // inconsistent sizes: shown as no map
        v.setMap(bad);
        QVERIFY(!v.hasMap());
        v.setMap(fakeMap());
        QVERIFY(v.hasMap());
        v.clearMap();
        QVERIFY(!v.hasMap());
    }
};

QTEST_MAIN(TestTokenMapView)
#include "test_token_map_view.moc"
