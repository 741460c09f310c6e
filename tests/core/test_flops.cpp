// GMACs in the fvcore convention (DeiT paper table values) and from traces.
#include <c10/core/InferenceMode.h>
#include <gtest/gtest.h>

#include "model/model_loader.h"
#include "prune/flops.h"
#include "prune/registry.h"

namespace {

double configG(const std::string& arch) {
    vp::ViTConfig c;
    EXPECT_TRUE(vp::ViTConfig::fromArchitecture(arch, c));
    return vp::toG(vp::denseMacs(c));
}

TEST(Flops, DeitConfigsMatchPaperTable) {
    EXPECT_NEAR(configG("deit_tiny_patch16_224"), 1.26, 0.01);
    EXPECT_NEAR(configG("deit_small_patch16_224"), 4.60, 0.01);
    EXPECT_NEAR(configG("deit_base_patch16_224"), 17.56, 0.02);
}

TEST(Flops, DenseBlockFormulaIs12NC2Plus2N2C) {
    const double N = 197, C = 384;
    EXPECT_DOUBLE_EQ(vp::blockMacs(384, {384, 1536, true}, N, N), 12 * N * C * C + 2 * N * N * C);
    // Tokens shrinking after attention: 4*Na*C^2 + 2*Na^2*C + 8*Nm*C^2.
    EXPECT_DOUBLE_EQ(vp::blockMacs(384, {384, 1536, true}, 197, 139),
                     4 * 197 * C * C + 2 * 197.0 * 197 * C + 8 * 139 * C * C);
}

TEST(Flops, RemovedAttentionCostsOnlyTheMlp) {
    EXPECT_DOUBLE_EQ(vp::blockMacs(192, {192, 768, false}, 50, 50), 8.0 * 50 * 192 * 192);
}

TEST(Flops, TraceOfDenseForwardEqualsConfigFormula) {
    c10::InferenceMode guard;
    vp::ViTConfig c;
    vp::ViTConfig::fromArchitecture("deit_tiny_patch16_224", c);
    c.imageSize = 64;  // small input keeps the test fast; the formula holds for any grid
    vp::ViTModel m = vp::randomModel(c, 1);
    auto dense = vp::builtinRegistry().create("dense");
    auto r = m.forward(at::randn({2, 3, 64, 64}), *dense);
    EXPECT_NEAR(vp::traceMacs(m, r.trace), vp::denseMacs(m), 1.0);
    EXPECT_NEAR(vp::denseMacs(m), vp::denseMacs(c), 1.0);
}

TEST(Flops, MonotoneInKeepRatio) {
    c10::InferenceMode guard;
    vp::ViTConfig c;
    vp::ViTConfig::fromArchitecture("deit_tiny_patch16_224", c);
    c.imageSize = 96;
    vp::ViTModel m = vp::randomModel(c, 1);
    const at::Tensor x = at::randn({1, 3, 96, 96});
    double previous = 0;
    for (double keep : {0.2, 0.4, 0.6, 0.8, 1.0}) {
        vp::KnobValues v;
        v.set("keep", std::to_string(keep));
        auto method = vp::builtinRegistry().create("random", v);
        const double g = vp::traceMacs(m, m.forward(x, *method).trace);
        EXPECT_GT(g, previous) << "keep " << keep;
        previous = g;
    }
    EXPECT_NEAR(previous, vp::denseMacs(m), 1.0);
}

}  // namespace
