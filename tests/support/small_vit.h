// The small ViT most core tests run on: Fashion-MNIST's shape (28x28 grey, 4x4 patches, so
// 49 patch tokens + CLS), width 32, 2 heads. Cheap forwards, yet deep enough for schedules.
#pragma once

#include "model/model_loader.h"

namespace vp::test {

inline ViTConfig smallConfig(int depth = 12, double mean = 0.5, double stdev = 0.5) {
    ViTConfig c;
    c.imageSize = 28;
    c.inChans = 1;
    c.patchSize = 4;
    c.embedDim = 32;
    c.depth = depth;
    c.numHeads = 2;
    c.mlpHidden = 64;
    c.numClasses = 10;
    c.mean = {mean};
    c.std = {stdev};
    return c;
}

}  // namespace vp::test
