// The random-keep baseline: counts follow ceil(keep * N), tokens really leave the tensors, the
// trace agrees with them, keep = 1 is exactly dense, and the same seed gives the same result.
#include <c10/core/InferenceMode.h>
#include <gtest/gtest.h>

#include "model/model_loader.h"
#include "prune/registry.h"
#include "support/small_vit.h"

namespace {

vp::ViTModel smallModel() {
    vp::ViTConfig c = vp::test::smallConfig();
    return vp::randomModel(c, 3);
}

vp::MethodPtr randomKeep(const std::string& keep, const std::string& where = "3,6,9", const std::string& seed = "0") {
    vp::KnobValues v;
    v.set("keep", keep);
    v.set("locations", where);
    v.set("seed", seed);
    return vp::builtinRegistry().create("random", v);
}

TEST(RandomKeep, KeptCountsFollowCeilOfRatio) {
    c10::InferenceMode guard;
    vp::ViTModel m = smallModel();
    auto method = randomKeep("0.7");
    auto r = m.forward(at::randn({3, 1, 28, 28}), *method, {vp::TraceLevel::Full});
    // 49 patches: ceil(0.7*49)=35, ceil(0.7*35)=25, ceil(0.7*25)=18.
    const std::vector<int> expected{49, 49, 49, 35, 35, 35, 25, 25, 25, 18, 18, 18};
    for (int l = 0; l < 12; ++l) {
        EXPECT_EQ(r.trace.layers[l].mlpTokens, std::vector<int>(3, expected[l] + 1)) << "layer " << l;
        int kept = 0;
        for (auto f : r.trace.layers[l].fate) kept += f != vp::PatchFate::Dropped;
        EXPECT_EQ(kept, 3 * expected[l]) << "trace disagrees with the tensors at layer " << l;
    }
    EXPECT_EQ(r.trace.layers[3].attnTokens, std::vector<int>(3, 50));  // pruning happens after attention
}

TEST(RandomKeep, PatchToTokenPointsAtDistinctLiveTokens) {
    c10::InferenceMode guard;
    vp::ViTModel m = smallModel();
    auto method = randomKeep("0.5");
    auto r = m.forward(at::randn({2, 1, 28, 28}), *method, {vp::TraceLevel::Full});
    const auto& lt = r.trace.layers.back();
    for (int b = 0; b < 2; ++b) {
        std::set<int> seen;
        for (int p = 0; p < 49; ++p) {
            const int t = lt.patchToken[b * 49 + p];
            if (t < 0) continue;
            EXPECT_GE(t, 1);
            EXPECT_LT(t, lt.mlpTokens[b]);
            EXPECT_TRUE(seen.insert(t).second) << "two patches in one token without merging";
        }
        EXPECT_EQ(static_cast<int>(seen.size()), lt.mlpTokens[b] - 1);
    }
}

TEST(RandomKeep, KeepOneIsExactlyDense) {
    c10::InferenceMode guard;
    vp::ViTModel m = smallModel();
    const at::Tensor x = at::randn({2, 1, 28, 28});
    auto method = randomKeep("1.0");
    EXPECT_TRUE(at::equal(m.forward(x, *method).logits, m.forward(x)));
}

TEST(RandomKeep, SameSeedSameResultOtherSeedDiffers) {
    c10::InferenceMode guard;
    vp::ViTModel m = smallModel();
    const at::Tensor x = at::randn({1, 1, 28, 28});
    auto a = randomKeep("0.3", "0", "1");
    auto b = randomKeep("0.3", "0", "1");
    auto c = randomKeep("0.3", "0", "2");
    const at::Tensor la = m.forward(x, *a).logits;
    EXPECT_TRUE(at::equal(la, m.forward(x, *a).logits));  // per-forward reseed
    EXPECT_TRUE(at::equal(la, m.forward(x, *b).logits));
    EXPECT_FALSE(at::equal(la, m.forward(x, *c).logits));
}

}  // namespace
