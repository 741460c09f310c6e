// The shipped default model, resources/models/fashion-vit-tiny: its config and weights agree,
// and it is accurate on Fashion-MNIST (first 1,000 test images, >= 88%). Skipped only while the
// folder does not exist yet (before the training run of issue 4 has produced it).
#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "eval/fashion_mnist_idx.h"
#include "model/model_loader.h"
#include "model/safetensors_io.h"
#include "train/augment.h"

namespace fs = std::filesystem;

namespace {

const fs::path kFolder = fs::path(VP_SOURCE_DIR) / "resources" / "models" / "fashion-vit-tiny";

#define SKIP_IF_NOT_SHIPPED()                                                      \
    if (!fs::exists(kFolder))                                                      \
    GTEST_SKIP() << kFolder.string()                                               \
                 << " does not exist yet: the default model has not been trained " \
                    "and committed (issue 4, `vitprune train`)"

std::string readText(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

}  // namespace

TEST(DefaultModel, ConfigAndWeightsAgree) {
    SKIP_IF_NOT_SHIPPED();
    ASSERT_TRUE(fs::exists(kFolder / "config.json"));
    ASSERT_TRUE(fs::exists(kFolder / "model.safetensors"));
    EXPECT_LE(fs::file_size(kFolder / "model.safetensors"), 25u << 20) << "weights must stay <= 25 MB";

    const nlohmann::json j = nlohmann::json::parse(readText(kFolder / "config.json"));
    EXPECT_EQ(j.at("architecture"), "fashion_vit_tiny");
    EXPECT_EQ(j.at("input_size"), nlohmann::json({1, 28, 28}));
    EXPECT_EQ(j.at("patch_size"), 4);
    EXPECT_EQ(j.at("num_classes"), 10);
    EXPECT_EQ(j.at("label_names").size(), 10u);
    EXPECT_EQ(j.at("label_names").get<std::vector<std::string>>(), vp::fashionMnistClassNames());
    ASSERT_TRUE(j.contains("top1_accuracy"));
    EXPECT_NEAR(j.at("mean")[0].get<double>(), 0.2860, 1e-9);
    EXPECT_NEAR(j.at("std")[0].get<double>(), 0.3530, 1e-9);

    // Raw tensors against the config: timm key names and shapes.
    const vp::TensorMap t = vp::readSafetensors((kFolder / "model.safetensors").string()).tensors;
    const int64_t C = j.at("embed_dim"), depth = j.at("depth"), mlp = j.at("mlp_hidden");
    EXPECT_EQ(t.at("patch_embed.proj.weight").sizes(), (at::IntArrayRef{C, 1, 4, 4}));
    EXPECT_EQ(t.at("pos_embed").sizes(), (at::IntArrayRef{1, 50, C}));
    EXPECT_EQ(t.at("cls_token").sizes(), (at::IntArrayRef{1, 1, C}));
    EXPECT_EQ(t.at("head.weight").sizes(), (at::IntArrayRef{10, C}));
    EXPECT_EQ(t.at("blocks." + std::to_string(depth - 1) + ".mlp.fc1.weight").sizes(), (at::IntArrayRef{mlp, C}));
    EXPECT_EQ(t.count("blocks." + std::to_string(depth) + ".norm1.weight"), 0u);
    for (const auto& [key, value] : t) EXPECT_TRUE(at::isfinite(value).all().item<bool>()) << key;

    // And through the loader, by its built-in name.
    const vp::ViTModel m = vp::loadModel("fashion-vit-tiny");
    EXPECT_NO_THROW(m.validate());
    EXPECT_EQ(m.config().depth, 12);
    EXPECT_EQ(m.config().numPatches(), 49);
    EXPECT_EQ(m.config().label(7), "Sneaker");
    EXPECT_EQ(m.config().reportedAccuracy, j.at("top1_accuracy").get<double>());
}

TEST(DefaultModel, AccuracyOnTheFirstThousandTestImagesMatchesItsClaim) {
    SKIP_IF_NOT_SHIPPED();
    const fs::path data(vp::fashionMnistDir());
    if (!fs::exists(data / "t10k-images-idx3-ubyte.gz"))
        GTEST_SKIP() << data.string() << " missing: install dataset-fashion-mnist (scripts/setup.sh)";
    const vp::IdxImages test = vp::readFashionMnist((data / "t10k-images-idx3-ubyte.gz").string(),
                                                    (data / "t10k-labels-idx1-ubyte.gz").string());
    const vp::ViTModel m = vp::loadModel("fashion-vit-tiny");
    c10::InferenceMode guard;
    int64_t correct = 0;
    const int64_t n = 1000, batch = 250;
    for (int64_t s = 0; s < n; s += batch) {
        at::Tensor x = vp::normalizeGrey(test.images.narrow(0, s, batch), m.config().mean[0], m.config().std[0]);
        correct += m.forward(x).argmax(1).eq(test.labels.narrow(0, s, batch)).sum().item<int64_t>();
    }
    const double acc = static_cast<double>(correct) / n;
    std::cout << "fashion-vit-tiny: top-1 " << 100 * acc << "% on the first 1000 test images\n";
    const double claimed = m.config().reportedAccuracy;
    // The shipped files state their 10k accuracy; it must be what the weights really do.
    EXPECT_NEAR(acc, claimed, 0.03) << "config.json top1_accuracy disagrees with the weights";
    // The targets: the shipped model claims >= 90% on the 10k test set, >= 88% on the first 1k.
    EXPECT_GE(claimed, 0.90);
    EXPECT_GE(acc, 0.88);
}
