// The studio's token map tab driven directly (offscreen): results carry no map while the tab is
// hidden, switching to it asks the worker for one, the map follows the shown block and a merged
// token paints its patches alike; --view is parsed and checked.
#include <QtTest>
#include <map>

#include "main_window.h"
#include "studio_test_support.h"
#include "side_panel.h"
#include "studio_options.h"
#include "widgets/knob_panel.h"
#include "widgets/token_map_view.h"

namespace {

using vp::test::settled;
using vp::test::unattended;

}  // namespace

class TestTokenMapWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void mapOnlyWhileTheTabIsShown() {
        vp::MainWindow w(unattended("tome"));
        QVERIFY(settled(w));
        QVERIFY(!w.tokenMapShown());
        QVERIFY(w.shownResult().tokenMap.empty());  // the normal path computes none
        w.setTokenMapShown(true);
        QVERIFY(QTest::qWaitFor([&] { return !w.shownResult().tokenMap.empty(); }, 60000));
        const vp::StudioResult& r = w.shownResult();
        QCOMPARE(r.tokenMap.layers.size(), r.trace.layers.size());
        QCOMPARE(r.tokenMap.gridH, r.trace.gridH);
        QVERIFY(w.tokenMapView()->hasMap());
        QCOMPARE(w.tokenMapView()->layer(), w.shownLayer());

        // ToMe merges: the patches of one token get one colour in the view.
        const vp::TokenMapLayer& last = r.tokenMap.layers.back();
        std::map<int, QColor> colourOf;
        int shared = 0;
        for (int p = 0; p < r.tokenMap.patches(); ++p) {
            QVERIFY(last.hasToken(p));
            const QColor c = w.tokenMapView()->patchColour(p);
            auto [it, fresh] = colourOf.emplace(last.token[p], c);
            if (!fresh) {
                ++shared;
                QCOMPARE(c, it->second);
            }
        }
        QVERIFY(shared > 0);

        // Back on the patches tab, knob moves do not compute maps.
        w.setTokenMapShown(false);
        vp::KnobPanel* knobs = w.sidePanel()->knobs();
        QVERIFY(knobs->setValue("r", "2"));
        Q_EMIT knobs->valuesChanged();
        QVERIFY(settled(w));
        QCOMPARE(w.shownResult().knobs.at("r"), std::string("2"));
        QVERIFY(w.shownResult().tokenMap.empty());
    }

    void startsOnTheTokenMapWithView() {
        vp::MainWindow w(unattended("attn-topk", QStringLiteral("token-map")));
        QVERIFY(settled(w));
        QVERIFY(w.tokenMapShown());
        const vp::TokenMap& map = w.shownResult().tokenMap;
        QVERIFY(!map.empty());
        // Dropped patches are marked in the last block; the first block still has them all.
        int dropped = 0;
        for (int p = 0; p < map.patches(); ++p) {
            dropped += map.layers.back().dropped(p);
            QVERIFY(map.layers.front().hasToken(p));
        }
        QVERIFY(dropped > 0);
    }

    void viewOptionIsChecked() {
        const QString exe = QStringLiteral("vitprune-studio");
        QCOMPARE(vp::parseStudioOptions({exe, "--view", "token-map"}).options.view, QStringLiteral("token-map"));
        QCOMPARE(vp::parseStudioOptions({exe, "--view", "patches"}).exitCode, -1);
        const vp::ParsedOptions bad = vp::parseStudioOptions({exe, "--view", "heatmap"});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.message.contains(QStringLiteral("heatmap")));
    }
};

QTEST_MAIN(TestTokenMapWindow)
#include "test_token_map_window.moc"
