#pragma once
// timm's eval transform (transforms_imagenet_eval, crop_mode "center") in C++:
//   convert to the model's mode (RGB, or L for 1-channel models)
//   → Resize(floor(S / crop_pct)) of the short side with cfg.interpolation
//   → CenterCrop(S) → ToTensor (/255) → Normalize(cfg.mean, cfg.std).
//
// Resampling is a port of Pillow's (what torchvision's Resize runs on PIL images), not OpenCV's
// cv::resize: Pillow widens the filter when down-scaling (antialiasing), uses a = -0.5 for bicubic
// (OpenCV: -0.75), renormalises the kernel at the borders instead of replicating edge pixels and
// rounds to 8 bits between the horizontal and vertical pass. cv::resize would differ by several
// levels on down-scaled photos; this port matches Pillow's fixed-point arithmetic step for step.
// "nearest" follows Pillow too: source index floor((x + 0.5) · scale) (OpenCV's INTER_NEAREST
// uses floor(x · scale)).
#include <ATen/ATen.h>
#include <opencv2/core.hpp>
#include <string>
#include <vector>

#include "model/vit_config.h"

namespace vp {

// [1, cfg.inChans, S, S] float32, S = cfg.imageSize. `image` is what loadImage returns (8-bit grey
// or BGR; BGRA is accepted and its alpha dropped). Throws vp::Error for other types or a config
// the transform cannot honour (inChans other than 1 or 3, mean/std of the wrong length).
at::Tensor preprocess(const cv::Mat& image, const ViTConfig& cfg);

// [B, cfg.inChans, S, S]; images are processed in parallel. An empty list gives B = 0.
at::Tensor preprocessBatch(const std::vector<cv::Mat>& images, const ViTConfig& cfg);

// The S×S crop exactly as the model sees it, before normalisation, as CV_8UC3 in RGB order
// (grey models: the grey value in all three channels). For overlays (QImage::Format_RGB888).
cv::Mat displayImage(const cv::Mat& image, const ViTConfig& cfg);

// ---- building blocks (also used by the datasets and the tests) ----

// The crop before normalisation: S×S, CV_8UC1 for 1-channel models, CV_8UC3 in RGB order for
// 3-channel ones.
cv::Mat modelCrop(const cv::Mat& image, const ViTConfig& cfg);

// floor(S / cropPct): the short side the image is resized to before the centre crop.
int resizeShortSide(const ViTConfig& cfg);

// Pillow's Image.resize((width, height), filter) for CV_8UC1/CV_8UC3 images. `interpolation` is a
// timm name: bicubic, bilinear, nearest, lanczos, hamming, box. Throws vp::Error for others.
cv::Mat pilResize(const cv::Mat& src, int width, int height, const std::string& interpolation);

// Pillow's convert('L') of an RGB (not BGR) image: (R·19595 + G·38470 + B·7471 + 2^15) >> 16.
cv::Mat pilRgbToGrey(const cv::Mat& rgb);

// uint8 [B, C, H, W] (any strides) → float32 (x / 255 − mean) / std with cfg's per-channel
// statistics. The one normalisation every path uses, so fast and slow paths agree bit for bit.
at::Tensor normaliseUint8(const at::Tensor& images, const ViTConfig& cfg);

}  // namespace vp
