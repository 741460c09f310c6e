// IA-RED² (paper, no official code): interpreter keep probabilities recomputed independently
// decide the first group's kept set; threshold 0 is dense; per-image counts in a padded batch give
// each image's own logits; the interpreters' MACs follow the tokens they read; REINFORCE with a
// larger cost weight learns to keep fewer patches.
#include <c10/core/InferenceMode.h>
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "prune/flops.h"
#include "prune/learned_parts.h"
#include "prune/registry.h"
#include "support/default_model.h"
#include "support/fashion_batches.h"
#include "train/parts_trainer.h"

namespace {

vp::MethodPtr iaRed2(const std::string& threshold) {
    vp::KnobValues v;
    v.set("threshold", threshold);
    return vp::builtinRegistry().create("ia-red2", v);
}

// The default model with interpreters whose decisions are far from uniform (scaled-up weights).
vp::ViTModel withInterpreters() {
    vp::ViTModel m = vp::test::defaultModel();
    for (auto& [k, t] : iaRed2("0.5")->learnedParts()->initParts(m, 5)) m.extras()[k] = t * 20.0;
    return m;
}

at::Tensor images(int n) { return vp::test::fashionBatches(false, n, n).front(); }

TEST(IaRed2, FirstInterpreterKeepsThePatchesAboveTheThreshold) {
    c10::InferenceMode guard;
    const vp::ViTModel model = withInterpreters();
    const at::Tensor x = images(4);
    auto m = iaRed2("0.5");
    m->prepare(model);
    vp::ForwardOptions o;
    o.trace = vp::TraceLevel::Full;
    const vp::ForwardResult r = model.forward(x, *m, o);
    // Independently: LayerNorm (no affine), Linear, CLS query against every patch key per head.
    const at::Tensor w = model.extras().at("iared2.interpreter.0.weight"),
                     b = model.extras().at("iared2.interpreter.0.bias");
    const int64_t C = 128, heads = 4, d = 64 / heads;
    const at::Tensor qk = at::linear(at::layer_norm(model.embed(x), {C}), w, b);
    for (int64_t s = 0; s < 4; ++s) {
        int expectKept = 0;
        for (int64_t j = 0; j < 49; ++j) {
            double p = 0;
            for (int64_t h = 0; h < heads; ++h) {
                const double dot =
                    (qk[s][0].narrow(0, h * d, d) * qk[s][1 + j].narrow(0, 64 + h * d, d)).sum().item<double>();
                p += 1.0 / (1.0 + std::exp(-dot / std::sqrt(double(d)))) / heads;
            }
            const bool kept = r.trace.layers[0].fate[s * 49 + j] == vp::PatchFate::Kept;
            if (std::abs(p - 0.5) > 1e-4) EXPECT_EQ(kept, p >= 0.5) << "sample " << s << " patch " << j << " p " << p;
            expectKept += p >= 0.5;
        }
        EXPECT_EQ(r.trace.layers[0].attnTokens[s], 1 + expectKept);
    }
}

TEST(IaRed2, ThresholdZeroIsDenseAndPaddingIsInvisible) {
    c10::InferenceMode guard;
    const vp::ViTModel model = withInterpreters();
    const at::Tensor x = images(6);
    auto dense = iaRed2("0");
    dense->prepare(model);
    EXPECT_LE((model.forward(x, *dense).logits - model.forward(x)).abs().max().item<double>(), 1e-5);

    auto m = iaRed2("0.5");
    m->prepare(model);
    const vp::ForwardResult batch = model.forward(x, *m);
    std::set<int> counts;
    for (int64_t s = 0; s < 6; ++s) {
        const vp::ForwardResult one = model.forward(x.narrow(0, s, 1), *m);
        EXPECT_LE((one.logits[0] - batch.logits[s]).abs().max().item<double>(), 1e-4) << s;
        EXPECT_EQ(one.trace.layers.back().mlpTokens[0], batch.trace.layers.back().mlpTokens[s]);
        EXPECT_DOUBLE_EQ(one.trace.extraMacs[0], batch.trace.extraMacs[s]);
        counts.insert(batch.trace.layers.back().mlpTokens[s]);
        // The interpreters read the tokens alive before blocks 0, 4 and 8.
        const double seen = 50.0 + batch.trace.layers[3].mlpTokens[s] + batch.trace.layers[7].mlpTokens[s];
        EXPECT_DOUBLE_EQ(batch.trace.extraMacs[s], seen * (128.0 * 128.0 + 64.0));
    }
    EXPECT_GT(counts.size(), 1u) << "images should keep different counts";
    EXPECT_LT(vp::traceMacs(model, batch.trace), vp::denseMacs(model));
}

TEST(IaRed2, LargerCostWeightLearnsToKeepFewerPatches) {
    const vp::IdxImages& train = vp::test::fashionSet(true);
    const vp::TrainData data{train.images.narrow(0, 0, 256), train.labels.narrow(0, 0, 256), {}, {}};
    const at::Tensor x = images(64);
    auto keptAfter = [&](const std::string& cost) {
        vp::PartsTrainOptions o;
        o.knobs.set("cost", cost);
        o.epochs = 2;
        o.trainImages = 256;
        o.batchSize = 32;
        o.lr = 0.01;
        vp::PartsTrainer t(vp::test::defaultModel(), vp::builtinRegistry().create("ia-red2"), o);
        t.run(data);
        vp::ViTModel m = vp::test::defaultModel();
        for (auto& [k, v] : t.parts()) m.extras()[k] = v;
        auto method = iaRed2("0.5");
        method->prepare(m);
        c10::InferenceMode guard;
        return vp::traceMacs(m, m.forward(x, *method).trace);
    };
    EXPECT_LT(keptAfter("3"), keptAfter("0"));
}

}  // namespace
