// Patch Slimming (training-free approximation): calibration on real Fashion-MNIST train images,
// static masks identical for all images and nested across blocks, the linear count schedule, the
// last block keeping the patches the CLS attends to most on average, keep = 1 dense, GMACs monotone.
#include <c10/core/InferenceMode.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "common/error.h"
#include "model/model_loader.h"
#include "prune/flops.h"
#include "prune/registry.h"
#include "support/fashion_batches.h"
#include "support/small_vit.h"

namespace {

vp::ViTModel smallModel() {
    vp::ViTConfig c = vp::test::smallConfig(12, 0.286, 0.353);
    return vp::randomModel(c, 21);
}

using vp::test::fashionBatches;

vp::KnobValues knobs(const std::string& keep, const std::string& start = "0", const std::string& calib = "64") {
    vp::KnobValues v;
    v.set("keep", keep);
    v.set("start", start);
    v.set("calib", calib);
    return v;
}

vp::MethodPtr calibrated(const vp::ViTModel& model, const vp::KnobValues& v, int images = 64) {
    vp::MethodPtr m = vp::builtinRegistry().create("patch-slimming", v);
    EXPECT_EQ(m->calibrationImages(), std::stoi(v.raw().at("calib")));
    m->prepare(model);
    m->calibrate(model, fashionBatches(true, images, 32));
    return m;
}

// Live (not dropped) patches of sample b after layer l.
std::set<int> livePatches(const vp::LayerTrace& lt, int b, int P) {
    std::set<int> live;
    for (int p = 0; p < P; ++p)
        if (lt.fate[b * P + p] != vp::PatchFate::Dropped) live.insert(p);
    return live;
}

TEST(PatchSlimming, NeedsCalibrationBeforeAForward) {
    c10::InferenceMode guard;
    vp::ViTModel model = smallModel();
    auto m = vp::builtinRegistry().create("patch-slimming", knobs("0.5"));
    try {
        model.forward(at::zeros({1, 1, 28, 28}), *m);
        FAIL() << "forward ran without calibration";
    } catch (const vp::Error& e) {
        EXPECT_EQ(std::string(e.what()).rfind("patch-slimming needs calibration images: ", 0), 0u) << e.what();
    }
}

TEST(PatchSlimming, StaticNestedMasksFollowTheLinearSchedule) {
    c10::InferenceMode guard;
    vp::ViTModel model = smallModel();
    auto m = calibrated(model, knobs("0.5"));
    const at::Tensor x = fashionBatches(false, 3, 3)[0];
    auto r = model.forward(x, *m, {vp::TraceLevel::Full});
    std::set<int> previous;
    for (int l = 0; l < 12; ++l) {
        const auto& lt = r.trace.layers[l];
        const int n = static_cast<int>(std::ceil((1.0 - 0.5 * l / 11.0) * 49));
        EXPECT_EQ(lt.attnTokens, std::vector<int>(3, 1 + n)) << "layer " << l;  // gathered before the block
        EXPECT_EQ(lt.mlpTokens, std::vector<int>(3, 1 + n)) << "layer " << l;
        const std::set<int> live = livePatches(lt, 0, 49);
        EXPECT_EQ(static_cast<int>(live.size()), n) << "trace disagrees with the tensors at layer " << l;
        for (int b = 1; b < 3; ++b) EXPECT_EQ(livePatches(lt, b, 49), live) << "masks differ between images";
        if (l > 0)
            EXPECT_TRUE(std::includes(previous.begin(), previous.end(), live.begin(), live.end()))
                << "layer " << l << " is not a subset of layer " << l - 1;
        previous = live;
    }
    EXPECT_EQ(r.trace.layers[11].mlpTokens[0], 1 + 25);  // ceil(0.5 * 49)
}

TEST(PatchSlimming, LastBlockKeepsThePatchesTheClsAttendsToMost) {
    c10::InferenceMode guard;
    vp::ViTModel model = smallModel();
    auto m = calibrated(model, knobs("0.3"));
    // Independent dense pass: CLS attention of the last block, mean over the images and heads.
    const auto batches = fashionBatches(true, 64, 32);
    at::Tensor cls = at::zeros({49}, at::kDouble);
    const int64_t C = 32;
    for (const at::Tensor& images : batches) {
        vp::TokenState s;
        s.x = model.embed(images);
        for (int l = 0; l < 12; ++l) {
            const auto& b = model.weights().blocks[l];
            vp::AttnNeeds needs;
            needs.clsAttn = true;
            vp::AttnContext ctx;
            s.x = s.x + model.attention(l, at::layer_norm(s.x, {C}, b.norm1W, b.norm1B, 1e-6), s, needs, ctx);
            if (l == 11) cls += ctx.clsAttn.to(at::kDouble).mean(1).sum(0).narrow(0, 1, 49);
            s.x = s.x + model.mlp(l, at::layer_norm(s.x, {C}, b.norm2W, b.norm2B, 1e-6));
        }
    }
    const int n = static_cast<int>(std::ceil(0.3 * 49));
    const at::Tensor top = std::get<1>(cls.topk(n));
    std::set<int> expected;
    for (int i = 0; i < n; ++i) expected.insert(static_cast<int>(top[i].item<int64_t>()));
    auto r = model.forward(fashionBatches(false, 1, 1)[0], *m, {vp::TraceLevel::Full});
    EXPECT_EQ(livePatches(r.trace.layers[11], 0, 49), expected);
}

TEST(PatchSlimming, KeepOneIsDenseAndStartDelaysPruning) {
    c10::InferenceMode guard;
    vp::ViTModel model = smallModel();
    const at::Tensor x = fashionBatches(false, 2, 2)[0];
    auto dense = calibrated(model, knobs("1"));
    EXPECT_TRUE(at::equal(model.forward(x, *dense).logits, model.forward(x)));
    auto late = calibrated(model, knobs("0.4", "6"));
    auto r = model.forward(x, *late);
    for (int l = 0; l <= 6; ++l) EXPECT_EQ(r.trace.layers[l].mlpTokens[0], 50) << "layer " << l;
    EXPECT_LT(r.trace.layers[7].mlpTokens[0], 50);
    EXPECT_EQ(r.trace.layers[11].mlpTokens[0], 1 + 20);  // ceil(0.4 * 49)
}

TEST(PatchSlimming, UsesAtMostCalibImagesAndReconfiguresWithoutRecalibrating) {
    c10::InferenceMode guard;
    vp::ViTModel model = smallModel();
    const at::Tensor x = fashionBatches(false, 2, 2)[0];
    // calib = 8 over batches of 32 uses the first 8 images: same masks as being handed only those.
    auto a = vp::builtinRegistry().create("patch-slimming", knobs("0.3", "0", "8"));
    a->calibrate(model, fashionBatches(true, 64, 32));
    auto b = vp::builtinRegistry().create("patch-slimming", knobs("0.3", "0", "8"));
    b->calibrate(model, fashionBatches(true, 8, 3));
    auto ra = model.forward(x, *a, {vp::TraceLevel::Full}), rb = model.forward(x, *b, {vp::TraceLevel::Full});
    for (int l = 0; l < 12; ++l) EXPECT_EQ(ra.trace.layers[l].patchToken, rb.trace.layers[l].patchToken);
    EXPECT_TRUE(at::allclose(ra.logits, rb.logits, 1e-5, 1e-5));
    // Another keep ratio with the same calib size: masks recomputed from the stored attention.
    a->configure(knobs("0.6", "0", "8"));
    EXPECT_EQ(model.forward(x, *a).trace.layers[11].mlpTokens[0], 1 + 30);  // ceil(0.6 * 49)
    // Another calib size: calibration needed again.
    a->configure(knobs("0.6", "0", "16"));
    EXPECT_THROW(model.forward(x, *a), vp::Error);
    EXPECT_THROW(a->calibrate(model, {}), vp::Error);
}

TEST(PatchSlimming, GMacsRiseWithKeep) {
    c10::InferenceMode guard;
    vp::ViTModel model = smallModel();
    auto m = calibrated(model, knobs("0.1"));
    const at::Tensor x = fashionBatches(false, 1, 1)[0];
    double previous = 0;
    for (const char* keep : {"0.1", "0.3", "0.5", "0.7", "0.9", "1"}) {
        m->configure(knobs(keep));
        const double g = vp::traceMacs(model, model.forward(x, *m).trace);
        EXPECT_GT(g, previous) << "keep " << keep;
        previous = g;
    }
    EXPECT_DOUBLE_EQ(previous, vp::denseMacs(model));
}

TEST(PatchSlimming, GMacsOnDeitSmall) {
    c10::InferenceMode guard;
    vp::ViTModel model = vp::loadModel("random:deit_small_patch16_224");
    auto m = vp::builtinRegistry().create("patch-slimming", knobs("0.5", "0", "2"));
    m->calibrate(model, {at::randn({2, 3, 224, 224})});
    // n_l = ceil((1 - 0.5 l / 11) * 196): 196 ... 98 patches, 3.42 G (the paper's 2.6 G is keep ~0.14).
    const double g = vp::toG(vp::traceMacs(model, model.forward(at::randn({1, 3, 224, 224}), *m).trace));
    EXPECT_NEAR(g, 3.421, 0.005);
}

}  // namespace
