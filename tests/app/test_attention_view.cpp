// AttentionView shows the dense model's and the method's attention side by side: the block and
// head selectors (0-based block labels, "mean of heads") pick what the panes show, the rollout mode
// and its head fusion too; a patch the method dropped is drawn dark and hatched; one colour range
// spans both panes. Widgets only, no Torch.
#include <QApplication>
#include <QComboBox>
#include <QImage>
#include <QSignalSpy>
#include <QtTest>
#include <cmath>

#include "widgets/attention_view.h"
#include "widgets/patch_grid_geometry.h"

namespace {

const float kNone = std::nanf("");

// 3×3 grid, two blocks, two heads. Values are distinct per (block, head, patch) so every choice is visible.
vp::AttentionMaps fakeMaps(bool pruned) {
    vp::AttentionMaps m;
    m.gridH = m.gridW = 3;
    for (int l = 0; l < 2; ++l) {
        vp::AttentionBlock b;
        b.layer = l;
        b.heads = 2;
        b.tokens = 10;
        for (int p = 0; p < 9; ++p) {
            b.token.push_back(p + 1);
            b.fate.push_back(vp::PatchFate::Kept);
        }
        if (pruned && l == 1) {  // patches 0 and 1 share token 1, patch 4 dropped
            b.token = {1, 1, 2, 3, -1, 4, 5, 6, 7};
            b.fate[0] = b.fate[1] = vp::PatchFate::Merged;
            b.fate[4] = vp::PatchFate::Dropped;
            b.tokens = 8;
        }
        for (int h = 0; h < 2; ++h)
            for (int p = 0; p < 9; ++p)
                b.cls.push_back(b.token[p] < 0 ? kNone
                                               : 0.01f * b.token[p] + 0.1f * h + 0.3f * l + (pruned ? 0.005f : 0));
        for (int p = 0; p < 9; ++p) b.clsMean.push_back(b.token[p] < 0 ? kNone : (b.cls[p] + b.cls[9 + p]) / 2);
        b.clsPrefix = {0.2f, 0.1f};
        for (int f = 0; f < vp::kHeadFusions; ++f) {
            for (int p = 0; p < 9; ++p) b.rollout[f].push_back(0.02f * p + 0.001f * f + 0.05f * l);
            b.rolloutPrefix[f] = 0.3f;
        }
        m.blocks.push_back(b);
    }
    return m;
}

QPoint cellCentre(const vp::AttentionView& v, const QSize& size, bool pruned, int patch) {
    const QRectF content = vp::PatchGridGeometry::fit(QSizeF(3, 3), v.paneRect(QRectF(QPointF(), size), pruned));
    const double c = content.width() / 3;
    return QPoint(static_cast<int>(content.left() + (patch % 3 + 0.5) * c),
                  static_cast<int>(content.top() + (patch / 3 + 0.5) * c));
}

}  // namespace

class TestAttentionView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void blockAndHeadLabels() {
        vp::AttentionView v;
        v.setMaps(fakeMaps(false), fakeMaps(true));
        QCOMPARE(v.blockBox()->count(), 2);
        QCOMPARE(v.blockBox()->itemText(0), QStringLiteral("block 0"));
        QCOMPARE(v.blockBox()->itemText(1), QStringLiteral("block 1"));
        QCOMPARE(v.headBox()->count(), 3);
        QCOMPARE(v.headBox()->itemText(0), QStringLiteral("mean of heads"));
        QCOMPARE(v.headBox()->itemText(2), QStringLiteral("head 1"));
        QCOMPARE(v.block(), 1);  // the last block until one is chosen
        QVERIFY(v.caption().contains(QStringLiteral("block 1")));
    }

    void selectorsChangeWhatIsShown() {
        vp::AttentionView v;
        const vp::AttentionMaps dense = fakeMaps(false), pruned = fakeMaps(true);
        v.setMaps(dense, pruned);
        QSignalSpy chosen(&v, &vp::AttentionView::blockChosen);
        v.blockBox()->setCurrentIndex(0);
        QCOMPARE(v.block(), 0);
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.first().first().toInt(), 0);
        QCOMPARE(v.pane(false).values, dense.blocks[0].clsMean);
        QVERIFY(v.caption().contains(QStringLiteral("block 0")));
        v.headBox()->setCurrentIndex(2);  // head 1
        QCOMPARE(v.head(), 1);
        const std::vector<float> head1(dense.blocks[0].cls.begin() + 9, dense.blocks[0].cls.end());
        QCOMPARE(v.pane(false).values, head1);
        QVERIFY(v.caption().contains(QStringLiteral("head 1")));
        v.setBlock(1);  // from the page's slider: shown, not re-announced
        QCOMPARE(v.blockBox()->currentIndex(), 1);
        QCOMPARE(chosen.count(), 1);
        const vp::HeatmapPane p = v.pane(true);
        QVERIFY(std::isnan(p.values[4]));  // dropped in the method's block 1
        QCOMPARE(p.values[0], p.values[1]);
        QCOMPARE(p.values[0], pruned.blocks[1].cls[9 + 0]);

        v.modeBox()->setCurrentIndex(1);  // rollout, heads fused by their mean
        QCOMPARE(v.mode(), vp::AttentionView::Mode::Rollout);
        QVERIFY(v.fusionBox()->isVisibleTo(&v));
        QVERIFY(!v.headBox()->isVisibleTo(&v));
        QCOMPARE(v.pane(true).values, pruned.blocks[1].rollout[0]);
        QVERIFY(v.pane(true).absent[4]);
        v.fusionBox()->setCurrentIndex(1);
        QCOMPARE(v.fusion(), vp::HeadFusion::Max);
        QCOMPARE(v.pane(false).values, dense.blocks[1].rollout[1]);
        QVERIFY(v.caption().contains(QStringLiteral("blocks 0–1")));
    }

    void oneRangeSpansBothPanes() {
        vp::AttentionView v;
        const vp::AttentionMaps dense = fakeMaps(false), pruned = fakeMaps(true);
        v.setMaps(dense, pruned);
        v.setBlock(0);
        const vp::ValueRange r = v.range();  // the dense pane's lowest, the method's highest
        QVERIFY(r.valid);
        QCOMPARE(r.lo, double(dense.blocks[0].clsMean[0]));
        QCOMPARE(r.hi, double(pruned.blocks[0].clsMean[8]));
        v.setMaps(dense, vp::AttentionMaps());  // one side alone still has its range
        QCOMPARE(v.range().hi, double(dense.blocks[0].clsMean[8]));
    }

    void droppedPatchIsDarkAndHatched() {
        vp::AttentionView v;
        v.setMaps(fakeMaps(false), fakeMaps(true));
        v.setBlock(1);
        const QSize size(700, 340);
        const QImage img = v.renderPanes(size);
        const QPoint dropped = cellCentre(v, size, true, 4);
        // Over a dropped cell: dark pixels and the grey hatch lines, nothing coloured.
        int dark = 0, grey = 0;
        for (int dy = -8; dy <= 8; ++dy)
            for (int dx = -8; dx <= 8; ++dx) {
                const QColor c = img.pixelColor(dropped + QPoint(dx, dy));
                if (c.value() < 50) ++dark;
                if (c.value() > 100 && std::abs(c.red() - c.blue()) < 20) ++grey;
            }
        QVERIFY2(dark > 100 && grey > 10, qPrintable(QStringLiteral("dark %1 grey %2").arg(dark).arg(grey)));
        // The same patch in the dense pane has a value: coloured. The highest value is yellow.
        const QColor top = img.pixelColor(cellCentre(v, size, false, 8));
        QVERIFY2(top.red() > 170 && top.green() > 170 && top.blue() < 110, qPrintable(top.name()));
        const QColor denseCell = img.pixelColor(cellCentre(v, size, false, 4));
        QVERIFY2(denseCell.green() > 60, qPrintable(denseCell.name()));
    }
};

QTEST_MAIN(TestAttentionView)
#include "test_attention_view.moc"
