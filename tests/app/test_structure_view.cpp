// StructureView and HeadGrid: the heads, attention sub-blocks, blocks and MLP neurons a structural
// method kept, drawn and counted from plain per-block widths.
#include <QSignalSpy>
#include <QtTest>

#include "widgets/head_grid.h"
#include "widgets/kept_tokens_chart.h"
#include "widgets/plot_palette.h"
#include "widgets/structure_view.h"

using vp::BlockWidth;
using Cell = vp::HeadGrid::Cell;

namespace {

BlockWidth width(int heads, int qk, int v, int mlp, bool attention = true) { return {heads, qk, v, mlp, attention}; }

// Four blocks of 4 heads × 32 dims and 512 neurons; pruned: block 0 whole, block 1 with 2 heads
// (q/k 24 dims) and 300 neurons, block 2 without attention and 128 neurons, block 3 cut.
std::vector<BlockWidth> reference() { return std::vector<BlockWidth>(4, width(4, 32, 32, 512)); }
std::vector<BlockWidth> pruned() { return {width(4, 32, 32, 512), width(2, 24, 32, 300), width(0, 0, 0, 128, false)}; }

bool near(QRgb a, const QColor& b, int tolerance = 12) {
    return std::abs(qRed(a) - b.red()) <= tolerance && std::abs(qGreen(a) - b.green()) <= tolerance &&
           std::abs(qBlue(a) - b.blue()) <= tolerance;
}

// Pixels of `img` inside `r` close to colour `c`.
int countNear(const QImage& img, const QRect& r, const QColor& c, int tolerance = 12) {
    int n = 0;
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x) n += near(img.pixel(x, y), c, tolerance) ? 1 : 0;
    return n;
}

}  // namespace

class TestStructureView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void gridCountsHeadsPerBlock() {
        vp::HeadGrid grid;
        grid.setWidths(reference(), pruned());
        QCOMPARE(grid.rowCount(), 4);
        QCOMPARE(grid.columnCount(), 4);
        QCOMPARE(grid.keptHeads(0), 4);
        QCOMPARE(grid.keptHeads(1), 2);
        QCOMPARE(grid.keptHeads(2), 0);
        QCOMPARE(grid.keptHeads(3), -1);
        QVERIFY(!grid.attentionRemoved(1));
        QVERIFY(grid.attentionRemoved(2));
        // Kept heads first (counts, not positions), then the removed ones.
        QCOMPARE(grid.cell(1, 0), Cell::Kept);
        QCOMPARE(grid.cell(1, 1), Cell::Kept);
        QCOMPARE(grid.cell(1, 2), Cell::Removed);
        QCOMPARE(grid.cell(1, 3), Cell::Removed);
        QCOMPARE(grid.cell(2, 0), Cell::NoAttention);
        QCOMPARE(grid.cell(3, 0), Cell::Cut);

        const QString t1 = grid.rowToolTip(1);
        for (const char* part : {"Block 1: 2 of 4 heads kept", "q/k 24 of 32 dims per head", "v 32 of 32",
                                 "MLP 300 of 512 neurons", "Counts, not original positions"})
            QVERIFY2(t1.contains(QLatin1String(part)), qPrintable(t1));
        QVERIFY2(grid.rowToolTip(2).contains("attention removed"), qPrintable(grid.rowToolTip(2)));
        QVERIFY2(grid.rowToolTip(2).contains("MLP 128 of 512"), qPrintable(grid.rowToolTip(2)));
        QVERIFY2(grid.rowToolTip(3).contains("cut"), qPrintable(grid.rowToolTip(3)));
    }

    void gridDrawsKeptRemovedAndRemovedAttention() {
        vp::HeadGrid grid;
        grid.setWidths(reference(), pruned());
        const QSize size(240, 120);
        const QImage img = grid.render(size);
        const QColor kept = vp::HeadGrid::keptColour();
        auto inner = [&](int row, int col) { return grid.cellRect(row, col, size).adjusted(2, 2, -2, -2); };
        // Block 1: two filled cells, two greyed ones.
        QVERIFY(countNear(img, inner(1, 0), kept) > inner(1, 0).width() * inner(1, 0).height() / 2);
        QVERIFY(countNear(img, inner(1, 1), kept) > inner(1, 1).width() * inner(1, 1).height() / 2);
        QCOMPARE(countNear(img, inner(1, 2), kept), 0);
        QCOMPARE(countNear(img, inner(1, 3), kept), 0);
        // Block 2: no kept head anywhere, the removed-attention bar in vermillion.
        QRect row2 = inner(2, 0).united(inner(2, 3));
        QCOMPARE(countNear(img, row2, kept), 0);
        QVERIFY(countNear(img, grid.cellRect(2, 0, size).united(grid.cellRect(2, 3, size)),
                          vp::palette::seriesColour(1), 40) > 0);
        // Block 3 (cut): nothing kept either.
        QCOMPARE(countNear(img, inner(3, 0).united(inner(3, 3)), kept), 0);
    }

    void mixedMapsAndClicks() {
        vp::HeadGrid grid;
        BlockWidth hm = width(3, 16, 16, 192);
        hm.mapHeads = 1;
        grid.setWidths({width(3, 16, 16, 192), width(3, 16, 16, 192)}, {width(3, 16, 16, 192), hm});
        QCOMPARE(grid.cell(1, 0), Cell::Kept);
        QCOMPARE(grid.cell(1, 1), Cell::Mixed);
        QCOMPARE(grid.cell(1, 2), Cell::Mixed);
        QVERIFY(grid.rowToolTip(1).contains("2 heads mix their maps"));

        grid.resize(200, 80);
        QSignalSpy clicked(&grid, &vp::HeadGrid::layerClicked);
        QTest::mouseClick(&grid, Qt::LeftButton, {}, grid.cellRect(1, 1, grid.size()).center());
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.at(0).at(0).toInt(), 1);
        QCOMPARE(grid.currentLayer(), 1);
    }

    void viewChartsNeuronsAndSummarises() {
        vp::StructureView view;
        view.setStructure(reference(), pruned(), QStringLiteral("nvit budget=0.5"));
        QCOMPARE(view.neuronChart()->values(), (std::vector<double>{512, 300, 128, 0}));
        QCOMPARE(view.neuronChart()->denseValues(), (std::vector<double>{512, 512, 512, 512}));
        const QString s = view.summaryText();
        for (const char* part :
             {"6 of 16 heads", "1 attention sub-block removed", "1 block cut", "MLP neurons 940 of 2048 (46%)"})
            QVERIFY2(s.contains(QLatin1String(part)), qPrintable(s));
        view.setCurrentLayer(2);
        QCOMPARE(view.grid()->currentLayer(), 2);
        QCOMPARE(view.neuronChart()->currentLayer(), 2);

        QSignalSpy clicked(&view, &vp::StructureView::layerClicked);
        Q_EMIT view.neuronChart()->layerClicked(3);
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.at(0).at(0).toInt(), 3);

        view.clear();
        QCOMPARE(view.grid()->rowCount(), 0);
        QVERIFY(view.summaryText().isEmpty());
    }
};

QTEST_MAIN(TestStructureView)
#include "test_structure_view.moc"
