// Parity of the C++ ViT with code nobody here wrote: torchvision's VisionTransformer (logits
// made by tests/fixtures/make_reference_fixtures.py), loaded through each key map.
#include <c10/core/InferenceMode.h>
#include <gtest/gtest.h>

#include <iostream>

#include "model/model_loader.h"
#include "model/safetensors_io.h"
#include "prune/registry.h"

namespace {

const std::string kRef = std::string(VP_TEST_DATA) + "/reference/";

at::Tensor ref(const std::string& key) {
    static const vp::SafetensorsFile f = vp::readSafetensors(kRef + "inputs_32.safetensors");
    return f.tensors.at(key);
}

double maxAbs(const at::Tensor& a, const at::Tensor& b) {
    const double d = (a - b).abs().max().item<double>();
    std::cout << "  max |C++ - reference| = " << d << "\n";
    return d;
}

TEST(VitParity, TorchvisionPthMatchesTorchvisionLogits) {
    c10::InferenceMode guard;
    vp::ViTModel m = vp::loadModel(kRef + "tv_vit.pth");
    EXPECT_EQ(m.family(), "torchvision");
    EXPECT_LE(maxAbs(m.forward(ref("x32")), ref("logits_tv")), 1e-4);
}

TEST(VitParity, TimmSafetensorsMatchesTorchvisionLogits) {
    c10::InferenceMode guard;
    vp::ViTModel m = vp::loadModel(kRef + "tv_vit_timm.safetensors");
    EXPECT_EQ(m.family(), "timm");
    EXPECT_EQ(m.config().numHeads, 3);
    EXPECT_LE(maxAbs(m.forward(ref("x32")), ref("logits_tv")), 1e-4);
}

TEST(VitParity, HuggingFaceKeysMatchTorchvisionLogits) {
    c10::InferenceMode guard;
    vp::ViTModel m = vp::loadModel(kRef + "hf_vit.safetensors");
    EXPECT_EQ(m.family(), "huggingface");
    EXPECT_EQ(m.config().label(3), "c3");
    EXPECT_LE(maxAbs(m.forward(ref("x32")), ref("logits_tv")), 1e-4);
}

TEST(VitParity, PositionEmbeddingResampledBicubicForLargerInput) {
    c10::InferenceMode guard;
    vp::ViTModel m = vp::loadModel(kRef + "tv_vit_timm.safetensors");
    const at::Tensor x48 = ref("x48");
    ASSERT_EQ(x48.size(2), 48);
    EXPECT_LE(maxAbs(m.forward(x48), ref("logits_48")), 1e-4);
}

TEST(VitParity, DistilledDeitAveragesBothHeads) {
    c10::InferenceMode guard;
    vp::ViTModel m = vp::loadModel(kRef + "deit_distilled_tiny.safetensors");
    EXPECT_TRUE(m.config().distilled);
    EXPECT_EQ(m.config().numPrefixTokens(), 2);
    EXPECT_LE(maxAbs(m.forward(ref("x_deit")), ref("logits_deit")), 1e-4);
}

TEST(VitParity, HookedForwardWithDenseMethodEqualsPlainForward) {
    c10::InferenceMode guard;
    vp::ViTModel m = vp::loadModel(kRef + "tv_vit_timm.safetensors");
    auto dense = vp::builtinRegistry().create("dense");
    vp::ForwardResult r = m.forward(ref("x32"), *dense, {vp::TraceLevel::Full});
    EXPECT_TRUE(at::equal(r.logits, m.forward(ref("x32"))));
    ASSERT_EQ(r.trace.layers.size(), 4u);
    for (const auto& lt : r.trace.layers) {
        EXPECT_EQ(lt.attnTokens, std::vector<int>(3, 65));
        for (auto f : lt.fate) EXPECT_EQ(f, vp::PatchFate::Kept);
    }
}

TEST(VitParity, AnyBatchSizeGivesTheSameLogitsPerImage) {
    c10::InferenceMode guard;
    vp::ViTModel m = vp::loadModel(kRef + "tv_vit_timm.safetensors");
    const at::Tensor x = ref("x32");
    const at::Tensor all = m.forward(x);
    for (int i = 0; i < 3; ++i) EXPECT_LE(maxAbs(m.forward(x.narrow(0, i, 1)), all.narrow(0, i, 1)), 1e-5);
}

}  // namespace
