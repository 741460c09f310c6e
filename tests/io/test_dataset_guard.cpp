// checkDatasetFitsModel (io/dataset_guard.h): class counts must agree, channels are converted.
#include <gtest/gtest.h>

#include "common/error.h"
#include "io/dataset_guard.h"

namespace {

class FakeDataset : public vp::Dataset {
public:
    explicit FakeDataset(int classes) : m_classes(classes) {}
    std::string name() const override { return "fake"; }
    int64_t size() const override { return 1; }
    std::vector<std::string> classNames() const override { return std::vector<std::string>(m_classes, "c"); }
    vp::Batch batch(const std::vector<int64_t>&, const vp::ViTConfig&) const override { return {}; }

private:
    int m_classes;
};

std::string refusal(const vp::ViTConfig& cfg, const vp::Dataset& data) {
    try {
        vp::checkDatasetFitsModel(cfg, data, "fashion-mnist", "random:deit_small_patch16_224");
    } catch (const vp::Error& e) {
        EXPECT_EQ(e.exitCode(), 2);
        return e.what();
    }
    return "";
}

TEST(DatasetGuard, ClassCountsMustAgree) {
    vp::ViTConfig deit;  // 3×224×224, 1000 classes
    const std::string msg = refusal(deit, FakeDataset(10));
    EXPECT_NE(msg.find("dataset 'fashion-mnist' has 10 classes"), std::string::npos) << msg;
    EXPECT_NE(msg.find("model 'random:deit_small_patch16_224' has 1000"), std::string::npos) << msg;
    EXPECT_NE(msg.find("folder of class folders"), std::string::npos) << msg;
    EXPECT_EQ(refusal(deit, FakeDataset(1000)), "");
    // A grey dataset on a 3-channel model with its class count is fine (pre-processing converts).
    vp::ViTConfig rgbTen;
    rgbTen.numClasses = 10;
    EXPECT_EQ(refusal(rgbTen, FakeDataset(10)), "");
    EXPECT_NE(refusal(rgbTen, FakeDataset(3)).find("has 3 classes but"), std::string::npos);
    vp::ViTConfig odd = rgbTen;
    odd.inChans = 4;
    EXPECT_NE(refusal(odd, FakeDataset(10)).find("4x224x224"), std::string::npos);
    // No model name: the architecture names it.
    try {
        vp::checkDatasetFitsModel(deit, FakeDataset(10), "d");
        FAIL();
    } catch (const vp::Error& e) {
        EXPECT_NE(std::string(e.what()).find("model 'vit_custom'"), std::string::npos) << e.what();
    }
}

}  // namespace
