// The method platform, exercised as docs/adding_a_method.md tells a contributor to use it: a
// method written in one file (here, this test) and registered with one line appears in the
// registry's specs, gets ready and runs through readyMethod() like every built-in method, is
// solved for a GMACs budget, and gets its knob panel in the studio, with no other file edited.
#include <QCryptographicHash>
#include <QLabel>
#include <QtTest>
#include <c10/core/InferenceMode.h>

#include <algorithm>
#include <cmath>

#include "common/error.h"
#include "methods/token_ops.h"
#include "model/vit_model.h"
#include "prune/budget.h"
#include "prune/flops.h"
#include "prune/method_setup.h"
#include "prune/method_text.h"
#include "prune/registry.h"
#include "side_panel.h"
#include "sweep_cache.h"
#include "support/small_vit.h"
#include "widgets/knob_panel.h"

namespace {

constexpr const char* kTestMethodId = "test-keep-leading";

// Keeps the first ceil(keep * patches) patch tokens (in image order) after the attention of one
// block. Trivial on purpose: the test is about the platform, not the method.
class KeepLeadingPatches : public vp::PruneMethod {
public:
    vp::MethodSpec spec() const override {
        vp::MethodSpec s;
        s.id = kTestMethodId;
        s.name = VP_TEXT("vp::Methods", "Keep leading patches (test only)");
        s.paper = "none (a test of the method platform)";
        s.family = "baseline";
        s.help = VP_TEXT("vp::Methods", "Keeps the first patches in image order after one block.");
        s.mainKnob = "keep";
        s.knobs = {{"keep",
                    VP_TEXT("vp::Methods", "Leading fraction"),
                    vp::KnobType::Number,
                    0.1,
                    1.0,
                    0.01,
                    "0.5",
                    {},
                    VP_TEXT("vp::Methods", "Fraction of the patch tokens kept.")},
                   {"at",
                    VP_TEXT("vp::Methods", "Block"),
                    vp::KnobType::Integer,
                    0,
                    63,
                    1,
                    "1",
                    {},
                    VP_TEXT("vp::Methods", "0-based block after whose attention the patches are dropped.")}};
        s.requirements.blockKnobs = {"at"};
        return s;
    }
    void configure(const vp::KnobValues& v) override {
        m_keep = v.number(spec(), "keep");
        m_at = v.integer(spec(), "at");
    }
    void prepare(const vp::ViTModel& model) override {
        if (m_at >= static_cast<int>(model.weights().blocks.size()))
            throw vp::Error("test-keep-leading: block " + std::to_string(m_at) + " does not exist");
    }
    void reduce(int layer, const vp::AttnContext&, vp::TokenState& state) override {
        if (layer != m_at) return;
        const int64_t patches = state.tokens() - state.prefix;
        // Descending scores in image order: the leading patches win.
        const at::Tensor scores = at::arange(patches, 0, -1, state.x.options().dtype(at::kFloat))
                                      .unsqueeze(0)
                                      .expand({state.batch(), patches});
        vp::keepTopPatches(state, scores, vp::keptCount(m_keep, patches), /*sortByScore=*/false);
    }

private:
    double m_keep = 0.5;
    int m_at = 1;
};

}  // namespace

class TestMethodPlatform : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        vp::registerMethod([] { return std::make_unique<KeepLeadingPatches>(); });
    }

    void theRegistryListsIt() {
        const auto specs = vp::builtinRegistry().specs();
        const auto it =
            std::find_if(specs.begin(), specs.end(), [](const vp::MethodSpec& s) { return s.id == kTestMethodId; });
        QVERIFY(it != specs.end());
        QCOMPARE(QString::fromStdString(it->name), QStringLiteral("Keep leading patches (test only)"));
        QVERIFY(vp::builtinRegistry().contains("evit"));  // the built-in methods are still there
        // A second method with the same id is refused, naming it.
        try {
            vp::registerMethod([] { return std::make_unique<KeepLeadingPatches>(); });
            QFAIL("a duplicate id was accepted");
        } catch (const vp::Error& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String(kTestMethodId)), e.what());
        }
    }

    void itGetsReadyRunsAndIsSolvedForABudget() {
        c10::InferenceMode guard;
        const vp::ViTModel model = vp::randomModel(vp::test::smallConfig(4), 3);
        vp::KnobValues values;
        values.set("keep", "0.3");
        const vp::ReadyMethod ready = vp::readyMethod(model, kTestMethodId, values);
        const vp::ForwardResult out =
            ready.model().forward(vp::randomInput(model, 2), *ready, vp::ForwardOptions{.trace = vp::TraceLevel::Full});
        QCOMPARE(out.trace.layers.size(), size_t(4));
        const int kept = static_cast<int>(std::ceil(0.3 * 49));  // 15 of 49 patches, plus CLS
        QCOMPARE(out.trace.layers[1].attnTokens, std::vector<int>({50, 50}));
        QCOMPARE(out.trace.layers[1].mlpTokens, std::vector<int>({kept + 1, kept + 1}));
        QCOMPARE(out.trace.layers[3].attnTokens, std::vector<int>({kept + 1, kept + 1}));
        // The leading patches are the kept ones.
        const vp::LayerTrace& l1 = out.trace.layers[1];
        QCOMPARE(l1.patchToken.size(), size_t(2 * 49));
        for (int sample = 0; sample < 2; ++sample)
            for (int p = 0; p < 49; ++p) QCOMPARE(l1.patchToken[sample * 49 + p] >= 0, p < kept);

        // Its prepare() check runs before any forward.
        vp::KnobValues tooDeep;
        tooDeep.set("at", "9");
        QVERIFY_THROWS_EXCEPTION(vp::Error, vp::readyMethod(model, kTestMethodId, tooDeep));
        // Bad knob values are refused by the spec alone.
        vp::KnobValues bad;
        bad.set("keep", "2");
        QVERIFY_THROWS_EXCEPTION(vp::Error, vp::readyMethod(model, kTestMethodId, bad));

        // The budget solver works from the spec: GMACs grow with the main knob.
        const double half = vp::methodGMacs(model, kTestMethodId, values);
        values.set("keep", "0.9");
        QVERIFY(vp::methodGMacs(model, kTestMethodId, values) > half);
        const auto [lo, hi] = vp::gmacsRange(model, kTestMethodId, {});
        QVERIFY(lo < hi);
        const vp::KnobValues solved = vp::solveForBudget(model, kTestMethodId, {}, (lo + hi) / 2);
        QVERIFY(solved.has("keep"));
    }

    // The studio's sweep cache is named by the app and behaviour versions too: a method that
    // changes its output (and bumps behaviourVersion) gets new files, never its old points.
    void sweepCacheFilesCarryTheCodeVersion() {
        const vp::ModelIdentity model{QStringLiteral("random:x"), QStringLiteral("0123456789abcdef0123")};
        const QString file =
            vp::sweepCacheFile(model, QString::fromLatin1(kTestMethodId), QStringLiteral("fashion-mnist"), 100, 8);
        const QString code =
            QString::fromLatin1(QCryptographicHash::hash(QByteArray::fromStdString(vp::methodCacheTag(kTestMethodId)),
                                                         QCryptographicHash::Sha1)
                                    .toHex()
                                    .left(8));
        QVERIFY2(file.endsWith(QStringLiteral("_p8_") + code + QStringLiteral(".json")), qPrintable(file));
        QVERIFY(vp::methodCacheTag(kTestMethodId).find("behaviour 1") != std::string::npos);
    }

    void theStudioShowsItsKnobs() {
        vp::SidePanel panel(vp::builtinRegistry().specs());
        QVERIFY(panel.setMethod(kTestMethodId));
        QCOMPARE(panel.methodId(), std::string(kTestMethodId));
        QCOMPARE(panel.knobs()->spec().id, std::string(kTestMethodId));
        QStringList labels;
        for (const QLabel* l : panel.knobs()->findChildren<QLabel*>()) labels << l->text();
        QVERIFY2(labels.contains(QStringLiteral("Leading fraction")), qPrintable(labels.join(QStringLiteral(" | "))));
        QVERIFY2(labels.contains(QStringLiteral("Block")), qPrintable(labels.join(QStringLiteral(" | "))));
        const auto values = panel.knobValues();
        QCOMPARE(std::stod(values.at("keep")), 0.5);  // shown at the knob step's precision ("0.50")
        QCOMPARE(QString::fromStdString(values.at("at")), QStringLiteral("1"));
    }
};

QTEST_MAIN(TestMethodPlatform)
#include "test_method_platform.moc"
