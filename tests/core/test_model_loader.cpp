// Opening models: every bad input gives one clear error naming the file and the problem.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "common/error.h"
#include "model/key_map.h"
#include "model/model_loader.h"
#include "model/safetensors_io.h"

namespace fs = std::filesystem;

namespace {

const std::string kRef = std::string(VP_TEST_DATA) + "/reference/";

std::string errorOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const vp::Error& e) {
        return e.what();
    }
    return "(no error)";
}

class TempDir {
public:
    TempDir()
        : m_path(fs::temp_directory_path() /
                 ("vp_loader_" + std::to_string(::getpid()) + "_" + std::to_string(s_n++))) {
        fs::create_directories(m_path);
    }
    ~TempDir() { fs::remove_all(m_path); }
    std::string file(const std::string& name) const { return (m_path / name).string(); }

private:
    static inline int s_n = 0;
    fs::path m_path;
};

vp::TensorMap timmTensors() { return vp::readSafetensors(kRef + "tv_vit_timm.safetensors").tensors; }

void writeText(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

TEST(ModelLoader, RandomArchitecturesAndUnknownOnes) {
    EXPECT_EQ(vp::loadModel("random:deit_tiny_patch16_224").config().embedDim, 192);
    EXPECT_NE(errorOf([] { vp::loadModel("random:resnet50"); }).find("unknown architecture 'resnet50'"),
              std::string::npos);
}

TEST(ModelLoader, MissingFileNamesIt) {
    const std::string msg = errorOf([] { vp::loadModel("/nonexistent/model.safetensors"); });
    EXPECT_NE(msg.find("/nonexistent/model.safetensors"), std::string::npos);
    EXPECT_NE(msg.find("no such file"), std::string::npos);
}

TEST(ModelLoader, MissingKeyNamesTheKey) {
    TempDir d;
    vp::TensorMap t = timmTensors();
    t.erase("blocks.2.mlp.fc1.bias");
    vp::writeSafetensors(d.file("m.safetensors"), t);
    const std::string msg = errorOf([&] { vp::loadModel(d.file("m.safetensors")); });
    EXPECT_NE(msg.find("m.safetensors"), std::string::npos);
    EXPECT_NE(msg.find("missing tensor 'blocks.2.mlp.fc1.bias'"), std::string::npos);
}

TEST(ModelLoader, ShapesThatContradictTheConfig) {
    TempDir d;
    vp::writeSafetensors(d.file("m.safetensors"), timmTensors());
    writeText(
        d.file("m.config.json"),
        R"({"num_classes": 10, "input_size": [3, 32, 32], "patch_size": 4, "embed_dim": 64, "depth": 4, "num_heads": 2})");
    const std::string msg = errorOf([&] { vp::loadModel(d.file("m.safetensors")); });
    EXPECT_NE(msg.find("m.safetensors"), std::string::npos) << msg;
    EXPECT_NE(msg.find("has shape"), std::string::npos) << msg;
}

TEST(ModelLoader, DepthMismatchAndBadConfigJson) {
    TempDir d;
    vp::writeSafetensors(d.file("m.safetensors"), timmTensors());
    writeText(
        d.file("m.config.json"),
        R"({"num_classes": 10, "input_size": [3, 32, 32], "patch_size": 4, "embed_dim": 48, "depth": 3, "num_heads": 3, "mlp_ratio": 4})");
    EXPECT_NE(errorOf([&] { vp::loadModel(d.file("m.safetensors")); }).find("more blocks than the config's depth 3"),
              std::string::npos);
    writeText(d.file("m.config.json"), "{ not json");
    const std::string msg = errorOf([&] { vp::loadModel(d.file("m.safetensors")); });
    EXPECT_NE(msg.find("m.config.json"), std::string::npos);
    EXPECT_NE(msg.find("not valid JSON"), std::string::npos);
    writeText(d.file("m.config.json"), R"({"num_heads": 5, "embed_dim": 48})");
    EXPECT_NE(errorOf([&] { vp::loadModel(d.file("m.safetensors")); }).find("does not divide embed_dim"),
              std::string::npos);
}

TEST(ModelLoader, NotAViTCheckpoint) {
    TempDir d;
    vp::writeSafetensors(d.file("m.safetensors"), {{"conv1.weight", at::zeros({4, 3, 3, 3})}});
    const std::string msg = errorOf([&] { vp::loadModel(d.file("m.safetensors")); });
    EXPECT_NE(msg.find("not a ViT checkpoint"), std::string::npos) << msg;
    EXPECT_NE(msg.find("conv1.weight"), std::string::npos) << msg;
}

TEST(ModelLoader, UnknownExtension) {
    TempDir d;
    writeText(d.file("m.onnx"), "x");
    EXPECT_NE(errorOf([&] { vp::loadModel(d.file("m.onnx")); }).find("unknown checkpoint type '.onnx'"),
              std::string::npos);
}

TEST(ModelLoader, ConfigInferredFromShapesWithoutJson) {
    TempDir d;
    vp::writeSafetensors(d.file("m.safetensors"), timmTensors());
    vp::ViTModel m = vp::loadModel(d.file("m.safetensors"));
    EXPECT_EQ(m.config().embedDim, 48);
    EXPECT_EQ(m.config().depth, 4);
    EXPECT_EQ(m.config().imageSize, 32);
    EXPECT_EQ(m.config().patchSize, 4);
    EXPECT_EQ(m.config().numClasses, 10);
    EXPECT_EQ(m.config().mlpHidden, 192);
}

TEST(ModelLoader, SaveThenLoadRoundTripsWeightsAndConfig) {
    TempDir d;
    vp::ViTModel a = vp::loadModel(kRef + "tv_vit_timm.safetensors");
    vp::saveModel(a, d.file("saved"));
    vp::ViTModel b = vp::loadModel(d.file("saved"));
    EXPECT_EQ(b.config().numHeads, 3);
    const at::Tensor x = at::randn({1, 3, 32, 32});
    EXPECT_TRUE(at::equal(a.forward(x), b.forward(x)));
}

TEST(ModelLoader, HubCacheDiscoveryFindsTimmSnapshots) {
    TempDir d;
    const fs::path snap =
        fs::path(d.file("hub")) / "models--timm--deit_small_patch16_224.fb_in1k" / "snapshots" / "abc123";
    fs::create_directories(snap);
    writeText((snap / "model.safetensors").string(), "x");
    fs::create_directories(fs::path(d.file("hub")) / "models--bert--base" / "snapshots" / "x");
    ::setenv("HF_HOME", d.file("").c_str(), 1);
    auto found = vp::discoverHubModels();
    ::unsetenv("HF_HOME");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].repo, "timm/deit_small_patch16_224.fb_in1k");
}

}  // namespace
