// Structural slicing (prune/structure_plan.h): removing nothing equals dense; removing units whose
// outgoing weights are zero leaves the logits unchanged (heads, query/key dims, value dims,
// neurons); a removed attention sub-block computes x <- 2x then the MLP (checked by hand); GMACs of
// non-uniform widths match a hand count; a saved pruned model reloads to identical logits; a
// folder whose widths contradict its weights is refused with the tensor named.
#include <c10/core/InferenceMode.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "common/error.h"
#include "model/model_loader.h"
#include "prune/flops.h"
#include "prune/registry.h"
#include "prune/structure_plan.h"
#include "support/fashion_batches.h"
#include "support/small_vit.h"

namespace fs = std::filesystem;

namespace {

vp::ViTModel smallModel(int depth = 4) { return vp::randomModel(vp::test::smallConfig(depth), 7); }

at::Tensor images(int n = 3) { return at::cat(vp::test::fashionBatches(false, n, n, 0.5, 0.5)); }

double maxDiff(const at::Tensor& a, const at::Tensor& b) { return (a - b).abs().max().item<double>(); }

TEST(StructurePlan, KeepingEverythingIsTheSameModel) {
    c10::InferenceMode guard;
    const vp::ViTModel m = smallModel();
    const vp::ViTModel same = vp::applyPlan(m, vp::keepEverything(m), "nothing");
    EXPECT_EQ(maxDiff(m.forward(images()), same.forward(images())), 0.0);
    EXPECT_DOUBLE_EQ(vp::denseMacs(same), vp::denseMacs(m));
    EXPECT_DOUBLE_EQ(vp::planMacs(m, vp::keepEverything(m)), vp::denseMacs(m));
}

// Zero what a unit writes (or, for query/key dims, what it contributes to q·k); then removing it
// must not change the logits.
TEST(StructurePlan, RemovingUnitsWithZeroOutgoingWeightsLeavesLogitsUnchanged) {
    c10::InferenceMode guard;
    vp::ViTModel m = smallModel();
    const int d = m.weights().blocks[0].headDim, H = m.weights().blocks[0].heads;  // 16, 2
    vp::KeepPlan plan = vp::keepEverything(m);
    // Block 0: head 1 writes nothing (its projection columns are zero).
    m.weights().blocks[0].projW.narrow(1, 1 * d, d).zero_();
    plan.blocks[0].heads = {0};
    plan.blocks[0].qkDims = {vp::allIndices(d)};
    plan.blocks[0].vDims = {vp::allIndices(d)};
    // Block 1: query dims 3 and 9 of both heads are zero (rows and bias), so q·k loses nothing.
    for (int h = 0; h < H; ++h)
        for (int j : {3, 9}) {
            m.weights().blocks[1].qkvW[h * d + j].zero_();
            m.weights().blocks[1].qkvB[h * d + j].zero_();
        }
    std::vector<int> qk;
    for (int j = 0; j < d; ++j)
        if (j != 3 && j != 9) qk.push_back(j);
    plan.blocks[1].qkDims = {qk, qk};
    // Block 2: value dims 0..3 of each head are never read (projection columns zero).
    std::vector<int> v;
    for (int h = 0; h < H; ++h) m.weights().blocks[2].projW.narrow(1, h * d, 4).zero_();
    for (int j = 4; j < d; ++j) v.push_back(j);
    plan.blocks[2].vDims = {v, v};
    // Block 3: neurons 0, 5 and 63 write nothing (fc2 columns zero).
    std::vector<int> neurons;
    for (int n : {0, 5, 63}) m.weights().blocks[3].fc2W.select(1, n).zero_();
    for (int n = 0; n < 64; ++n)
        if (n != 0 && n != 5 && n != 63) neurons.push_back(n);
    plan.blocks[3].neurons = neurons;

    const vp::ViTModel pruned = vp::applyPlan(m, plan, "test");
    EXPECT_LE(maxDiff(m.forward(images()), pruned.forward(images())), 1e-5);
    const auto& b = pruned.weights().blocks;
    EXPECT_EQ(b[0].heads, 1);
    EXPECT_EQ(b[1].headDim, d - 2);
    EXPECT_EQ(b[1].valueDim(), d);
    EXPECT_EQ(b[2].valueDim(), d - 4);
    EXPECT_EQ(b[3].mlpHidden(), 61);
    EXPECT_LT(pruned.parameterCount(), m.parameterCount());
}

TEST(StructurePlan, RemovedAttentionComputesTwiceTheInputThenTheMlp) {
    c10::InferenceMode guard;
    const vp::ViTModel m = smallModel(1);
    vp::KeepPlan plan = vp::keepEverything(m);
    plan.blocks[0].attention = false;
    const vp::ViTModel removed = vp::applyPlan(m, plan, "test");
    EXPECT_TRUE(removed.weights().blocks[0].attentionRemoved);
    EXPECT_FALSE(removed.weights().blocks[0].qkvW.defined());
    // By hand: embed, x <- 2x, x <- x + MLP(LN2(x)), final norm, CLS through the head.
    const at::Tensor x0 = images(2);
    const vp::ViTConfig& c = m.config();
    const vp::BlockWeights& b = m.weights().blocks[0];
    at::Tensor x = m.embed(x0) * 2;
    x = x +
        at::linear(at::gelu(at::linear(at::layer_norm(x, {c.embedDim}, b.norm2W, b.norm2B, c.lnEps), b.fc1W, b.fc1B)),
                   b.fc2W, b.fc2B);
    at::Tensor cls = at::layer_norm(x.select(1, 0), {c.embedDim}, m.weights().normW, m.weights().normB, c.lnEps);
    const at::Tensor expected = at::linear(cls, m.weights().headW, m.weights().headB);
    EXPECT_LE(maxDiff(removed.forward(x0), expected), 1e-5);
}

TEST(StructurePlan, GmacsOfNonUniformWidthsMatchAHandCount) {
    const vp::ViTModel m = smallModel(2);
    vp::KeepPlan plan = vp::keepEverything(m);
    plan.blocks[0].heads = {1};  // 1 head, qk 5 dims, v 7 dims, 10 neurons
    plan.blocks[0].qkDims = {{0, 1, 2, 3, 4}};
    plan.blocks[0].vDims = {{0, 1, 2, 3, 4, 5, 6}};
    plan.blocks[0].neurons = vp::allIndices(10);
    plan.blocks[1].attention = false;  // no attention, 64 neurons
    plan.embedDims = vp::allIndices(24);
    const vp::ViTModel pruned = vp::applyPlan(m, plan, "test");
    const double N = 50, C = 24, P = 49;
    const double block0 = N * C * (2 * 5 + 7) + N * N * (5 + 7) + N * 7 * C + 2 * N * C * 10;
    const double block1 = 2 * N * C * 64;
    const double stemHead = P * 1 * 4 * 4 * C + C * 10;
    EXPECT_DOUBLE_EQ(vp::denseMacs(pruned), stemHead + block0 + block1);
    EXPECT_DOUBLE_EQ(vp::planMacs(m, plan), vp::denseMacs(pruned));
    // The traced forward counts the same.
    c10::InferenceMode guard;
    auto dense = vp::builtinRegistry().create("dense");
    const vp::ForwardResult r = pruned.forward(images(1), *dense);
    EXPECT_DOUBLE_EQ(vp::traceMacs(pruned, r.trace), stemHead + block0 + block1);
}

TEST(StructurePlan, SavedPrunedModelReloadsToIdenticalLogits) {
    c10::InferenceMode guard;
    const vp::ViTModel m = smallModel(3);
    vp::KeepPlan plan = vp::keepEverything(m);
    plan.blocks[0].heads = {1};
    plan.blocks[0].qkDims = {vp::allIndices(9)};
    plan.blocks[0].vDims = {vp::allIndices(12)};
    plan.blocks[1].attention = false;
    plan.blocks[2].neurons = {1, 2, 30, 40};
    const vp::ViTModel pruned = vp::applyPlan(m, plan, "test plan");
    const fs::path dir = fs::temp_directory_path() / "vp_test_pruned_model";
    fs::remove_all(dir);
    vp::saveModel(pruned, dir.string());
    const vp::ViTModel back = vp::loadModel(dir.string());
    EXPECT_EQ(maxDiff(pruned.forward(images()), back.forward(images())), 0.0);
    EXPECT_EQ(back.config().blockWidths, pruned.config().blockWidths);
    EXPECT_EQ(back.config().prunedBy, "test plan");
    EXPECT_TRUE(back.weights().blocks[1].attentionRemoved);
    EXPECT_DOUBLE_EQ(vp::denseMacs(back), vp::denseMacs(pruned));

    // A width that contradicts the weights: one clear error naming the tensor.
    std::ifstream in(dir / "config.json");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    in.close();
    const auto at = text.find("\"mlp_hidden\": 4");
    ASSERT_NE(at, std::string::npos);
    text.replace(at, 15, "\"mlp_hidden\": 5");
    std::ofstream(dir / "config.json") << text;
    try {
        vp::loadModel(dir.string());
        FAIL() << "a contradicting width loaded";
    } catch (const vp::Error& e) {
        EXPECT_NE(std::string(e.what()).find("blocks.2.mlp.fc1.weight"), std::string::npos) << e.what();
    }
    fs::remove_all(dir);
}

TEST(StructurePlan, PlansThatKeepNothingOfABlockAreRefused) {
    const vp::ViTModel m = smallModel(2);
    vp::KeepPlan plan = vp::keepEverything(m);
    plan.blocks[1].neurons.clear();
    EXPECT_THROW(vp::applyPlan(m, plan, "x"), vp::Error);
    plan = vp::keepEverything(m);
    plan.blocks[0].heads.clear();
    plan.blocks[0].qkDims.clear();
    plan.blocks[0].vDims.clear();
    EXPECT_THROW(vp::applyPlan(m, plan, "x"), vp::Error);
    plan = vp::keepEverything(m);
    plan.blocks[0].neurons = {5, 3};  // not ascending
    EXPECT_THROW(vp::applyPlan(m, plan, "x"), vp::Error);
}

}  // namespace
