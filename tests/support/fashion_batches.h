// Real Fashion-MNIST images (Debian's dataset-fashion-mnist), normalised with a model's mean/std,
// in batches [B, 1, 28, 28]: the calibration and test data of the core tests.
#pragma once

#include <ATen/ATen.h>

#include <algorithm>
#include <string>
#include <vector>

#include "eval/fashion_mnist_idx.h"

namespace vp::test {

inline const IdxImages& fashionSet(bool train) {
    static IdxImages trainSet, testSet;
    IdxImages& set = train ? trainSet : testSet;
    if (!set.images.defined()) {
        const std::string dir = fashionMnistDir(), split = train ? "train" : "t10k";
        set =
            readFashionMnist(dir + "/" + split + "-images-idx3-ubyte.gz", dir + "/" + split + "-labels-idx1-ubyte.gz");
    }
    return set;
}

inline std::vector<at::Tensor> fashionBatches(bool train, int count, int batch, double mean = 0.286,
                                              double stdev = 0.353) {
    const IdxImages& set = fashionSet(train);
    at::Tensor x = (set.images.narrow(0, 0, count).to(at::kFloat) / 255.0 - mean) / stdev;
    std::vector<at::Tensor> out;
    for (int i = 0; i < count; i += batch) out.push_back(x.narrow(0, i, std::min(batch, count - i)).unsqueeze(1));
    return out;
}

}  // namespace vp::test
