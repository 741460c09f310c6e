#pragma once
// A still figure of the patch fates of one image after chosen blocks (vitprune export-overlay):
// one tile per block in a grid, each captioned "block N" and its patches per fate, with caption
// lines under the grid. OpenCV only, so it is made without Qt.
#include <opencv2/core.hpp>

#include <string>
#include <vector>

#include "prune/token_trace.h"

namespace vp {

// The grid's geometry: at most kFigureColumns tiles per row, kFigureGap pixels around every tile.
// A figure of n tiles of width T is  c·T + (c+1)·kFigureGap  wide, c = min(n, kFigureColumns).
constexpr int kFigureColumns = 4;
constexpr int kFigureGap = 4;

// `crop`: CV_8UC3 RGB (displayImage()); `blocks`: 0-based blocks, one tile each, in that order;
// each tile is drawFates() at `scale` (nearest-neighbour, so small inputs stay pixelated).
// `caption`: text under the grid, wrapped to the figure's width at the two-space gaps. BGR.
cv::Mat fateGridFigure(const cv::Mat& crop, const TokenTrace& trace, const std::vector<int>& blocks, int scale,
                       const std::string& caption);

// ".png" or ".jpg" for a figure file name (".jpeg" too, any case); throws vp::Error naming
// `path` for any other extension.
std::string figureFormat(const std::string& path);

// The bytes of `bgr` encoded as `path`'s extension says (PNG, or JPEG at quality 95). Throws
// vp::Error naming `path`.
std::string encodeFigure(const std::string& path, const cv::Mat& bgr);

// encodeFigure() written atomically (a temporary beside `path`, then rename; nothing is left
// behind on failure). Throws vp::Error naming `path`.
void writeFigureFile(const std::string& path, const cv::Mat& bgr);

}  // namespace vp
