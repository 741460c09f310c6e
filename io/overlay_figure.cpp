#include "io/overlay_figure.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "common/atomic_file.h"
#include "common/error.h"
#include "io/fate_drawing.h"

namespace vp {
namespace {

// As withCaption() draws its lines.
int textWidth(const std::string& text) {
    int baseline = 0;
    return cv::getTextSize(text, cv::FONT_HERSHEY_SIMPLEX, 0.45, 1, &baseline).width;
}

// `parts` joined by two spaces into lines at most `width` pixels wide (a part wider than that
// gets a line of its own).
std::vector<std::string> wrap(const std::vector<std::string>& parts, int width) {
    std::vector<std::string> lines;
    for (const std::string& part : parts) {
        if (part.empty()) continue;
        if (!lines.empty() && textWidth(lines.back() + "  " + part) + 12 <= width)
            lines.back() += "  " + part;
        else
            lines.push_back(part);
    }
    return lines;
}

std::vector<std::string> splitAtGaps(const std::string& text) {
    std::vector<std::string> parts;
    size_t start = 0;
    while (start <= text.size()) {
        const size_t gap = text.find("  ", start);
        parts.push_back(text.substr(start, gap == std::string::npos ? std::string::npos : gap - start));
        if (gap == std::string::npos) break;
        start = gap + 2;
    }
    return parts;
}

}  // namespace

cv::Mat fateGridFigure(const cv::Mat& crop, const TokenTrace& trace, const std::vector<int>& blocks, int scale,
                       const std::string& caption) {
    const char* names[] = {"kept", "merged", "fused", "dropped", "parked", "reused"};
    std::vector<cv::Mat> pictures;
    std::vector<std::vector<std::string>> captions;
    size_t captionLines = 0;
    for (int block : blocks) {
        pictures.push_back(drawFates(crop, trace, block, scale));
        const auto n = countFates(trace, block);
        std::vector<std::string> parts{"block " + std::to_string(block)};
        for (int i = 0; i < 6; ++i)
            if (n[i] > 0) parts.push_back(std::string(names[i]) + " " + std::to_string(n[i]));
        // "block N" on its own line, the counts wrapped under it.
        std::vector<std::string> lines{parts[0]};
        for (std::string& l : wrap({parts.begin() + 1, parts.end()}, pictures.back().cols)) lines.push_back(l);
        captionLines = std::max(captionLines, lines.size());
        captions.push_back(std::move(lines));
    }
    std::vector<cv::Mat> tiles;
    for (size_t i = 0; i < pictures.size(); ++i) {
        captions[i].resize(captionLines);  // equal heights
        tiles.push_back(withCaption(pictures[i], captions[i]));
    }
    const int n = static_cast<int>(tiles.size());
    const int cols = std::max(1, std::min(n, kFigureColumns)), rows = std::max(1, (n + cols - 1) / cols);
    const int tileW = n ? tiles[0].cols : crop.cols * scale, tileH = n ? tiles[0].rows : crop.rows * scale;
    cv::Mat grid(kFigureGap + rows * (tileH + kFigureGap), kFigureGap + cols * (tileW + kFigureGap), CV_8UC3,
                 cv::Scalar(80, 80, 80));
    for (int i = 0; i < n; ++i) {
        const int x = kFigureGap + (i % cols) * (tileW + kFigureGap),
                  y = kFigureGap + (i / cols) * (tileH + kFigureGap);
        tiles[static_cast<size_t>(i)].copyTo(grid(cv::Rect(x, y, tileW, tileH)));
    }
    return withCaption(grid, wrap(splitAtGaps(caption), grid.cols));
}

std::string figureFormat(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".png") return ".png";
    if (ext == ".jpg" || ext == ".jpeg") return ".jpg";
    throw fileError(path, (ext.empty() ? std::string("no file extension") : "unknown figure format '" + ext + "'") +
                              "; give a .png or .jpg name");
}

std::string encodeFigure(const std::string& path, const cv::Mat& bgr) {
    const std::string format = figureFormat(path);
    std::vector<uchar> bytes;
    std::vector<int> params;
    if (format == ".jpg") params = {cv::IMWRITE_JPEG_QUALITY, 95};
    bool ok = false;
    try {
        ok = cv::imencode(format, bgr, bytes, params);
    } catch (const cv::Exception& e) {
        throw fileError(path, std::string("cannot encode the figure: ") + e.what());
    }
    if (!ok) throw fileError(path, "cannot encode the figure as " + format);
    return std::string(bytes.begin(), bytes.end());
}

void writeFigureFile(const std::string& path, const cv::Mat& bgr) { writeFileAtomic(path, encodeFigure(path, bgr)); }

}  // namespace vp
