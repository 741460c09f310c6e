#pragma once
// Reader for the idx files of (Fashion-)MNIST, gzip-compressed or plain. LibTorch + zlib only.
#include <ATen/ATen.h>
#include <string>
#include <vector>

namespace vp {

struct IdxImages {
    at::Tensor images;  // [N, rows, cols] uint8 (28×28 for Fashion-MNIST)
    at::Tensor labels;  // [N] int64
};

// Reads an idx3 image file (magic 2051) and its idx1 label file (magic 2049). Either may be
// gzip-compressed (detected from the content, not the name). Validates magic numbers, dimensions,
// matching counts and exact data length. Throws vp::Error naming the offending file.
IdxImages readFashionMnist(const std::string& imagesPath, const std::string& labelsPath);

// Where Debian's dataset-fashion-mnist package installs the files.
std::string fashionMnistDir();

// The ten Fashion-MNIST class names, index = label.
const std::vector<std::string>& fashionMnistClassNames();

}  // namespace vp
