#pragma once
// Training-time augmentation for small grey images, on whole batches of tensors (no per-image
// OpenCV work): random crop with zero padding, horizontal flip, random erasing.
#include <ATen/ATen.h>

#include <vector>

namespace vp {

struct AugmentOptions {
    int padding = 2;          // pixels of zero (black background) around each side before the crop
    bool flip = true;         // horizontal flip with probability 0.5
    double eraseProb = 0.25;  // probability of one erased rectangle per image
    double eraseMinArea = 0.02, eraseMaxArea = 0.25;  // of the image area
};

// uint8 [B, H, W] (or [B, 1, H, W]) -> float [B, 1, H, W] normalised with mean/std.
at::Tensor normalizeGrey(const at::Tensor& pixels, double mean, double std);

// uint8 [B, H, W] -> float [B, 1, H, W] normalised, augmented. Every random draw comes from `gen`,
// so the result is a function of (pixels, options, generator state).
at::Tensor augmentGrey(const at::Tensor& pixels, const AugmentOptions& options, double mean, double std,
                       at::Generator& gen);

// The generator of epoch `epoch`'s data order and augmentation draws: a function of (seed, epoch)
// only, so a resumed run needs no generator state.
at::Generator epochGenerator(uint64_t seed, int epoch);

}  // namespace vp
