#pragma once
// Limits that OpenCV reads from the environment while it is loaded (before main()), for
// vp::ensureStartupEnvironment (common/runtime_setup.h), which every program's main() calls first.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace vp {

// The most pixels an image may have (64 Mpx, e.g. 8192×8192: ~200 MB decoded as BGR). A 2.6 MB
// PNG can declare 30000×30000 (2.7 GB); such images are refused before any pixel is decoded.
inline constexpr uint64_t kMaxImagePixels = uint64_t(1) << 26;

// OPENCV_IO_MAX_IMAGE_PIXELS: every OpenCV decoder checks the header's width × height against it
// before allocating (OpenCV's default is 2^30 pixels).
inline std::vector<std::pair<std::string, std::string>> imageDecodingEnvironment() {
    return {{"OPENCV_IO_MAX_IMAGE_PIXELS", std::to_string(kMaxImagePixels)}};
}

}  // namespace vp
