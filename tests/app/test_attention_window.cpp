// The studio's attention tab driven directly (offscreen): results carry no attention maps while
// the tab is hidden, showing it asks the worker for the method's and the dense model's, the view
// follows the shown block both ways, a method without attention maps (Eventful) says so beside
// the dense maps, and --view attention / attention-rollout open on it.
#include <QComboBox>
#include <QtTest>

#include "main_window.h"
#include "side_panel.h"
#include "single_image_page.h"
#include "studio_options.h"
#include "studio_test_support.h"
#include "widgets/attention_view.h"
#include "widgets/knob_panel.h"

namespace {

using vp::test::settled;
using vp::test::unattended;

}  // namespace

class TestAttentionWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void mapsOnlyWhileTheTabIsShown() {
        vp::StudioOptions options = unattended("attn-topk");
        options.sets = {QStringLiteral("locations=1")};  // the fixture has 4 blocks: 2 and 3 run on fewer
        vp::MainWindow w(options);
        QVERIFY(settled(w));
        vp::SingleImagePage* page = w.singleImagePage();
        QVERIFY(!page->attentionShown());
        QVERIFY(w.shownResult().attention.empty());  // the normal path computes none
        QVERIFY(w.shownResult().denseAttention.empty());
        page->setAttentionShown(true);
        QVERIFY(QTest::qWaitFor([&] { return !w.shownResult().attention.empty(); }, 60000));
        const vp::StudioResult& r = w.shownResult();
        QCOMPARE(r.attention.blocks.size(), r.trace.layers.size());
        QCOMPARE(r.denseAttention.blocks.size(), r.trace.layers.size());
        QCOMPARE(r.attention.gridH, r.trace.gridH);
        vp::AttentionView* view = page->attentionView();
        QVERIFY(view->hasMaps());
        QCOMPARE(view->block(), w.shownLayer());
        // The last block: the method dropped patches there, the dense model none.
        int dropped = 0;
        const vp::HeatmapPane pruned = view->pane(true), dense = view->pane(false);
        for (size_t p = 0; p < pruned.values.size(); ++p) {
            QVERIFY(std::isfinite(dense.values[p]));
            dropped += std::isnan(pruned.values[p]);
        }
        QVERIFY(dropped > 0);

        // The view's block selector moves the page; the page's slider moves the view.
        view->blockBox()->setCurrentIndex(0);
        QCOMPARE(w.shownLayer(), 0);
        page->setLayer(1);
        QCOMPARE(view->block(), 1);
        QCOMPARE(view->blockBox()->currentText(), QStringLiteral("block 1"));

        // Back on the patches tab, knob moves compute no maps.
        page->setAttentionShown(false);
        vp::KnobPanel* knobs = w.sidePanel()->knobs();
        QVERIFY(knobs->setValue("keep", "0.6"));
        Q_EMIT knobs->valuesChanged();
        QVERIFY(settled(w));
        QCOMPARE(std::stod(w.shownResult().knobs.at("keep")), 0.6);
        QVERIFY(w.shownResult().attention.empty());
    }

    void eventfulHasNoViewButTheDenseModelHas() {
        vp::MainWindow w(unattended("eventful", QStringLiteral("attention")));
        QVERIFY(settled(w));
        QVERIFY(w.singleImagePage()->attentionShown());
        const vp::StudioResult& r = w.shownResult();
        QVERIFY(r.attention.empty());
        QVERIFY(!r.attentionNote.isEmpty());
        QVERIFY(!r.denseAttention.empty());
    }

    void startsInRolloutModeWithView() {
        vp::MainWindow w(unattended("evit", QStringLiteral("attention-rollout")));
        QVERIFY(settled(w));
        vp::AttentionView* view = w.singleImagePage()->attentionView();
        QVERIFY(w.singleImagePage()->attentionShown());
        QCOMPARE(view->mode(), vp::AttentionView::Mode::Rollout);
        QVERIFY(!w.shownResult().attention.empty());
        double sum = w.shownResult().attention.blocks.back().rolloutPrefix[0];
        for (float v : view->pane(true).values) sum += v;
        QVERIFY(std::abs(sum - 1.0) < 1e-4);
    }

    void viewOptionIsChecked() {
        const QString exe = QStringLiteral("vitprune-studio");
        QCOMPARE(vp::parseStudioOptions({exe, "--view", "attention"}).options.view, QStringLiteral("attention"));
        QCOMPARE(vp::parseStudioOptions({exe, "--view", "attention-rollout"}).exitCode, -1);
        const vp::ParsedOptions bad = vp::parseStudioOptions({exe, "--view", "attn"});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.message.contains(QStringLiteral("attention-rollout")));
    }
};

QTEST_MAIN(TestAttentionWindow)
#include "test_attention_window.moc"
