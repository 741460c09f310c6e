#pragma once
// Image decoding with OpenCV, normalised to what timm's PIL pipeline would start from.
#include <opencv2/core.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "io/startup_environment.h"

namespace vp {

// Decodes an image file into an 8-bit cv::Mat: CV_8UC3 (BGR, OpenCV order) for colour images,
// CV_8UC1 for grey ones, as the file stores them.
//  - EXIF orientation is applied (the photo comes out the way viewers show it).
//  - 16-bit samples are scaled to 8 bits (v / 257, rounded), not clipped as PIL's I;16→L does.
//    32-bit float images (EXR/HDR/TIFF) are taken as [0,1] and scaled to [0,255].
//  - An alpha channel is dropped without compositing, as PIL's convert('RGB') does.
//  - At most kMaxImagePixels pixels (64 Mpx, e.g. 8192×8192; a 30000×30000 PNG of 2.6 MB
//    would need 2.7 GB decoded): larger images are refused before any pixel is decoded.
// Throws vp::Error "PATH: problem" for a missing, unreadable, empty, corrupt, truncated,
// unsupported or too large file, or a directory.
cv::Mat loadImage(const std::string& path);

// The same decoding from bytes in memory; `origin` names the data in error messages.
cv::Mat decodeImage(const std::vector<uint8_t>& bytes, const std::string& origin);

}  // namespace vp
