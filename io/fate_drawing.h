#pragma once
// Patch fates drawn with OpenCV over the model's crop, for exports made without Qt (the overlaid
// video of `vitprune video --overlay-out` and of the studio's video page): kept / recomputed
// patches clear, reused ones (computed on an earlier frame) tinted blue, dropped ones dimmed,
// merged ones tinted per token, fused and parked ones outlined; and a caption bar under the frame.
#include <opencv2/core.hpp>

#include <string>
#include <vector>

#include "prune/token_trace.h"

namespace vp {

// `crop`: CV_8UC3 RGB (displayImage()). Returns BGR at `scale` times the crop's size, pixels kept
// sharp (nearest) so small model inputs stay legible. `layer`: 0-based block, clamped.
cv::Mat drawFates(const cv::Mat& crop, const TokenTrace& trace, int layer, int scale);

// `frame` (BGR) with `lines` of text in a dark bar below it (the figure's caption).
cv::Mat withCaption(const cv::Mat& frame, const std::vector<std::string>& lines);

// (Patches per fate: countFates in prune/token_trace.h.)

// What one frame of an overlaid video says under the picture.
struct FrameCaption {
    int64_t index = 0;
    std::string method, settings;  // id and settingsText()
    bool videoMethod = false;      // kept patches are "recomputed" ones
    int layer = 0;                 // 0-based block shown
    double gmacs = 0, denseGmacs = 0;
    std::string label, denseLabel;  // top-1 of the method and of dense
};

// One frame of an overlaid video: drawFates() of `crop` after caption.layer, with three caption
// lines (frame, method and settings, block; GMACs and top-1; the patches per fate that occur).
cv::Mat overlaidFrame(const cv::Mat& crop, const TokenTrace& trace, const FrameCaption& caption, int scale);

}  // namespace vp
